// In a real browser at 360 px, Arabic and English: a person creates a personal API token (shown once),
// sees it listed and revokes it; the coordinator's field-import page reports a file's rows. axe finds no
// violation on either page and nothing scrolls sideways.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { signIn } from '../src/domain/accounts/sign-in.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { assessmentPaths, paths } from '../src/http/paths.ts';
import { axe, browserSkip, startE2E, type E2E } from './browser.ts';

describe('API tokens and field import in Chromium', { skip: browserSkip(), timeout: 180_000 }, () => {
  let e: E2E;
  let password = '';
  let id = '';
  before(async () => {
    e = await startE2E();
    const demo = await seedDemo(e.app.ctx);
    password = demo.accounts[0]!.password;
    id = demo.assessmentId;
  });
  after(async () => {
    await e?.close();
  });

  async function as(email: string, lang: string) {
    const s = await signIn(e.app.ctx, { email, password }, { ip: null, userAgent: null });
    const context = await e.browser.newContext({ locale: lang, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await context.addCookies([{ name: 'metep_session', value: s.token, url: e.base }, { name: 'metep_lang', value: lang, url: e.base }]);
    return { context, page: await context.newPage() };
  }
  const overflow = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  for (const lang of ['ar', 'en'] as const) {
    test(`tokens page: create, shown once, listed, revoked (${lang})`, async () => {
      const { context, page } = await as('coordinator@demo.metep.example', lang);
      await page.goto(`${e.base}${paths.tokens}`);
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      assert.deepEqual(await axe(page), []);
      await page.fill('#f-name', `Ministry dashboard ${lang}`);
      await page.selectOption('#f-assessmentId', id);
      await page.click('form[action="/account/tokens"] button[type=submit]');
      const secret = (await page.textContent('.copy')) ?? '';
      assert.match(secret, /^metep_/);
      assert.deepEqual(await axe(page), []);
      assert.ok((await overflow(page)) <= 0, 'no sideways scrolling');
      const res = await fetch(`${e.base}/api/v1/assessments/${id}/results`, { headers: { authorization: `Bearer ${secret}` } });
      assert.equal(res.status, 200);
      await page.goto(`${e.base}${paths.tokens}`);
      assert.equal(await page.locator('.copy').count(), 0, 'the secret is not shown again');
      await page.click(`form[action^="/account/tokens/"] button`);
      await page.waitForSelector('.flash');
      assert.deepEqual(await axe(page), []);
      assert.ok((await overflow(page)) <= 0);
      assert.equal((await fetch(`${e.base}/api/v1/assessments/${id}/results`, { headers: { authorization: `Bearer ${secret}` } })).status, 401);
      await context.close();
    });

    test(`field-import page with a row report (${lang})`, async () => {
      const { context, page } = await as('coordinator@demo.metep.example', lang);
      await page.goto(`${e.base}${assessmentPaths(id).fieldImport}`);
      assert.deepEqual(await axe(page), []);
      await page.setInputFiles('#f-field-csv', { name: 'kobo.csv', mimeType: 'text/csv', buffer: Buffer.from('"pillar_A/A_01";"respondent/group";"_uuid"\n"7";"civil_society";"5f0c2a1e-7d3b-4c8e-9a1f-0000000000e2"\n') });
      await page.click('form[enctype] button[type=submit]');
      await page.waitForSelector('table');
      assert.match((await page.textContent('main')) ?? '', /pillar_A\/A_01/);
      assert.deepEqual(await axe(page), []);
      assert.ok((await overflow(page)) <= 0);
      await context.close();
    });
  }
});
