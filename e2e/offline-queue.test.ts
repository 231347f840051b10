// The offline queue in a real browser (issue 12, defect 2): answers typed on the questionnaire are never
// dropped from the device except by a save the server acknowledged — not on a network error, 403, 409,
// 500 or 413 (split and resent), and not when the session ends while offline (sign in again, then sent).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { acceptInvitation } from '../src/domain/participants/accept-invitation.ts';
import { changeAssessmentState } from '../src/domain/assessments/change-assessment-state.ts';
import { createAssessment } from '../src/domain/assessments/create-assessment.ts';
import { createUser } from '../src/domain/accounts/create-user.ts';
import { createInvitation } from '../src/domain/participants/create-invitation.ts';
import { resolveSession } from '../src/domain/accounts/resolve-session.ts';
import { signIn } from '../src/domain/accounts/sign-in.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { browserSkip, startE2E, type E2E } from './browser.ts';

const API = '**/api/v1/assessments/*/answers';

describe('offline queue in Chromium', { skip: browserSkip(), timeout: 180_000 }, () => {
  let e: E2E;
  let assessmentId = '';
  const people: { email: string; password: string; userId: string }[] = [];

  before(async () => {
    // The smallest body limit the configuration allows, so a pillar of long comments needs several batches.
    e = await startE2E({ BODY_LIMIT_KB: '16' });
    const ctx = e.app.ctx;
    await createUser(ctx, OPERATOR, { name: 'Cora', email: 'cora@example.org', password: 'cora has a long password', isCoordinator: true });
    const cora = await resolveSession(ctx, (await signIn(ctx, { email: 'cora@example.org', password: 'cora has a long password' }, { ip: null, userAgent: null })).token);
    assessmentId = await createAssessment(ctx, cora, { country: 'KEN', cycleYear: 2026 });
    for (const n of ['ana', 'ben', 'cai']) {
      const inv = await createInvitation(ctx, cora, assessmentId, { name: n, email: `${n}@example.org`, organisation: 'Civic Lab', group: 'civil_society', role: 'respondent', locale: 'en' });
      const password = `${n} has a long password`;
      const r = await acceptInvitation(ctx, undefined, inv.url.split('/').pop() as string, { name: n, password }, { ip: null, userAgent: null, locale: 'en' });
      const me = await resolveSession(ctx, r.sessionToken);
      people.push({ email: `${n}@example.org`, password, userId: me!.id });
    }
    await changeAssessmentState(ctx, cora, assessmentId, { to: 'collecting' });
  });
  after(async () => {
    await e?.close();
  });

  const saved = (userId: string) =>
    e.app.ctx.db.kysely.selectFrom('answers').select(['item_id', 'comment']).where('assessment_id', '=', assessmentId).where('user_id', '=', userId).orderBy('item_id').execute();
  const queued = (page: Page) =>
    page.evaluate(() => Object.values(Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('metep:pending:')).map((k) => [k, JSON.parse(localStorage.getItem(k) ?? '{}')]))).flatMap((q) => Object.keys(q)).sort());
  const until = async (what: string, f: () => Promise<boolean>) => {
    for (let i = 0; i < 200; i++) {
      if (await f()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.fail(`timed out waiting for ${what}`);
  };
  async function openAs(i: number, pillar = 'A') {
    const p = people[i]!;
    const { token } = await signIn(e.app.ctx, { email: p.email, password: p.password }, { ip: null, userAgent: null });
    const context = await e.browser.newContext({ viewport: { width: 360, height: 740 } });
    await context.addCookies([{ name: 'metep_session', value: token, url: e.base }]);
    const page = await context.newPage();
    await page.goto(`${e.base}/assessments/${assessmentId}/answer/${pillar}?lang=en`);
    const items = await page.locator('fieldset.q').evaluateAll((fs) => fs.map((f) => (f as HTMLElement).dataset.item as string));
    return { page, context, items, user: p };
  }
  const retry = (page: Page) => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

  test('network errors, 403, 409 and 500 keep the queue; it is sent once the server accepts', async () => {
    const { page, context, items, user } = await openAs(0);
    const [first, second] = items as [string, string];
    let hits = 0;
    const refuse = async (how: 'abort' | number) => {
      await page.unroute(API);
      await page.route(API, (r) => {
        hits++;
        return how === 'abort' ? r.abort('connectionreset') : r.fulfill({ status: how, contentType: 'application/json', body: JSON.stringify({ error: { code: 'x', message: `refused ${how}` } }) });
      });
    };
    await refuse('abort');
    await page.fill(`textarea[name="c.${first}"]`, 'typed while the network fails');
    await until('the network failure', async () => hits > 0 && (await page.getAttribute('[data-save-status]', 'data-state')) === 'offline');
    for (const status of [403, 409, 500]) {
      await refuse(status);
      const before = hits;
      await page.fill(`textarea[name="c.${second}"]`, `typed before a ${status}`);
      await retry(page);
      await until(`the ${status}`, async () => hits > before && (await page.textContent('[data-save-status]')) === `refused ${status}`);
      assert.deepEqual(await queued(page), [first, second].sort(), `queue kept after ${status}`);
    }
    assert.deepEqual(await saved(user.userId), [], 'nothing reached the database');
    await page.unroute(API);
    await retry(page);
    await until('the save', async () => (await saved(user.userId)).length === 2);
    await until('the queue to empty', async () => (await queued(page)).length === 0);
    assert.equal(await page.getAttribute('[data-save-status]', 'data-state'), 'saved');
    await context.close();
  });

  test('413: a queue larger than the body limit is split into batches and every answer saved', async () => {
    const { page, context, items, user } = await openAs(1);
    assert.ok(items.length >= 6, 'pillar A has enough items');
    await context.setOffline(true);
    for (const id of items) await page.fill(`textarea[name="c.${id}"]`, `${id} ${'long comment written offline; '.repeat(100)}`);
    await until('the offline state', async () => (await page.getAttribute('[data-save-status]', 'data-state')) === 'offline');
    assert.deepEqual(await queued(page), [...items].sort());
    // The server's own limit is 16 KiB; a proxy in front refusing anything above 6 KB must not lose answers either.
    let refused = 0;
    await page.route(API, (r) => ((r.request().postData() ?? '').length > 6000 ? (refused++, r.fulfill({ status: 413, contentType: 'application/json', body: '{"error":{"code":"too_large","message":"too large"}}' })) : r.continue()));
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await until('every answer saved', async () => (await saved(user.userId)).length === items.length);
    await until('the queue to empty', async () => (await queued(page)).length === 0);
    assert.ok(refused > 0, 'the proxy refused the first batch');
    const rows = await saved(user.userId);
    assert.ok(rows.every((r) => r.comment!.startsWith(`${r.item_id} long comment`)));
    await context.close();
  });

  test('a session that expires offline keeps its answers; they are sent after signing in again', async () => {
    const { page, context, items, user } = await openAs(2);
    const [first] = items as [string];
    await context.setOffline(true);
    await page.fill(`textarea[name="c.${first}"]`, 'written on the bus');
    await until('the offline state', async () => (await page.getAttribute('[data-save-status]', 'data-state')) === 'offline');
    // The session ends meanwhile (idle timeout, or signed out elsewhere).
    await e.app.ctx.db.kysely.deleteFrom('sessions').where('user_id', '=', user.userId).execute();
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForSelector('[data-save-status] a');
    assert.match((await page.textContent('[data-save-status]')) ?? '', /session has ended/);
    assert.deepEqual(await queued(page), [first], 'kept on the device');
    assert.deepEqual(await saved(user.userId), []);
    await page.click('[data-save-status] a');
    await page.waitForURL(/\/sign-in\?next=/);
    await page.fill('input[name=email]', user.email);
    await page.fill('input[name=password]', user.password);
    await page.click('main button[type=submit]');
    await page.waitForURL(`${e.base}/assessments/${assessmentId}/answer/A`);
    await until('the save after signing in', async () => (await saved(user.userId)).length === 1);
    assert.equal((await saved(user.userId))[0]!.comment, 'written on the bus');
    await until('the queue to empty', async () => (await queued(page)).length === 0);
    await context.close();
  });
});
