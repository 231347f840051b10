// Accepting the consensual defaults at validation (issue 10, item 9; docs/METHODOLOGY.md §9): the page shows
// the threshold and how many items the step settles; each becomes a decision of its own with its rationale,
// attributed to the coordinator and audited; items already decided are left as they were.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { resolveSession } from '../src/domain/accounts/resolve-session.ts';
import { changeAssessmentState } from '../src/domain/assessments/change-assessment-state.ts';
import { getValidation } from '../src/domain/assessments/get-validation.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { recordConsensus } from '../src/domain/workshop/record-consensus.ts';
import { eachDialect } from './env.ts';
import type { Browser } from './http.ts';
import { demoApp } from './support/demo.ts';

eachDialect('accepting the consensual defaults at validation', (get) => {
  let demo: Awaited<ReturnType<typeof demoApp>>;
  let coordinator: Browser;
  const actorOf = (b: Browser) => resolveSession(get().ctx, b.cookies.get('metep_session') ?? '');

  before(async () => {
    demo = await demoApp(get().ctx);
    await changeAssessmentState(get().ctx, OPERATOR, demo.id, { to: 'consolidating' });
    coordinator = await demo.as('coordinator@demo.metep.example');
  });

  test('the consensual defaults become decisions with their own rationale; a decided item is untouched', async () => {
    const ctx = get().ctx;
    const db = ctx.db.kysely;
    const v = await getValidation(ctx, await actorOf(coordinator), demo.id);
    assert.ok(v.consensual.length >= 2, `${v.consensual.length} consensual items in the demo`);
    assert.ok(v.consensual.every((c) => c.agreement >= 0.8));
    // A facilitator settles one of them first, differently: that decision must stay.
    const facilitator = await demo.as('facilitator@demo.metep.example');
    const first = v.consensual[0]!;
    await recordConsensus(ctx, await actorOf(facilitator), demo.id, first.item.id, { value: { kind: 'excluded', reason: 'not_applicable' }, rationale: 'Not applicable here, said the ministry.', baseRevision: 0 });
    const page = await coordinator.get(`/assessments/${demo.id}/validation`);
    const settle = v.consensual.length - 1;
    assert.match(page.text, /degree of agreement of at least 0\.80/);
    assert.match(page.text, new RegExp(`${settle} items would be settled`));
    // A page shown before the facilitator's decision offered one more: refused, with the new count.
    let r = await coordinator.post(`/assessments/${demo.id}/validation/accept-defaults`, { expected: String(v.consensual.length) });
    assert.equal(r.status, 409);
    assert.match(r.text, new RegExp(`now ${settle} items`));
    assert.equal((await db.selectFrom('consensus').select('id').where('assessment_id', '=', demo.id).execute()).length, 1);
    // Facilitators run the workshop but validation is the coordinator's.
    assert.equal((await facilitator.post(`/assessments/${demo.id}/validation/accept-defaults`, { expected: String(settle) })).status, 403);
    r = await coordinator.post(`/assessments/${demo.id}/validation/accept-defaults`, { expected: String(settle) });
    assert.equal(r.status, 303);
    const coord = await actorOf(coordinator);
    const rows = await db.selectFrom('consensus').selectAll().where('assessment_id', '=', demo.id).execute();
    assert.equal(rows.length, settle + 1);
    const kept = rows.find((x) => x.item_id === first.item.id)!;
    assert.deepEqual({ revision: kept.revision, rationale: kept.rationale }, { revision: 1, rationale: 'Not applicable here, said the ministry.' });
    for (const c of v.consensual.slice(1)) {
      const row = rows.find((x) => x.item_id === c.item.id);
      assert.ok(row, c.item.id);
      assert.equal(row.decided_by, coord?.id);
      assert.equal(row.rationale, `Accepted as consensual at validation: degree of agreement ${c.agreement.toFixed(2)} ≥ 0.80 among ${c.n} respondents.`);
    }
    const audited = await db.selectFrom('audit_log').select(['actor_id', 'after_json']).where('action', '=', 'consensus.accept_default').execute();
    assert.equal(audited.length, settle);
    assert.ok(audited.every((a) => a.actor_id === coord?.id && JSON.parse(a.after_json ?? '').threshold === 0.8));
    // The validation page no longer lists them as open.
    const after = await getValidation(ctx, coord, demo.id);
    assert.equal(after.withoutConsensus.length, v.withoutConsensus.length - settle - 1);
    assert.equal(after.consensual.length, 0);
    assert.match((await coordinator.get(`/assessments/${demo.id}/validation`)).text, /No undecided item reaches this degree of agreement/);
  });
});
