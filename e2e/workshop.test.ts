// The workshop half of the cycle in a real browser on the demo assessment: a facilitator works through
// the most contested items and records consensus while a colleague gets a conflict; the room screen in a
// second browser updates live as items are shown, answers saved and phones vote in a quick poll; the
// coordinator validates; the results page in Arabic and English. Zero axe violations on every page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { changeAssessmentState } from '../src/domain/assessments/change-assessment-state.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { signIn } from '../src/domain/accounts/sign-in.ts';
import { dialects } from '../test/env.ts';
import { axe, browserSkip, startE2E, type E2E } from './browser.ts';

// On PostgreSQL too when TEST_DATABASE_URL is set: the room's live path differs there (LISTEN/NOTIFY).
for (const dialect of dialects()) describe(`workshop, room and results in Chromium [${dialect}]`, { skip: browserSkip(), timeout: 180_000 }, () => {
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

  async function as(email: string, opts: { locale?: string; phone?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
    const s = await signIn(e.app.ctx, { email, password }, { ip: null, userAgent: null });
    const context = await e.browser.newContext({ locale: opts.locale ?? 'en', ...(opts.phone ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } }) });
    await context.addCookies([{ name: 'metep_session', value: s.token, url: e.base }, { name: 'metep_lang', value: opts.locale ?? 'en', url: e.base }]);
    return { context, page: await context.newPage() };
  }

  test('English: the room updates live while answers are saved, items shown, a poll runs; consensus with a conflict', async () => {
    // Clear one answer first, so that saving it again adds exactly one.
    const respondent3 = await e.app.ctx.db.kysely.selectFrom('users').select('id').where('email', '=', 'respondent3@demo.metep.example').executeTakeFirstOrThrow();
    await e.app.ctx.db.kysely.deleteFrom('answers').where('assessment_id', '=', id).where('user_id', '=', respondent3.id).where('item_id', '=', 'G.11').execute();
    const room = await as('observer@demo.metep.example');
    await room.page.goto(`${e.base}/assessments/${id}/room`);
    await room.page.waitForSelector('#room-status:has-text("Live")');
    assert.deepEqual(await axe(room.page), [], 'room page');
    const n0 = Number(/(\d+) answers/.exec((await room.page.textContent('#room-live')) ?? '')?.[1]);

    // A respondent saves an answer on their phone: the room's count moves without a reload.
    const resp = await as('respondent3@demo.metep.example', { phone: true });
    await resp.page.goto(`${e.base}/assessments/${id}/answer/G`);
    await resp.page.evaluate(async (aid) => {
      await fetch(`/api/v1/assessments/${aid}/answers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ answers: [{ itemId: 'G.11', value: { kind: 'excluded', reason: 'dont_know' } }] }) });
    }, id);
    await room.page.waitForFunction((n) => Number(/(\d+) answers/.exec(document.getElementById('room-live')?.textContent ?? '')?.[1]) === n + 1, n0, { timeout: 10_000 });
    assert.ok(n0 > 700);

    await changeAssessmentState(e.app.ctx, OPERATOR, id, { to: 'consolidating' });
    const fac = await as('facilitator@demo.metep.example');
    await fac.page.goto(`${e.base}/assessments/${id}/workshop/A`);
    assert.deepEqual(await axe(fac.page), [], 'workshop pillar page');
    await fac.page.click('a[href$="/workshop/items/A.03"]');
    assert.deepEqual(await axe(fac.page), [], 'workshop item page');
    // Put the item on the room's screen: the projector follows.
    await fac.page.click('button:has-text("Show on the room screen")');
    await room.page.waitForSelector('#room-live h2:has-text("A.03")', { timeout: 10_000 });

    // A quick poll: a phone votes, the room shows the vote.
    await fac.page.click('button:has-text("Start a quick poll")');
    await resp.page.goto(`${e.base}/assessments/${id}/poll`);
    assert.deepEqual(await axe(resp.page), [], 'poll page on a phone');
    await resp.page.check('#choice-2');
    await resp.page.click('main button[type=submit]');
    await resp.page.waitForSelector('text=Your vote');
    await room.page.waitForSelector('#room-live caption:has-text("1 vote")', { timeout: 10_000 });
    assert.deepEqual(await axe(room.page), [], 'room page with a poll');

    // Two people decide the same item: the coordinator loses the race and sees the facilitator's decision.
    const coord = await as('coordinator@demo.metep.example');
    await coord.page.goto(`${e.base}/assessments/${id}/workshop/items/A.03`);
    await fac.page.reload();
    await fac.page.check('#v\\.A\\.03-2');
    await fac.page.fill('#f-rationale', 'A portal exists but few ministries use it.');
    await fac.page.click('button:has-text("Record the decision")');
    await fac.page.waitForSelector('.flash');
    await room.page.waitForSelector('#room-live dd:has-text("2 · Developing")', { timeout: 10_000 });
    await coord.page.check('#v\\.A\\.03-3');
    await coord.page.fill('#f-rationale', 'Drafts are published by most ministries.');
    await coord.page.click('button:has-text("Record the decision")');
    const alert = (await coord.page.textContent('[role=alert]')) ?? '';
    assert.match(alert, /A portal exists but few ministries use it\./);
    assert.equal(await coord.page.inputValue('#f-rationale'), 'Drafts are published by most ministries.');
    assert.deepEqual(await axe(coord.page), [], 'conflict page');
    for (const x of [room, resp, fac, coord]) await x.context.close();
  });

  test('without JavaScript the room has a refresh link that shows the latest state', async () => {
    const s = await signIn(e.app.ctx, { email: 'observer@demo.metep.example', password }, { ip: null, userAgent: null });
    const context = await e.browser.newContext({ javaScriptEnabled: false, locale: 'en' });
    await context.addCookies([{ name: 'metep_session', value: s.token, url: e.base }, { name: 'metep_lang', value: 'en', url: e.base }]);
    const page = await context.newPage();
    await page.goto(`${e.base}/assessments/${id}/room`);
    const before = (await page.textContent('#room-live h2')) ?? '';
    const fac = await as('facilitator@demo.metep.example');
    await fac.page.goto(`${e.base}/assessments/${id}/workshop/items/B.07`);
    await fac.page.click('button:has-text("Show on the room screen")');
    await fac.page.waitForSelector('.flash');
    assert.doesNotMatch((await page.textContent('#room-live h2')) ?? '', /B\.07/, 'nothing moves by itself without JavaScript');
    await page.click('#room-refresh');
    assert.match((await page.textContent('#room-live h2')) ?? '', /B\.07/);
    assert.notEqual(before, await page.textContent('#room-live h2'));
    await context.close();
    await fac.context.close();
  });

  test('Arabic: workshop, validation and results pages are right-to-left, charts too, no axe violations', async () => {
    const coord = await as('coordinator@demo.metep.example', { locale: 'ar' });
    await coord.page.goto(`${e.base}/assessments/${id}/workshop/B`);
    assert.equal(await coord.page.getAttribute('html', 'dir'), 'rtl');
    assert.deepEqual(await axe(coord.page), [], 'workshop page (ar)');
    await coord.page.goto(`${e.base}/assessments/${id}/room`);
    assert.deepEqual(await axe(coord.page), [], 'room (ar)');
    await coord.page.goto(`${e.base}/assessments/${id}/validation`);
    assert.deepEqual(await axe(coord.page), [], 'validation (ar)');
    await coord.page.check('#acknowledge');
    await coord.page.click('form.state-form button:not(.secondary)');
    await coord.page.waitForURL(`${e.base}/assessments/${id}/results`);
    assert.equal(await coord.page.getAttribute('html', 'dir'), 'rtl');
    for (const svg of await coord.page.locator('figure.chart svg').all()) assert.equal(await svg.getAttribute('direction'), 'rtl');
    assert.equal(await coord.page.locator('figure.chart svg').count(), 4, 'radar, stages, calibration trend, perception gap');
    assert.deepEqual(await axe(coord.page), [], 'results (ar)');
    await coord.page.screenshot({ path: `${e.dir}/results-ar.png`, fullPage: false });
    // The same on a phone: nothing spills sideways.
    const phone = await as('observer@demo.metep.example', { locale: 'ar', phone: true });
    await phone.page.goto(`${e.base}/assessments/${id}/results`);
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no horizontal scrolling on a phone');
    // Open the pillar's item list (a page of its own) and follow the score to what is behind it.
    await phone.page.click(`a[href$="/results/items#items-A"]`);
    await phone.page.waitForURL(/results\/items#items-A$/);
    assert.deepEqual(await axe(phone.page), [], 'every item (ar, phone)');
    if (!(await phone.page.locator('#items-A').getAttribute('open'))) await phone.page.click('#items-A summary');
    await phone.page.click('#items-A a[href$="/results/items/A.03"]');
    await phone.page.waitForURL(/results\/items\/A\.03$/);
    assert.deepEqual(await axe(phone.page), [], 'item trace (ar, phone)');
    const en = await as('observer@demo.metep.example');
    await en.page.goto(`${e.base}/assessments/${id}/results`);
    assert.match((await en.page.textContent('main')) ?? '', /Validated results/);
    assert.match((await en.page.textContent('main')) ?? '', /Cycle 2024/, 'compared with the previous cycle');
    assert.deepEqual(await axe(en.page), [], 'results (en)');
    for (const x of [coord, phone, en]) await x.context.close();
  });
});
