// Submitting with unanswered items asks first (issue 10, item 11): without JavaScript, Submit leads to a page
// that lists the unanswered items per pillar in the respondent's language, each linking back to itself, with
// "Submit anyway" (a POST, refused from another origin) and "Go back"; nothing is submitted until then. With
// every item answered, Submit submits at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allPillars } from '../src/instrument/model.ts';
import { instrumentById } from '../src/domain/instruments/get-instrument.ts';
import { eachDialect } from './env.ts';
import { Browser } from './http.ts';
import { demoApp } from './support/demo.ts';

eachDialect('submitting with unanswered items', (get) => {
  test('Submit lists the unanswered items per pillar in Arabic and submits only when confirmed', async () => {
    const demo = await demoApp(get().ctx);
    const k = get().ctx.db.kysely;
    // respondent5 stopped part-way through the demo questionnaire.
    const b = new Browser(demo.app, 'http://metep.test', { 'accept-language': 'ar' });
    assert.equal((await b.post('/sign-in', { email: 'respondent5@demo.metep.example', password: demo.password })).status, 303);
    const user = await k.selectFrom('users').select('id').where('email', '=', 'respondent5@demo.metep.example').executeTakeFirstOrThrow();
    const status = async () => (await k.selectFrom('responses').select('status').where('assessment_id', '=', demo.id).where('user_id', '=', user.id).executeTakeFirst())?.status;
    const a = await k.selectFrom('assessments').select('instrument_id').where('id', '=', demo.id).executeTakeFirstOrThrow();
    const inst = await instrumentById(get().ctx, a.instrument_id);
    const answered = new Set((await k.selectFrom('answers').select(['item_id', 'value_json']).where('assessment_id', '=', demo.id).where('user_id', '=', user.id).execute()).filter((r) => r.value_json !== 'null').map((r) => r.item_id));
    const missing = allPillars(inst).map((p) => ({ p, items: p.items.filter((i) => !answered.has(i.id)) })).filter((x) => x.items.length);
    assert.ok(missing.length >= 2, 'unanswered items in more than one pillar');
    assert.equal(await status(), 'started');

    // The plain submit form on a pillar page: nothing is submitted, the confirmation page follows.
    let r = await b.post(`/assessments/${demo.id}/submit`, {});
    assert.equal(r.status, 303);
    assert.equal(r.location, `/assessments/${demo.id}/submit`);
    assert.equal(await status(), 'started', 'not submitted before the confirmation');
    r = await b.get(r.location!);
    assert.equal(r.status, 200);
    assert.match(r.text, /dir="rtl"/);
    const count = missing.reduce((s, x) => s + x.items.length, 0);
    assert.match(r.text, new RegExp(`${count} سؤال`), 'how many, in Arabic');
    for (const { p, items } of missing) {
      const section = new RegExp(`<section class="unanswered" aria-labelledby="un-${p.id}">([\\s\\S]*?)</section>`).exec(r.text)?.[1] ?? '';
      assert.ok(section.includes(p.title.ar!), `pillar ${p.id} titled in Arabic`);
      const links = [...section.matchAll(/<a href="([^"]+)"><span class="item-id">([^<]+)<\/span>/g)];
      assert.deepEqual(links.map((m) => m[2]), items.map((i) => i.id), `pillar ${p.id}: exactly its unanswered items, in order`);
      for (const [m, i] of links.map((m, n) => [m, items[n]!] as const)) assert.equal(m[1], `/assessments/${demo.id}/answer/${p.id}#q-${i.id}`);
      for (const i of items) assert.ok(section.includes(i.question.ar!), `${i.id} asked in Arabic`);
    }
    for (const p of allPillars(inst).filter((p) => !missing.some((x) => x.p.id === p.id))) assert.doesNotMatch(r.text, new RegExp(`id="un-${p.id}"`), `${p.id} is complete: not listed`);
    assert.match(r.text, /<input type="hidden" name="anyway" value="1"\/><button type="submit">التقديم على أي حال<\/button>/);
    assert.match(r.text, new RegExp(`<a href="/assessments/${demo.id}/answer" class="button secondary">العودة إلى الاستبيان</a>`));

    // The last pillar's Submit button saves the page first, then asks too.
    const last = allPillars(inst).at(-1)!;
    r = await b.post(`/assessments/${demo.id}/answer/${last.id}`, { action: 'submit' });
    assert.equal(r.location, `/assessments/${demo.id}/submit`);
    assert.equal(await status(), 'started');

    // "Submit anyway" from another site is refused (CSRF); from the page it submits.
    r = await b.request('POST', `/assessments/${demo.id}/submit`, 'anyway=1', { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' });
    assert.equal(r.status, 403);
    assert.equal(await status(), 'started');
    r = await b.post(`/assessments/${demo.id}/submit`, { anyway: '1' });
    assert.equal(r.status, 303);
    assert.equal(r.location, `/assessments/${demo.id}/answer`);
    assert.equal(await status(), 'submitted');
    const audit = await k.selectFrom('audit_log').select('action').where('actor_id', '=', user.id).where('action', '=', 'response.submit').execute();
    assert.equal(audit.length, 1);
  });

  test('with every item answered, Submit submits at once', async () => {
    const demo = await demoApp(get().ctx);
    const k = get().ctx.db.kysely;
    const b = await demo.as('respondent1@demo.metep.example');
    const user = await k.selectFrom('users').select('id').where('email', '=', 'respondent1@demo.metep.example').executeTakeFirstOrThrow();
    await k.updateTable('responses').set({ status: 'started', submitted_at: null }).where('assessment_id', '=', demo.id).where('user_id', '=', user.id).execute();
    // Whatever the demo left unanswered is answered "don't know" (an answer like any other), or in words.
    const a = await k.selectFrom('assessments').select('instrument_id').where('id', '=', demo.id).executeTakeFirstOrThrow();
    const answered = new Set((await k.selectFrom('answers').select(['item_id', 'value_json']).where('assessment_id', '=', demo.id).where('user_id', '=', user.id).execute()).filter((r) => r.value_json !== 'null').map((r) => r.item_id));
    const rest = allPillars(await instrumentById(get().ctx, a.instrument_id)).flatMap((p) => p.items).filter((i) => !answered.has(i.id));
    const saved = await b.request('POST', `/api/v1/assessments/${demo.id}/answers`, JSON.stringify({ answers: rest.map((i) => ({ itemId: i.id, value: i.type === 'text' ? { kind: 'text', text: 'Nothing to add.' } : { kind: 'excluded', reason: 'dont_know' } })) }), { 'content-type': 'application/json' });
    assert.equal(saved.status, 200, saved.text);
    const r = await b.post(`/assessments/${demo.id}/submit`, {});
    assert.equal(r.status, 303);
    assert.equal(r.location, `/assessments/${demo.id}/answer`);
    const row = await k.selectFrom('responses').select('status').where('assessment_id', '=', demo.id).where('user_id', '=', user.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'submitted');
    // The confirmation page itself says there is nothing left and offers a plain Submit.
    const page = await b.get(`/assessments/${demo.id}/submit`);
    assert.match(page.text, /You have answered every question/);
    assert.doesNotMatch(page.text, /class="unanswered"/);
  });
});
