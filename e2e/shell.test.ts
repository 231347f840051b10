// In a real browser: first-run setup, sign in, language switch to Arabic (RTL), layout at 360 px, and
// zero axe violations on the home and sign-in pages in Arabic and English.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axe, browserSkip, startE2E, type E2E } from './browser.ts';

const skip = browserSkip();

describe('web shell in Chromium', { skip, timeout: 120_000 }, () => {
  let e: E2E;
  before(async () => {
    e = await startE2E();
  });
  after(async () => {
    await e?.close();
  });

  for (const lang of ['en', 'ar'] as const) {
    test(`home and sign-in pages have no axe violations (${lang})`, async () => {
      const page = await e.browser.newPage({ viewport: { width: 360, height: 740 } });
      await page.goto(`${e.base}/?lang=${lang}`);
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      assert.deepEqual(await axe(page), []);
      // Nothing overflows horizontally on a small phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `page is ${overflow}px wider than the viewport`);
      await page.goto(`${e.base}/sign-in`);
      assert.deepEqual(await axe(page), []);
      await page.close();
    });
  }

  test('a person creates the administrator, signs out, signs in, switches to Arabic and sees RTL', async () => {
    assert.ok(e.setupUrl, 'the start-up printed a setup link');
    const page = await e.browser.newPage();
    await page.goto(`${e.setupUrl}?lang=en`);
    await page.fill('#f-name', 'Grace Admin');
    await page.fill('#f-email', 'grace@example.org');
    await page.fill('#f-password', 'short');
    await page.click('button[type=submit]');
    assert.match(await page.textContent('.error-summary') ?? '', /correct the fields/);
    assert.equal(await page.inputValue('#f-email'), 'grace@example.org');
    await page.fill('#f-password', 'a long and good password');
    await page.click('button[type=submit]');
    await page.waitForURL(`${e.base}/admin/users`);
    assert.match(await page.textContent('main') ?? '', /grace@example.org/);
    assert.deepEqual(await axe(page), []);
    // The account form's checkboxes are checkbox-sized and sit on the line of their label (not stretched
    // to the width of a text field).
    for (const name of ['isAdmin', 'isCoordinator']) {
      const box = await page.locator(`input[name=${name}]`).boundingBox();
      const label = await page.locator(`label[for=f-${name}]`).boundingBox();
      assert.ok(box && box.width <= 32, `${name} checkbox is ${box?.width}px wide`);
      assert.ok(label && box && Math.abs(label.y - box.y) < label.height, `${name}: beside its label`);
    }
    await page.click('header button.link');
    await page.waitForURL(`${e.base}/`);
    await page.goto(`${e.base}/sign-in`);
    await page.fill('#f-email', 'grace@example.org');
    await page.fill('#f-password', 'a long and good password');
    await page.click('button[type=submit]');
    // Signing in leads to the person's assessments; the home page is one click away.
    await page.waitForURL(`${e.base}/assessments`);
    await page.goto(`${e.base}/`);
    await page.click('a[hreflang=ar]');
    await page.waitForLoadState();
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.match(await page.textContent('h1') ?? '', /المشاركة الإلكترونية/);
    // In RTL the brand sits at the right edge of the header.
    const box = await page.locator('.brand').boundingBox();
    const width = page.viewportSize()?.width ?? 0;
    assert.ok(box && box.x + box.width > width / 2, 'brand is on the right in RTL');
    assert.match(await page.textContent('footer') ?? '', /Grace Admin/);
    await page.close();
  });
});
