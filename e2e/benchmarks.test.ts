// The benchmarks in a real browser, in Arabic and English: the public country profile (charts right-to-left
// like the page, the peer form without JavaScript, 360 px without sideways scrolling) and
// the calibration section of the results page. Zero axe violations on every page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { signIn } from '../src/domain/accounts/sign-in.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { dialects } from '../test/env.ts';
import { axe, browserSkip, startE2E, type E2E } from './browser.ts';

for (const dialect of dialects()) describe(`country profiles and calibration in Chromium [${dialect}]`, { skip: browserSkip(), timeout: 180_000 }, () => {
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

  async function open(locale: 'ar' | 'en', phone: boolean, email?: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await e.browser.newContext({ locale, ...(phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } }) });
    const cookies: { name: string; value: string; url: string }[] = [{ name: 'metep_lang', value: locale, url: e.base }];
    if (email) cookies.push({ name: 'metep_session', value: (await signIn(e.app.ctx, { email, password }, { ip: null, userAgent: null })).token, url: e.base });
    await context.addCookies(cookies);
    return { context, page: await context.newPage() };
  }
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  test('Arabic on a phone: the profile and its charts are right-to-left, fit 360 px, and the peer form works without JavaScript', async () => {
    const { context, page } = await open('ar', true);
    await page.goto(`${e.base}/countries/KEN`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.textContent('h1'), 'كينيا');
    assert.equal(await page.locator('figure.chart svg').count(), 2);
    for (const svg of await page.locator('figure.chart svg').all()) assert.equal(await svg.getAttribute('direction'), 'rtl');
    // The strip plot follows the page: 0 on the right, 1 on the left, as the index grows in reading order.
    const ticks = await page.locator('figure.chart').nth(1).locator('svg text').evaluateAll((els) => els.map((t) => [(t.textContent ?? '').replace(/[\u2066-\u2069]/g, ''), t.getBoundingClientRect().left] as const).filter(([s]) => s === '0' || s === '1'));
    assert.equal(ticks.length, 2, 'both ends of the axis are labelled');
    const zero = ticks.find(([t]) => t === '0')?.[1] as number;
    const one = ticks.find(([t]) => t === '1')?.[1] as number;
    assert.ok(zero > one, 'the index axis runs right to left');
    assert.equal(await overflow(page), 0, 'no sideways scrolling at 360 px');
    assert.deepEqual(await axe(page), [], 'country profile (ar, phone)');
    // Peers: a custom list, by the plain form (no script on this page).
    await page.check('#peers-custom');
    await page.fill('#f-custom', 'RWA, UGA, Narnia');
    await page.click('form.peer-form button[type=submit]');
    await page.waitForURL(/peers=custom/);
    assert.equal(await page.locator('#bm-peers-table tbody tr').count(), 3);
    assert.match((await page.textContent('[role=alert]')) ?? '', /Narnia/);
    assert.equal(await page.locator('#bm-peers-table tr.highlight').count(), 1);
    assert.equal(await overflow(page), 0);
    assert.deepEqual(await axe(page), [], 'country profile with custom peers (ar, phone)');
    await page.goto(`${e.base}/countries/XDM`);
    assert.match((await page.textContent('main .warning')) ?? '', /خيالي/);
    assert.equal(await overflow(page), 0);
    assert.deepEqual(await axe(page), [], 'fictional country profile (ar, phone)');
    await page.goto(`${e.base}/countries`);
    assert.equal(await overflow(page), 0);
    assert.deepEqual(await axe(page), [], 'list of countries (ar, phone)');
    await context.close();
  });

  test('English: the profile on a desktop, and the calibration section of the results page', async () => {
    const { context, page } = await open('en', false, 'observer@demo.metep.example');
    await page.goto(`${e.base}/countries/KEN?peers=region&index=egdi&edition=2022`);
    assert.match((await page.textContent('#bm-peers-h')) ?? '', /2022/);
    assert.equal(await page.locator('#bm-peers-table tbody tr').count(), 54, 'Africa');
    assert.deepEqual(await axe(page), [], 'country profile (en)');
    await page.goto(`${e.base}/assessments/${id}/results`);
    const cal = page.locator('section[aria-labelledby=cal-h]');
    assert.match((await cal.textContent()) ?? '', /E-Participation Index 2024/);
    assert.match((await cal.textContent()) ?? '', /Demoland is fictional/);
    assert.match((await cal.textContent()) ?? '', /(consistent with|more optimistic than|more cautious than) the external index/);
    assert.equal(await cal.locator('#cal-trend-table tbody tr').count(), 8, 'editions 2010–2024 and the 2026 cycle');
    assert.deepEqual(await axe(page), [], 'results with calibration (en)');
    await cal.locator('a[href="/countries/XDM"]').click();
    await page.waitForURL(/\/countries\/XDM$/);
    await context.close();
  });

  test('Arabic on a phone: the calibration section fits and passes axe', async () => {
    const { context, page } = await open('ar', true, 'observer@demo.metep.example');
    await page.goto(`${e.base}/assessments/${id}/results`);
    const cal = page.locator('section[aria-labelledby=cal-h]');
    assert.match((await cal.textContent()) ?? '', /مؤشر المشاركة الإلكترونية لعام 2024/);
    assert.equal(await cal.locator('figure.chart svg').getAttribute('direction'), 'rtl');
    assert.equal(await overflow(page), 0);
    assert.deepEqual(await axe(page), [], 'results with calibration (ar, phone)');
    await context.close();
  });
});
