// Instrument 2026.2 beside 2026.1 (issue 11): both are stored at start, new assessments and the demo's
// current cycle use 2026.2, and the results page compares with the demo's validated 2024 cycle (on 2026.1)
// through the crosswalk — saying so, and listing every item without a like-for-like counterpart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seedDemo, DEMO_PREVIOUS_VERSION } from '../src/domain/assessments/seed-demo.ts';
import { createAssessment } from '../src/domain/assessments/create-assessment.ts';
import { computeResults } from '../src/domain/results/compute-results.ts';
import { getResultsPage } from '../src/domain/results/get-results-page.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { createApp } from '../src/http/app.tsx';
import { eachDialect } from './env.ts';
import { Browser } from './http.ts';

const PREVIOUS_ID = '00000000-0000-4000-8000-000000000de4';

eachDialect('instrument versions', (get) => {
  let demoId = '';
  let password = '';

  test('the demo runs on 2026.2 for the current cycle; its validated 2024 cycle stays on 2026.1', async () => {
    const demo = await seedDemo(get().ctx);
    demoId = demo.assessmentId;
    password = demo.accounts[0]!.password;
    const current = await computeResults(get().ctx, OPERATOR, demoId);
    assert.equal(current.access.instrument.version, '2026.2');
    assert.equal(current.respondents, 12);
    assert.ok(current.scores.score !== null && current.scores.coverage > 0.9);
    // Items new in 2026.2 are answered; items 2026.2 no longer asks are not.
    assert.ok(current.scores.items.find((i) => i.id === 'A.11')?.score !== null);
    assert.equal(current.scores.items.find((i) => i.id === 'B.09'), undefined);
    const previous = await computeResults(get().ctx, OPERATOR, PREVIOUS_ID);
    assert.equal(previous.access.instrument.version, DEMO_PREVIOUS_VERSION);
    assert.equal(previous.provisional, false);
  });

  test('a new assessment defaults to 2026.2; 2026.1 can still be chosen', async () => {
    const id = await createAssessment(get().ctx, OPERATOR, { country: 'KEN', cycleYear: '2026' });
    const row = await get().db.kysely.selectFrom('assessments').innerJoin('instruments', 'instruments.id', 'assessments.instrument_id').select('instruments.version').where('assessments.id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.version, '2026.2');
    const old = await createAssessment(get().ctx, OPERATOR, { country: 'KEN', cycleYear: '2025', instrumentVersion: '2026.1' });
    const oldRow = await get().db.kysely.selectFrom('assessments').innerJoin('instruments', 'instruments.id', 'assessments.instrument_id').select('instruments.version').where('assessments.id', '=', old).executeTakeFirstOrThrow();
    assert.equal(oldRow.version, '2026.1');
  });

  test('the previous cycle on 2026.1 is compared through the crosswalk, on shared items only, and nothing is dropped silently', async () => {
    const page = await getResultsPage(get().ctx, OPERATOR, demoId);
    assert.ok(page.previous);
    const cmp = page.acrossVersions;
    assert.equal(cmp?.kind, 'linked');
    if (cmp?.kind !== 'linked') return;
    const { trend } = cmp;
    assert.deepEqual([trend.from, trend.to], ['2026.1', '2026.2']);
    // Every pillar rests on its shared items only; none of the rewritten items is among them.
    const shared = trend.pillars.reduce((s, p) => s + p.items, 0);
    assert.equal(trend.index.items, shared);
    assert.ok(shared > 50 && shared <= 63, `${shared} shared items`);
    assert.ok(trend.index.current !== null && trend.index.previous !== null);
    assert.equal(trend.index.change, (trend.index.current as number) - (trend.index.previous as number));
    // Recomputed by hand for pillar A: the 2026.2 weights over items the crosswalk calls the same.
    const cur = await computeResults(get().ctx, OPERATOR, demoId);
    const prev = await computeResults(get().ctx, OPERATOR, PREVIOUS_ID);
    const same = ['A.01', 'A.03', 'A.04', 'A.05', 'A.06', 'A.07', 'A.09', 'A.10'];
    const pairs = same.map((id) => ({ c: cur.scores.items.find((i) => i.id === id)!, p: prev.scores.items.find((i) => i.id === id)! })).filter((x) => x.c.score !== null && x.p.score !== null);
    const w = pairs.reduce((s, x) => s + x.c.weight, 0);
    const a = trend.pillars.find((p) => p.id === 'A')!;
    assert.equal(a.items, pairs.length);
    assert.ok(Math.abs((a.current as number) - pairs.reduce((s, x) => s + x.c.weight * (x.c.score as number), 0) / w) < 1e-12);
    assert.ok(Math.abs((a.previous as number) - pairs.reduce((s, x) => s + x.c.weight * (x.p.score as number), 0) / w) < 1e-12);
    // Changed, split and merged items are listed with both scores; dropped ones with where their subject went.
    assert.deepEqual(trend.changed.map((c) => c.id).sort(), ['A.02', 'A.08', 'A.11', 'B.06', 'C.03', 'E.09', 'E.12', 'E.13', 'F.01', 'G.02', 'G.05', 'G.07']);
    assert.deepEqual(trend.changed.find((c) => c.id === 'F.01')?.from.map((f) => f.id), ['F.01', 'F.02']);
    assert.deepEqual(trend.dropped.map((d) => [d.id, d.see]), [['B.09', ['A.03', 'F.08']], ['C.11', ['F.08', 'C.02']]]);
    assert.ok(trend.dropped.every((d) => d.previous !== null), 'the dropped items keep their 2024 score on the page');
  });

  test('the results page says the versions differ and lists the items without a counterpart', async () => {
    const b = new Browser(createApp(get().ctx));
    assert.equal((await b.post('/sign-in', { email: 'coordinator@demo.metep.example', password })).status, 303);
    const r = await b.get(`/assessments/${demoId}/results`, { 'accept-language': 'en' });
    assert.equal(r.status, 200);
    assert.match(r.text, /Comparison with cycle 2,?024 across instrument versions/);
    assert.match(r.text, /answered on METEP 2026\.1 and cycle 2,?026 on METEP 2026\.2/);
    assert.match(r.text, /Items of METEP 2026\.1 that are no longer asked/);
    assert.match(r.text, /B\.09/);
    assert.match(r.text, /merged from several items/);
    const ar = await b.get(`/assessments/${demoId}/results`, { 'accept-language': 'ar' });
    assert.match(ar.text, /المقارنة مع دورة/);
  });
});
