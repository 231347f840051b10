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
});
