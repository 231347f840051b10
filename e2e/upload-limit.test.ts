// A document over the upload limit in a real browser: with JavaScript the file is checked before sending
// (nothing is posted, the field says the limit); without JavaScript the server brings the person back to
// the same questionnaire page with the limit stated, signed in, nothing saved lost.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { signIn } from '../src/domain/accounts/sign-in.ts';
import { browserSkip, startE2E, type E2E } from './browser.ts';

describe('upload over the limit in Chromium', { skip: browserSkip(), timeout: 120_000 }, () => {
  let e: E2E;
  let id = '';
  let cookie = '';
  // Over the limit of the whole form (the document limit plus BODY_LIMIT_KB for the answers around it).
  const big = { name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(600 * 1024, 1) };

  before(async () => {
    e = await startE2E({ EVIDENCE_MAX_MB: '0.1' });
    const demo = await seedDemo(e.app.ctx);
    id = demo.assessmentId;
    cookie = (await signIn(e.app.ctx, { email: 'respondent1@demo.metep.example', password: demo.accounts[0]!.password }, { ip: null, userAgent: null })).token;
  });
  after(async () => {
    await e?.close();
  });

  for (const js of [true, false]) {
    test(`JavaScript ${js ? 'on: refused before sending' : 'off: back on the page with the limit'}`, async () => {
      const context = await e.browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: js });
      await context.addCookies([{ name: 'metep_session', value: cookie, url: e.base }, { name: 'metep_lang', value: 'en', url: e.base }]);
      const page = await context.newPage();
      const page_ = `${e.base}/assessments/${id}/answer/A`;
      await page.goto(page_);
      const posts: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url() === page_) posts.push(r.url());
      });
      await page.click('#q-A\\.01 .evidence summary');
      await page.setInputFiles('#lf-A\\.01', big);
      await page.click('#q-A\\.01 button[value="upload:A.01"]');
      if (js) {
        await page.waitForTimeout(300);
        assert.deepEqual(posts, [], 'nothing sent');
        assert.match(await page.$eval('#lf-A\\.01', (i) => (i as HTMLInputElement).validationMessage), /larger than 0\.1 MB/);
      } else {
        const flash = await page.waitForSelector('p.flash[role=status]', { timeout: 20_000 }).catch(async () => assert.fail(`no message; the page shows: ${(await page.textContent('body'))?.slice(0, 300)} at ${page.url()}`));
        assert.equal(posts.length, 1);
        assert.equal(page.url(), page_);
        assert.match((await flash.textContent()) ?? '', /The file was not sent: it is larger than 0\.1 MB/);
        assert.match((await page.textContent('header')) ?? '', /Sign out/, 'still signed in');
      }
      await context.close();
    });
  }
});
