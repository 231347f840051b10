// The country report in a real browser on the demo's validated 2024 cycle: in Arabic and English, on a
// 360 px phone without sideways scrolling and on a desktop, with zero axe violations; the report's language
// chosen apart from the interface (an Arabic report under an English bar, each part with its own lang and
// dir), through a plain GET form.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { signIn } from '../src/domain/accounts/sign-in.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { assessmentPaths } from '../src/http/paths.ts';
import { t } from '../src/i18n/index.ts';
import { axe, browserSkip, startE2E, type E2E } from './browser.ts';

const PREVIOUS = '00000000-0000-4000-8000-000000000de4';

describe('country report in Chromium [sqlite]', { skip: browserSkip(), timeout: 240_000 }, () => {
  let e: E2E;
  let password = '';

  before(async () => {
    e = await startE2E();
    password = (await seedDemo(e.app.ctx)).accounts[0]!.password;
  });
  after(async () => {
    await e?.close();
  });

  async function as(locale: string, phone: boolean): Promise<{ context: BrowserContext; page: Page }> {
    const s = await signIn(e.app.ctx, { email: 'coordinator@demo.metep.example', password }, { ip: null, userAgent: null });
    const context = await e.browser.newContext({ locale, ...(phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } }) });
    await context.addCookies([{ name: 'metep_session', value: s.token, url: e.base }, { name: 'metep_lang', value: locale, url: e.base }]);
    return { context, page: await context.newPage() };
  }

  for (const lang of ['ar', 'en'] as const) {
    test(`the report in ${lang}: 360 px without sideways scrolling, desktop, axe clean`, async () => {
      for (const phone of [true, false]) {
        const { context, page } = await as(lang, phone);
        const res = await page.goto(`${e.base}${assessmentPaths(PREVIOUS).report()}`);
        assert.equal(res?.status(), 200);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
        assert.equal(await page.textContent('#summary'), t(lang, 'report.summary'));
        assert.deepEqual(await axe(page), [], `${lang} ${phone ? 'phone' : 'desktop'}`);
        if (phone) assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'no sideways scrolling');
        await context.close();
      }
    });
  }

  test('an Arabic report under an English interface, chosen with the form', async () => {
    const { context, page } = await as('en', true);
    await page.goto(`${e.base}${assessmentPaths(PREVIOUS).report()}`);
    await page.selectOption('#report-language', 'ar');
    await Promise.all([page.waitForURL(/language=ar/), page.click('.report-bar button[type=submit]')]);
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.getAttribute('.report-bar', 'lang'), 'en');
    assert.equal(await page.getAttribute('.report-bar', 'dir'), 'ltr');
    assert.equal(await page.textContent('#summary'), t('ar', 'report.summary'));
    assert.deepEqual(await axe(page), []);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
    await context.close();
  });
});
