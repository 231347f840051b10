// Provisional results of the demo assessment on real databases: what a methodologist would check.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeResults } from '../src/domain/results/compute-results.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { parseCsv } from '../src/lib/csv.ts';
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
    const compared = contested.filter((i) => i.gap !== null);
    assert.ok(compared.length >= 3, 'contested items that both sides scored with at least 5 respondents each show a gap');
    assert.ok(compared.every((i) => (i.gap as number) > 0), 'government is more optimistic on contested items');
    // Beside each score: a 95 % interval from the respondent bootstrap, the probability that the band holds,
    // the range under other weights and rules, Krippendorff's α, and the gap's permutation p-value.
    assert.ok(j.index.low !== null && j.index.high !== null && j.index.low < j.index.high);
    assert.ok(j.index.bandProbability !== null && j.index.bandProbability > 0.5 && j.index.bandProbability <= 1);
    assert.ok(j.index.rangeMin !== null && j.index.rangeMax !== null && j.index.rangeMin <= (j.index.score as number) && (j.index.score as number) <= j.index.rangeMax);
    for (const p of j.pillars) {
      assert.ok(p.low !== null && p.high !== null && p.rankMin !== null && p.rankMax !== null && p.rankMin <= p.rankMax, `pillar ${p.id}`);
      assert.ok(p.alpha === null || (p.alpha > -1 && p.alpha <= 1));
      assert.ok(p.gap === null || (p.gapP !== null && p.gapP > 0 && p.gapP <= 1 && p.gapNoise === p.gapP >= 0.05));
    }
    assert.equal(j.method.gapTest.method, 'exact', '6 + 6 respondents: all 924 splits are enumerated');
    assert.equal(j.unsubmitted, 2, 'two demo respondents stopped part-way; their answers count');
    assert.deepEqual(j.unassigned, []);
    assert.deepEqual(resultsJson(await computeResults(get().ctx, OPERATOR, first.assessmentId)), j, 'the same answers give the same intervals');
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
    // The numbers, without the last column (the label in the chosen language, tested in export-labels).
    const csv = parseCsv(resultsCsv(res)).map((r) => r.slice(0, 4).join(','));
    assert.equal(csv[0], 'level,id,measure,value');
    assert.ok(csv.includes(`index,METEP,score,${j.index.score}`), 'CSV and JSON carry the same numbers');
    assert.ok(csv.includes(`index,METEP,low,${j.index.low}`) && csv.includes(`index,METEP,bandProbability,${j.index.bandProbability}`));
    const pa = j.pillars[0];
    assert.ok(pa && csv.includes(`pillar,${pa.id},alpha,${pa.alpha}`) && csv.includes(`pillar,${pa.id},gapP,${pa.gapP}`) && csv.includes(`pillar,${pa.id},sufficient,true`));
  });

  test('a respondent whose organisation has no stakeholder group is left out of the perception gap and listed for the coordinator', async () => {
    // On main before this rule such a respondent counted as non-government (isGovernment(groupCode ?? '')).
    const { assessmentId } = await seedDemo(get().ctx);
    const before = await computeResults(get().ctx, OPERATOR, assessmentId);
    const scoredB07 = (r: (typeof before.set.respondents)[number]) => ['status', 'level', 'number', 'checklist'].includes(r.answers.get('B.07')?.value.kind ?? '');
    const who = before.set.respondents.find((r) => r.government === false && scoredB07(r));
    assert.ok(who);
    await get().db.kysely.updateTable('memberships').set({ organisation_id: null }).where('assessment_id', '=', assessmentId).where('user_id', '=', who.userId).execute();
    const after = await computeResults(get().ctx, OPERATOR, assessmentId);
    assert.deepEqual(after.unassigned, [{ number: who.number, name: who.name, organisation: null }], 'listed by name for the operator, who may read every answer');
    assert.equal(after.respondents, before.respondents, 'their answers still count in the scores');
    assert.equal(after.scores.score, before.scores.score);
    const b07 = (r: typeof before) => r.gaps.items.find((g) => g.id === 'B.07');
    assert.equal(b07(after)?.nNonGovernment, (b07(before)?.nNonGovernment as number) - 1, 'on neither side of the gap');
    assert.equal(b07(after)?.nGovernment, b07(before)?.nGovernment);
    const j = resultsJson(after);
    assert.deepEqual(j.unassigned, after.unassigned);
    assert.ok(resultsCsv(after).includes('index,METEP,unassigned,1'));
  });
});
