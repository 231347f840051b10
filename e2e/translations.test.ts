// A reviewer approves an Arabic pillar in the translation workbench, in Chromium at 360 px with axe: the
// questionnaire notice for that pillar changes (and only for that pillar), and the audit log records who did it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { signIn } from '../src/domain/accounts/sign-in.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { grantTranslatorRight } from '../src/domain/translations/grant-translator-right.ts';
import { assessmentPaths, paths } from '../src/http/paths.ts';
import { axe, browserSkip, startE2E, type E2E } from './browser.ts';

describe('translation review in Chromium', { skip: browserSkip(), timeout: 180_000 }, () => {
  let e: E2E;
  let id = '';
  let password = '';
  before(async () => {
    e = await startE2E();
    const demo = await seedDemo(e.app.ctx);
    id = demo.assessmentId;
    password = demo.accounts[0]!.password;
    await grantTranslatorRight(e.app.ctx, OPERATOR, { email: 'observer@demo.metep.example', lang: 'ar', role: 'reviewer' });
    await grantTranslatorRight(e.app.ctx, OPERATOR, { email: 'facilitator@demo.metep.example', lang: 'ar', role: 'translator' });
  });
  after(async () => {
    await e?.close();
  });

  async function as(email: string): Promise<{ context: BrowserContext; page: Page }> {
    const s = await signIn(e.app.ctx, { email, password }, { ip: null, userAgent: null });
    const context = await e.browser.newContext({ locale: 'ar', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await context.addCookies([{ name: 'metep_session', value: s.token, url: e.base }, { name: 'metep_lang', value: 'ar', url: e.base }]);
    return { context, page: await context.newPage() };
  }

  const notice = async (page: Page, pillar: string) => {
    await page.goto(`${e.base}${assessmentPaths(id).answerPillar(pillar)}`);
    return (await page.locator('p.notice').allTextContents()).join(' ');
  };

  test('a reviewer approves pillar A in Arabic; the questionnaire notice for A goes, B keeps its draft notice; audit row', async () => {
    const respondent = await as('respondent1@demo.metep.example');
    assert.match(await notice(respondent.page, 'A'), /ترجمة أولية/);

    const { context, page } = await as('observer@demo.metep.example');
    await page.goto(`${e.base}${paths.translations}`);
    assert.deepEqual(await axe(page), []);
    await page.click('a[href*="metep%402026.2"]');
    await page.waitForURL(/\/translations\/ar\?/);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await page.selectOption('#f-pillar', 'A');
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/pillar=A/);
    assert.ok((await page.locator('article.tr-string').count()) > 5);
    assert.equal(await page.locator('blockquote.tr-preview').first().getAttribute('dir'), 'rtl');
    assert.deepEqual(await axe(page), []);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the workbench overflows by ${overflow}px at 360 px`);
    await page.selectOption('#pillar-status', 'approved');
    await page.click('button:has-text("تطبيق على الركيزة A")');
    await page.waitForSelector('.flash');
    assert.match(await page.locator('.flash').innerText(), /حُفظت حالة المراجعة/);
    assert.deepEqual(await axe(page), []);
    await context.close();

    assert.doesNotMatch(await notice(respondent.page, 'A'), /ترجمة/);
    assert.match(await notice(respondent.page, 'B'), /ترجمة أولية/);
    assert.deepEqual(await axe(respondent.page), []);
    await respondent.context.close();

    const observer = await e.app.ctx.db.kysely.selectFrom('users').select('id').where('email', '=', 'observer@demo.metep.example').executeTakeFirstOrThrow();
    const row = await e.app.ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'translation.review').executeTakeFirstOrThrow();
    assert.equal(row.actor_id, observer.id);
    assert.equal(row.entity_id, 'metep@2026.2/ar/A');
    assert.equal(JSON.parse(row.after_json!).status, 'approved');
  });

  const noOverflow = async (page: Page) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${page.url()} overflows by ${overflow}px at 360 px`);
  };

  test('a translator edits an Arabic text (a stale save shows both texts), a reviewer approves it; history and audit', async () => {
    const key = 'C.02.question';
    const tr = await as('facilitator@demo.metep.example');
    await tr.page.goto(`${e.base}${paths.translationsLang('ar', new URLSearchParams({ scope: 'metep@2026.2', pillar: 'C' }).toString())}`);
    await tr.page.click(`a[href*="key=${key}"]`);
    await tr.page.waitForURL(/\/translations\/ar\/string\?/);
    assert.equal(await tr.page.getAttribute('#tr-text', 'dir'), 'rtl');
    assert.deepEqual(await axe(tr.page), []);
    await noOverflow(tr.page);
    await tr.page.fill('#tr-text', 'هل توجد استراتيجية وطنية للحكومة الإلكترونية معتمدة رسمياً؟');
    await tr.page.click('form[action$="/edit"] button[type="submit"]');
    await tr.page.waitForSelector('.flash');
    assert.match(await tr.page.locator('.flash').innerText(), /حُفظت الترجمة/);
    assert.match(await tr.page.locator('.tr-history').innerText(), /المراجعة 1/);
    assert.deepEqual(await axe(tr.page), []);

    // Someone saves in between: the translator's next save is refused with both texts, and nothing is lost.
    await tr.page.fill('#tr-text', 'نص المترجم الثاني');
    const { editTranslation } = await import('../src/domain/translations/edit-translation.ts');
    await editTranslation(e.app.ctx, OPERATOR, { scope: 'metep@2026.2', lang: 'ar', key, text: 'نص حفظه شخص آخر', baseRevision: '1' });
    const [res] = await Promise.all([tr.page.waitForResponse((r) => r.url().endsWith('/translations/ar/edit')), tr.page.click('form[action$="/edit"] button[type="submit"]')]);
    assert.equal(res.status(), 409);
    await tr.page.waitForSelector('.tr-conflict');
    assert.match(await tr.page.locator('.tr-conflict').innerText(), /نص حفظه شخص آخر/);
    assert.equal(await tr.page.inputValue('#tr-text'), 'نص المترجم الثاني');
    assert.deepEqual(await axe(tr.page), []);
    await noOverflow(tr.page);
    await tr.page.click('form[action$="/edit"] button[type="submit"]');
    await tr.page.waitForSelector('.flash');
    await tr.context.close();

    const rv = await as('observer@demo.metep.example');
    await rv.page.goto(`${e.base}${paths.translationsString('ar', 'metep@2026.2', key)}`);
    assert.match(await rv.page.locator('.badge').first().innerText(), /أولية/);
    await rv.page.selectOption('#st-one', 'approved');
    await rv.page.click('form[action$="/review"] button[type="submit"]');
    await rv.page.waitForSelector('.flash');
    assert.match(await rv.page.locator('.badge').first().innerText(), /معتمدة/);
    assert.match(await rv.page.locator('blockquote.tr-preview').first().innerText(), /نص المترجم الثاني/);
    assert.deepEqual(await axe(rv.page), []);
    await noOverflow(rv.page);
    await rv.context.close();

    const actions = (await e.app.ctx.db.kysely.selectFrom('audit_log').select('action').where('entity_id', 'like', `metep@2026.2/ar%`).execute()).map((a) => a.action);
    assert.equal(actions.filter((a) => a === 'translation.edit').length, 3);
    assert.ok(actions.includes('translation.review'));
  });
});
