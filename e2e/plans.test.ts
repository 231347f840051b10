// The action plan in a real browser on the demo: with JavaScript off, the coordinator drafts the 2026
// plan from the validated results, edits an action (a wrong quarter is refused with what was typed kept,
// a colleague's earlier save gives a conflict), writes a section, adds an action by hand, adopts, records
// progress with evidence and starts a new version — every form a plain form post. Then the pages in
// Arabic and English, on a 360 px phone without sideways scrolling, with zero axe violations: the plan,
// an action, the timeline (chart and table), the 2024 plan carried into 2026 and the results' before/after.
// SQLite only: the data layer of every step is tested on both databases in test/plans.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { signIn } from '../src/domain/accounts/sign-in.ts';
import { changeAssessmentState } from '../src/domain/assessments/change-assessment-state.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { axe, browserSkip, startE2E, type E2E } from './browser.ts';

const PREVIOUS = '00000000-0000-4000-8000-000000000de4';

describe('action plan in Chromium [sqlite]', { skip: browserSkip(), timeout: 240_000 }, () => {
  let e: E2E;
  let id = '';
  let password = '';

  before(async () => {
    e = await startE2E();
    const demo = await seedDemo(e.app.ctx);
    id = demo.assessmentId;
    password = demo.accounts[0]!.password;
    await changeAssessmentState(e.app.ctx, OPERATOR, id, { to: 'consolidating' });
  });
  after(async () => {
    await e?.close();
  });

  async function as(email: string, opts: { locale?: string; phone?: boolean; js?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
    const s = await signIn(e.app.ctx, { email, password }, { ip: null, userAgent: null });
    const context = await e.browser.newContext({
      locale: opts.locale ?? 'en',
      javaScriptEnabled: opts.js ?? true,
      ...(opts.phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } }),
    });
    await context.addCookies([{ name: 'metep_session', value: s.token, url: e.base }, { name: 'metep_lang', value: opts.locale ?? 'en', url: e.base }]);
    return { context, page: await context.newPage() };
  }

  /** Zero axe violations and, on a phone, nothing wider than the screen. */
  async function check(page: Page, label: string, phone = false) {
    assert.deepEqual(await axe(page), [], label);
    if (phone) assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, `${label}: no sideways scrolling`);
  }

  test('a preview during the workshop; with JavaScript off: draft, edit with errors and a conflict, a section, an added action, adoption, progress, a new version', async () => {
    const look = await as('coordinator@demo.metep.example');
    await look.page.goto(`${e.base}/assessments/${id}/plan`);
    assert.match((await look.page.textContent('main')) ?? '', /Preview: the results are not validated yet/);
    await check(look.page, 'plan preview (en)');
    await changeAssessmentState(e.app.ctx, OPERATOR, id, { to: 'validated', acknowledge: 'yes' });

    const coord = await as('coordinator@demo.metep.example', { js: false });
    const page = coord.page;
    await page.goto(`${e.base}/assessments/${id}/plan`);
    await page.selectOption('#f-language', 'en');
    await page.click('button:has-text("Create the draft plan")');
    await page.waitForSelector('.flash');
    assert.match((await page.textContent('main')) ?? '', /Action plan, version 1/);
    await look.page.goto(`${e.base}/assessments/${id}/plan`);
    await check(look.page, 'draft plan (en)');

    // Edit the first action: an end before the start is refused, with what was typed kept.
    await page.click('.plan-actions a >> nth=0');
    const actionUrl = page.url();
    await page.fill('#f-indicator', 'Ministries publishing drafts online');
    await page.selectOption('#f-start', '2027Q3');
    await page.selectOption('#f-end', '2027Q1');
    await page.fill('#f-target', '140');
    await page.click('button:has-text("Save the action")');
    assert.ok(await page.isVisible('.error-summary'));
    assert.match((await page.textContent('#f-end-err')) ?? '', /The end comes before the start/);
    assert.match((await page.textContent('#f-target-err')) ?? '', /between 0 and 100/);
    assert.equal(await page.inputValue('#f-indicator'), 'Ministries publishing drafts online');
    await look.page.goto(actionUrl);
    await check(look.page, 'action form (en)');
    // A colleague saves the same action first: this save gets their version and keeps what was typed.
    const fac = await as('facilitator@demo.metep.example', { js: false });
    await fac.page.goto(actionUrl);
    await fac.page.fill('#f-indicator', 'Drafts published for comment');
    await fac.page.click('button:has-text("Save the action")');
    await fac.page.waitForSelector('.flash');
    await page.selectOption('#f-end', '2027Q4');
    await page.fill('#f-target', '80');
    await page.click('button:has-text("Save the action")');
    assert.match((await page.textContent('[role=alert].warning')) ?? '', /A colleague saved this action/);
    assert.match((await page.textContent('.warning')) ?? '', /Drafts published for comment/);
    assert.equal(await page.inputValue('#f-indicator'), 'Ministries publishing drafts online');
    // Saving again, knowingly, replaces the colleague's version.
    await page.click('button:has-text("Save the action")');
    await page.waitForSelector('.flash');
    assert.equal(await page.inputValue('#f-target'), '80');

    // A narrative section and an action added by hand.
    await page.goto(`${e.base}/assessments/${id}/plan/sections/vision`);
    await page.fill('#f-body', 'Every resident can see, comment on and follow the decisions that affect them.');
    await page.click('button:has-text("Save the text")');
    await page.waitForSelector('.flash');
    assert.match((await page.textContent('main')) ?? '', /Every resident can see/);
    await page.click('a:has-text("Add an action")');
    await page.click('button:has-text("Add an action")');
    assert.match((await page.textContent('#f-title-err')) ?? '', /Write what the action is/);
    await page.fill('#f-title', 'Publish this plan on the national portal');
    await page.selectOption('#f-unit', 'count');
    await page.fill('#f-items', 'C.01');
    await page.check('#f-sdg-2');
    await page.click('button:has-text("Add an action")');
    await page.waitForSelector('.flash');
    assert.match((await page.textContent('main')) ?? '', /Publish this plan on the national portal/);

    // Adopt; record progress on the first action (evidence needed beyond "not started"); a new version.
    await page.click('button:has-text("Adopt the plan")');
    await page.waitForSelector('.flash');
    assert.match((await page.textContent('main')) ?? '', /This plan is adopted and frozen/);
    await page.goto(actionUrl);
    await page.selectOption('#f-status', 'in_progress');
    await page.selectOption('#f-completion', 'limited');
    await page.click('button:has-text("Save the progress")');
    assert.match((await page.textContent('#f-evidenceUrl-err')) ?? '', /needs a link to the evidence/);
    await page.fill('#f-evidenceUrl', 'https://example.org/demoland/decree-12');
    await page.fill('#f-note', 'Decree signed; three ministries publish drafts.');
    await page.click('button:has-text("Save the progress")');
    await page.waitForSelector('.flash');
    assert.match((await page.textContent('main')) ?? '', /Decree signed; three ministries publish drafts\./);
    await look.page.goto(actionUrl);
    await check(look.page, 'adopted action with progress (en)');
    await page.goto(`${e.base}/assessments/${id}/plan`);
    await page.click('button:has-text("Start a new version")');
    await page.waitForSelector('.flash');
    assert.match((await page.textContent('main')) ?? '', /Action plan, version 2/);
    for (const x of [look, coord, fac]) await x.context.close();
  });

  test('Arabic on a phone: the plan, an action, a section, the timeline, the carried 2024 plan and the results before/after', async () => {
    const ar = await as('coordinator@demo.metep.example', { locale: 'ar', phone: true });
    const page = ar.page;
    await page.goto(`${e.base}/assessments/${id}/plan`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await check(page, 'plan (ar, phone)', true);
    assert.match((await page.textContent('main')) ?? '', /الخطة المرحَّلة من دورة عام 2024/);
    await page.click('.plan-actions a >> nth=0');
    await check(page, 'action form (ar, phone)', true);
    await page.goto(`${e.base}/assessments/${id}/plan/sections/context`);
    await check(page, 'section form (ar, phone)', true);
    await page.goto(`${e.base}/assessments/${id}/plan/actions/new`);
    await check(page, 'new action (ar, phone)', true);
    await page.goto(`${e.base}/assessments/${id}/plan/timeline`);
    await check(page, 'timeline (ar, phone)', true);
    assert.equal(await page.locator('figure.chart svg').getAttribute('direction'), 'rtl');
    assert.equal(await page.locator('figure.chart svg rect[rx="3"]').count() >= 20, true, 'a bar per action and the legend');
    const actions = await e.app.ctx.db.kysely.selectFrom('plan_actions').innerJoin('plans', 'plans.id', 'plan_actions.plan_id').select('plan_actions.id').where('plans.assessment_id', '=', id).where('plans.version', '=', 2).execute();
    assert.equal(await page.locator('#timeline-table tbody tr').count(), actions.length, 'the table has every action of the chart');
    // The adopted 2024 plan with progress, and one of its actions with the progress form.
    await page.goto(`${e.base}/assessments/${PREVIOUS}/plan`);
    await check(page, '2024 plan (ar, phone)', true);
    await page.click('.plan-actions a >> nth=0');
    assert.match((await page.textContent('main')) ?? '', /https:\/\/example\.org\/demoland\/plan\//);
    await check(page, '2024 action with progress (ar, phone)', true);
    await page.goto(`${e.base}/assessments/${id}/results`);
    assert.match((await page.textContent('#plan-effects-h')) ?? '', /2024/);
    await check(page, 'results with before/after (ar, phone)', true);
    await page.screenshot({ path: `${e.dir}/plan-ar.png` });
    const en = await as('observer@demo.metep.example', { phone: true });
    await en.page.goto(`${e.base}/assessments/${id}/plan`);
    assert.equal(await en.page.locator('button:has-text("Adopt the plan")').count(), 0, 'observers get no buttons');
    assert.equal(await en.page.locator('a:has-text("Add an action")').count(), 0);
    await check(en.page, 'plan (en, observer, phone)', true);
    await en.page.goto(`${e.base}/assessments/${id}/plan/timeline`);
    await check(en.page, 'timeline (en, phone)', true);
    for (const x of [ar, en]) await x.context.close();
  });
});
