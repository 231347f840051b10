// The instrument browse and methodology pages in a real browser, Arabic and English, with axe.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axe, browserSkip, startE2E, type E2E } from './browser.ts';

describe('instrument pages in Chromium', { skip: browserSkip(), timeout: 120_000 }, () => {
  let e: E2E;
  before(async () => {
    e = await startE2E();
  });
  after(async () => {
    await e?.close();
  });

  for (const lang of ['ar', 'en'] as const) {
    test(`browse and methodology pages have no axe violations (${lang})`, async () => {
      const page = await e.browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(`${e.base}/instruments?lang=${lang}`);
      assert.deepEqual(await axe(page), []);
      await page.click('a[href="/instruments/metep/2026.1"]');
      await page.waitForURL(/\/instruments\/metep\/2026\.1$/);
      assert.deepEqual(await axe(page), []);
      await page.click('a[href="/instruments/metep/2026.1/F"]');
      await page.waitForURL(/\/F$/);
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      assert.equal(await page.locator('article.item').count() >= 8, true);
      assert.deepEqual(await axe(page), []);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `F page overflows by ${overflow}px`);
      await page.goto(`${e.base}/methodology`);
      assert.deepEqual(await axe(page), []);
      await page.close();
    });
  }
});
