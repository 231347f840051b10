// The citizen pulse in a real browser: a citizen answers on a 360×740 phone in Arabic with JavaScript off
// (a refused, incomplete answer keeps what was chosen), the poster, and the citizens' section of the
// results page in Arabic and English. Zero axe violations on every page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { signIn } from '../src/domain/accounts/sign-in.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { DEMO_PULSE_CODE } from '../src/domain/pulse/seed-demo-pulse.ts';
import { dialects } from '../test/env.ts';
import { axe, browserSkip, startE2E, type E2E } from './browser.ts';

for (const dialect of dialects()) describe(`citizen pulse in Chromium [${dialect}]`, { skip: browserSkip(), timeout: 600_000 }, () => {
  let e: E2E;
  let id = '';
  let password = '';

  before(async () => {
    e = await startE2E({}, dialect);
    const demo = await seedDemo(e.app.ctx);
    id = demo.assessmentId;
    password = demo.accounts[0]!.password;
  });
  after(async () => {
    await e?.close();
  });

  async function open(locale: 'ar' | 'en', opts: { phone: boolean; js: boolean; email?: string }): Promise<{ context: BrowserContext; page: Page }> {
    const context = await e.browser.newContext({ locale, javaScriptEnabled: opts.js, ...(opts.phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } }) });
    const cookies: { name: string; value: string; url: string }[] = [{ name: 'metep_lang', value: locale, url: e.base }];
    if (opts.email) cookies.push({ name: 'metep_session', value: (await signIn(e.app.ctx, { email: opts.email, password }, { ip: null, userAgent: null })).token, url: e.base });
    await context.addCookies(cookies);
    return { context, page: await context.newPage() };
  }
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  test('a citizen answers in Arabic on a phone with JavaScript off: an incomplete answer keeps what was chosen', async () => {
    const { context, page } = await open('ar', { phone: true, js: false });
    await page.goto(`${e.base}/p/${DEMO_PULSE_CODE}`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.locator('script').count(), 0);
    // The honeypot is not shown.
    assert.equal(await page.locator('input[name=website]').isVisible(), false);
    // Part of the answers, then send: the form comes back with the choices kept and the gaps named.
    await page.locator('#q-P01-yes').check();
    await page.locator('#q-P02-often').check();
    await page.locator('#q-P09-cost').check();
    await page.locator('form button[type=submit]').click();
    assert.match((await page.textContent('[role=alert]')) ?? '', /بعض الإجابات ناقصة/);
    assert.equal(await page.locator('#q-P01-yes').isChecked(), true);
    assert.equal(await page.locator('#q-P09-cost').isChecked(), true);
    assert.match((await page.locator('#q-P03-err').textContent()) ?? '', /يُرجى اختيار إجابة/);
    for (const [q, v] of [['P03', 'somewhat'], ['P04', 'never'], ['P05', 'did_not_take_part'], ['P06', 'no'], ['P07', 'never'], ['P08', 'little']]) await page.locator(`#q-${q}-${v}`).check();
    await page.selectOption('#q-D3', 'r2');
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(/\/thanks$/);
    assert.match((await page.textContent('h1')) ?? '', /شكرًا/);
    await context.close();
  });

  test('the same pages at 360 px: no sideways scrolling, no axe violations (axe needs JavaScript in the page)', async () => {
    const { context, page } = await open('ar', { phone: true, js: true });
    await page.goto(`${e.base}/p/${DEMO_PULSE_CODE}`);
    assert.equal(await overflow(page), 0, 'no sideways scrolling at 360 px');
    assert.deepEqual(await axe(page), [], 'pulse questionnaire (ar, phone)');
    await page.locator('#q-P01-no').check();
    await page.locator('form button[type=submit]').click();
    await page.waitForSelector('[role=alert]');
    assert.equal(await page.locator('#q-P01-no').isChecked(), true);
    assert.equal(await overflow(page), 0);
    assert.deepEqual(await axe(page), [], 'pulse questionnaire with errors (ar, phone)');
    await page.goto(`${e.base}/p/${DEMO_PULSE_CODE}/thanks`);
    assert.deepEqual(await axe(page), [], 'thanks (ar, phone)');
    await context.close();
  });

  test('the poster prints in its own language with the QR code', async () => {
    const { context, page } = await open('en', { phone: true, js: true });
    await page.goto(`${e.base}/p/${DEMO_PULSE_CODE}/poster/ar`);
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    assert.equal(await page.locator('.poster-qr svg').count(), 1);
    assert.equal(await overflow(page), 0);
    assert.deepEqual(await axe(page), [], 'poster (ar)');
    await context.close();
  });

  for (const locale of ['ar', 'en'] as const) {
    test(`the citizens' section of the results page and the pulse results page (${locale})`, async () => {
      const { context, page } = await open(locale, { phone: true, js: true, email: 'coordinator@demo.metep.example' });
      await page.goto(`${e.base}/assessments/${id}/results`);
      const section = page.locator('section[aria-labelledby=citizens]');
      assert.equal(await section.locator('tbody tr').count(), 3);
      assert.equal(await section.locator('.provisional').count(), 1, 'synthetic answers are announced');
      assert.equal(await overflow(page), 0);
      assert.deepEqual(await axe(page), [], `results with citizens (${locale})`);
      await page.goto(`${e.base}/assessments/${id}/pulse/results`);
      assert.ok((await page.locator('table').count()) > 10);
      assert.equal(await overflow(page), 0);
      assert.deepEqual(await axe(page), [], `pulse results (${locale})`);
      await page.goto(`${e.base}/assessments/${id}/pulse`);
      assert.equal(await page.locator('.pulse-qr svg').count(), 1);
      assert.equal(await overflow(page), 0);
      assert.deepEqual(await axe(page), [], `pulse settings (${locale})`);
      await context.close();
    });
  }
});
