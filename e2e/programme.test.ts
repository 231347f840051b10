// In a real browser at 360 px, Arabic and English: a programme officer finds the programme view in the
// navigation, sees the assessments of their countries with the comparison chart of published results,
// narrows them with the filter form (a plain GET form: it works without script), and an administrator
// grants and revokes programme officer rights. axe finds no violation and nothing scrolls sideways.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createUser } from '../src/domain/accounts/create-user.ts';
import { signIn } from '../src/domain/accounts/sign-in.ts';
import { createAssessment } from '../src/domain/assessments/create-assessment.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { grantProgrammeCountries } from '../src/domain/programme/grant-programme-countries.ts';
import { paths } from '../src/http/paths.ts';
import { axe, browserSkip, startE2E, type E2E } from './browser.ts';

const PASSWORD = 'a long enough password';

describe('programme view in Chromium', { skip: browserSkip(), timeout: 240_000 }, () => {
  let e: E2E;
  before(async () => {
    e = await startE2E();
    const demo = await seedDemo(e.app.ctx);
    const ctx = e.app.ctx;
    // The demo's 2024 cycle published, so the comparison chart has a result to show.
    await ctx.db.kysely.updateTable('assessments').set({ state: 'published' }).where('id', '!=', demo.assessmentId).where('country', '=', 'XDM').execute();
    await createAssessment(ctx, OPERATOR, { country: 'KEN', cycleYear: 2026 });
    await createAssessment(ctx, OPERATOR, { country: 'FJI', cycleYear: 2026 });
    await createUser(ctx, OPERATOR, { name: 'Paula Programme', email: 'paula@example.org', password: PASSWORD });
    await createUser(ctx, OPERATOR, { name: 'Adam Admin', email: 'adam@example.org', password: PASSWORD, isAdmin: true });
    await grantProgrammeCountries(ctx, OPERATOR, { email: 'paula@example.org', countries: 'XDM KEN', change: 'grant' });
  });
  after(async () => {
    await e?.close();
  });

  async function as(email: string, lang: string) {
    const s = await signIn(e.app.ctx, { email, password: PASSWORD }, { ip: null, userAgent: null });
    const context = await e.browser.newContext({ locale: lang, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await context.addCookies([{ name: 'metep_session', value: s.token, url: e.base }, { name: 'metep_lang', value: lang, url: e.base }]);
    return { context, page: await context.newPage() };
  }
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const rowCount = (page: Page) => page.locator('#prog-table tbody tr').count();

  for (const lang of ['ar', 'en'] as const) {
    test(`a programme officer's view, its chart and its filters (${lang})`, async () => {
      const { context, page } = await as('paula@example.org', lang);
      await page.goto(`${e.base}${paths.home}`);
      await page.click(`nav a[href="${paths.programme()}"]`);
      await page.waitForSelector('#prog-table');
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      assert.equal(await rowCount(page), 3, 'Demoland 2026, Demoland 2024 and Kenya; not Fiji');
      const main = (await page.textContent('main')) ?? '';
      assert.match(main, lang === 'ar' ? /كينيا/ : /Kenya/);
      assert.doesNotMatch(main, lang === 'ar' ? /فيجي/ : /Fiji/);
      // The comparison chart of the published result, drawn in the page's direction, with its table.
      assert.equal(await page.locator('figure.chart svg').count(), 1);
      assert.equal(await page.locator('#prog-cmp-table tbody tr').count(), 1);
      assert.deepEqual(await axe(page), []);
      assert.ok((await overflow(page)) <= 0, 'no sideways scrolling');
      // The filter form: cycle 2024 leaves the published Demoland cycle.
      await page.selectOption('#f-cycle', '2024');
      await Promise.all([page.waitForURL(/cycle=2024/), page.click('form.filters button[type=submit]')]);
      assert.equal(await rowCount(page), 1);
      assert.equal(await page.locator('#f-cycle').inputValue(), '2024');
      assert.deepEqual(await axe(page), []);
      assert.ok((await overflow(page)) <= 0);
      // Africa leaves Kenya only, and the export link carries the filter.
      await page.goto(`${e.base}${paths.programme('region=002')}`);
      assert.equal(await rowCount(page), 1);
      assert.equal(await page.getAttribute(`a[href^="${paths.programmeCsv()}"]`, 'href'), paths.programmeCsv('region=002'));
      await context.close();
    });

    test(`an administrator grants and revokes programme officer rights (${lang})`, async () => {
      const { context, page } = await as('adam@example.org', lang);
      await page.goto(`${e.base}${paths.programme()}`);
      await page.click(`a[href="${paths.programmeOfficers}"]`);
      await page.waitForSelector('form[action="/admin/programme"]');
      assert.deepEqual(await axe(page), []);
      // A wrong code is refused with the reason, and what was typed stays.
      await page.fill('#f-email', 'paula@example.org');
      await page.fill('#f-countries', 'FJI QQQ');
      await page.click('form[action="/admin/programme"] button[type=submit]');
      await page.waitForSelector('.error-summary');
      assert.equal(await page.inputValue('#f-countries'), 'FJI QQQ');
      assert.deepEqual(await axe(page), []);
      await page.fill('#f-countries', 'FJI');
      await page.click('form[action="/admin/programme"] button[type=submit]');
      await page.waitForSelector('.flash');
      assert.match((await page.textContent('main')) ?? '', /\(FJI\)/);
      assert.deepEqual(await axe(page), []);
      assert.ok((await overflow(page)) <= 0);
      await page.fill('#f-email', 'paula@example.org');
      await page.fill('#f-countries', 'FJI');
      await page.selectOption('#f-change', 'revoke');
      await page.click('form[action="/admin/programme"] button[type=submit]');
      await page.waitForSelector('.flash');
      assert.doesNotMatch((await page.textContent('main')) ?? '', /\(FJI\)/);
      await context.close();
    });
  }
});
