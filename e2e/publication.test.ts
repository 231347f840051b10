// The public pages in a real browser, signed out: the demo's 2024 cycle published by its coordinator
// through the overview form (level and licence chosen there), then its public report and the public index
// in Arabic and English at 360 px without sideways scrolling, axe clean; the report's language links lead
// to each language with its own <html lang dir>; after withdrawal the public page is gone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { signIn } from '../src/domain/accounts/sign-in.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { assessmentPaths, paths } from '../src/http/paths.ts';
import { t } from '../src/i18n/index.ts';
import { axe, browserSkip, startE2E, type E2E } from './browser.ts';

const PREVIOUS = '00000000-0000-4000-8000-000000000de4';

describe('public pages in Chromium [sqlite]', { skip: browserSkip(), timeout: 240_000 }, () => {
  let e: E2E;
  let password = '';

  before(async () => {
    e = await startE2E();
    password = (await seedDemo(e.app.ctx)).accounts[0]!.password;
  });
  after(async () => {
    await e?.close();
  });

  async function visitor(locale: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await e.browser.newContext({ locale, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await context.addCookies([{ name: 'metep_lang', value: locale, url: e.base }]);
    return { context, page: await context.newPage() };
  }

  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  test('the coordinator publishes with distributions under CC BY-SA from the overview', async () => {
    const s = await signIn(e.app.ctx, { email: 'coordinator@demo.metep.example', password }, { ip: null, userAgent: null });
    const context = await e.browser.newContext({ locale: 'en', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await context.addCookies([{ name: 'metep_session', value: s.token, url: e.base }, { name: 'metep_lang', value: 'en', url: e.base }]);
    const page = await context.newPage();
    await page.goto(`${e.base}${assessmentPaths(PREVIOUS).overview}`);
    assert.deepEqual(await axe(page), [], 'overview with the publish choices');
    assert.equal(await overflow(page), 0);
    await page.check('#f-level-distributions');
    await page.selectOption('#f-licence', 'CC-BY-SA-4.0');
    await Promise.all([page.waitForURL(`${e.base}${assessmentPaths(PREVIOUS).overview}`), page.click(`button:has-text("${t('en', 'state.to.published')}")`)]);
    assert.ok((await page.textContent('#pub-h')) === t('en', 'pub.card_title'));
    assert.match((await page.textContent('main')) ?? '', /CC BY-SA 4\.0/);
    assert.deepEqual(await axe(page), [], 'overview of the published assessment');
    await context.close();
  });

  for (const lang of ['ar', 'en'] as const) {
    test(`signed out, ${lang}: the index and the public report at 360 px, axe clean, every language linked`, async () => {
      const { context, page } = await visitor(lang);
      const index = await page.goto(`${e.base}${paths.publicAssessments}`);
      assert.equal(index?.status(), 200);
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      assert.equal(await page.textContent('h1'), t(lang, 'pub.index_title'));
      assert.deepEqual(await axe(page), [], `index ${lang}`);
      assert.equal(await overflow(page), 0, 'index: no sideways scrolling');
      await Promise.all([page.waitForURL(/\/public\/assessments\/[^/]+$/), page.click(`table a[href="${paths.publicAssessment(PREVIOUS)}"]`)]);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      assert.equal(await page.textContent('#summary'), t(lang, 'report.summary'));
      assert.ok((await page.locator('table.item-annex .bucket .num').count()) > 0, 'distributions were published');
      assert.deepEqual(await axe(page), [], `report ${lang}`);
      assert.equal(await overflow(page), 0, 'report: no sideways scrolling');
      // The other language through its link: the report in it, the bar still in the reader's language.
      const other = lang === 'ar' ? 'en' : 'ar';
      await Promise.all([page.waitForURL(new RegExp(`language=${other}`)), page.click(`.report-bar a[hreflang="${other}"]`)]);
      assert.equal(await page.getAttribute('html', 'lang'), other);
      assert.equal(await page.getAttribute('.report-bar', 'lang'), lang);
      assert.equal(await page.getAttribute(`.report-bar a[hreflang="${other}"]`, 'aria-current'), 'page');
      assert.deepEqual(await axe(page), [], `report ${other} under ${lang}`);
      assert.equal(await overflow(page), 0);
      const pdf = await page.request.get(`${e.base}${paths.publicReportXlsx(PREVIOUS, other)}`);
      assert.equal(pdf.status(), 200);
      await context.close();
    });
  }

  test('after withdrawal the public page is not found and the index is empty', async () => {
    const s = await signIn(e.app.ctx, { email: 'coordinator@demo.metep.example', password }, { ip: null, userAgent: null });
    const context = await e.browser.newContext({ locale: 'en' });
    await context.addCookies([{ name: 'metep_session', value: s.token, url: e.base }, { name: 'metep_lang', value: 'en', url: e.base }]);
    const page = await context.newPage();
    await page.goto(`${e.base}${assessmentPaths(PREVIOUS).overview}`);
    await page.fill('#f-reason', 'A figure needs checking.');
    await Promise.all([page.waitForURL(`${e.base}${assessmentPaths(PREVIOUS).overview}`), page.click(`button:has-text("${t('en', 'state.back.validated')}")`)]);
    await context.close();
    const { context: v, page: p } = await visitor('en');
    assert.equal((await p.goto(`${e.base}${paths.publicAssessment(PREVIOUS)}`))?.status(), 404);
    await p.goto(`${e.base}${paths.publicAssessments}`);
    assert.match((await p.textContent('main')) ?? '', new RegExp(t('en', 'pub.none')));
    await v.close();
  });
});
