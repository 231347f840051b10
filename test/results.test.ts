// Provisional results of the demo assessment on real databases: what a methodologist would check.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeResults } from '../src/domain/results/compute-results.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { resultsCsv, resultsJson } from '../src/reports/results-export.ts';
import { eachDialect } from './env.ts';

eachDialect('results', (get) => {
  test('the demo is idempotent and consolidates 12 respondents into scores with coverage and agreement', async () => {
    const first = await seedDemo(get().ctx);
    const again = await seedDemo(get().ctx);
    assert.equal(first.created, true);
    assert.equal(again.created, false);
    const n = await get().db.kysely.selectFrom('answers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await computeResults(get().ctx, OPERATOR, first.assessmentId);
    assert.equal(Number(n.n) > 700, true);
    assert.equal(res.respondents, 12);
    assert.equal(res.provisional, true);
    const j = resultsJson(res);
    assert.ok(j.index.score !== null && j.index.score > 0 && j.index.score < 1);
    assert.equal(j.pillars.length, 7);
    for (const p of j.pillars) assert.ok(p.coverage !== null && p.coverage > 0.9, `pillar ${p.id} coverage`);
    // The demo makes some items contested (government and civil society pull apart): they agree less and
    // government sees them more favourably.
    const contested = j.items.filter((i) => ['A.03', 'B.07', 'D.03', 'F.04', 'G.02', 'G.05'].includes(i.id));
    const others = j.items.filter((i) => i.agreement !== null && !contested.includes(i));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    assert.ok(mean(contested.map((i) => i.agreement ?? 0)) < mean(others.map((i) => i.agreement ?? 0)));
    assert.ok(contested.every((i) => (i.gap ?? 0) > 0), 'government is more optimistic on contested items');
    // The validated 2024 cycle is there to compare with; a demo made before it existed gains it on the next run.
    const prev = await computeResults(get().ctx, OPERATOR, '00000000-0000-4000-8000-000000000de4');
    assert.equal(prev.provisional, false);
    assert.equal(prev.access.assessment.cycle_year, 2024);
    assert.ok(prev.items.some((i) => i.source === 'consensus'));
    await get().db.kysely.deleteFrom('assessments').where('id', '=', '00000000-0000-4000-8000-000000000de4').execute();
    const before = await get().db.kysely.selectFrom('answers').select((eb) => eb.fn.countAll<number>().as('n')).where('assessment_id', '=', first.assessmentId).executeTakeFirstOrThrow();
    assert.equal((await seedDemo(get().ctx)).created, true);
    const after = await get().db.kysely.selectFrom('answers').select((eb) => eb.fn.countAll<number>().as('n')).where('assessment_id', '=', first.assessmentId).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n), 'the current cycle is left as it was');
    assert.equal((await computeResults(get().ctx, OPERATOR, '00000000-0000-4000-8000-000000000de4')).access.assessment.cycle_year, 2024);
    const csv = resultsCsv(res).trim().split('\r\n');
    assert.equal(csv[0], 'level,id,measure,value');
    assert.ok(csv.includes(`index,METEP,score,${j.index.score}`), 'CSV and JSON carry the same numbers');
  });
});
