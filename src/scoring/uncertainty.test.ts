// The uncertainty analysis: its fast re-consolidation must give exactly the engine's numbers, and its
// intervals, ranges and tests must repeat from their seeds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allItems } from '../instrument/model.ts';
import { krippendorffOrdinal } from './agreement.ts';
import { consolidate, type TRespondent } from './consolidate.ts';
import { seededRandom } from './prng.ts';
import { EXAMPLE } from './test-fixture.ts';
import type { TAnswer, TValue } from './types.ts';
import { quantile, ruleScores, uncertainty } from './uncertainty.ts';
import type { TItem } from '../instrument/schema.ts';

function randomValue(item: TItem, r: () => number): TValue {
  if (r() < 0.15) return { kind: 'excluded', reason: r() < 0.5 ? 'dont_know' : 'not_applicable' };
  switch (item.type) {
    case 'status':
      return { kind: 'status', status: (['yes', 'partly', 'no'] as const)[Math.floor(r() * 3)] as 'yes' };
    case 'level':
      return { kind: 'level', level: Math.floor(r() * 5) };
    case 'checklist':
      return { kind: 'checklist', checked: item.options.filter(() => r() < 0.5).map((o) => o.id) };
    case 'number':
      return { kind: 'number', number: Math.floor(r() * 40) };
    case 'text':
      return { kind: 'text', text: 'narrative' };
  }
}

function randomRespondents(r: () => number, n: number): TRespondent[] {
  return Array.from({ length: n }, () => ({
    government: r() < 0.1 ? null : r() < 0.5,
    answers: new Map<string, TAnswer>(allItems(EXAMPLE).flatMap(({ item }) => (r() < 0.8 ? [[item.id, { value: randomValue(item, r), evidence: 0 }] as const] : []))),
  }));
}

const close = (a: number | null | undefined, b: number | null | undefined) => (a === null && b === null) || Math.abs((a ?? Number.NaN) - (b ?? Number.NaN)) < 1e-12;

test('the re-consolidation used by the bootstrap gives exactly the engine\'s item, pillar, part and index scores', () => {
  const r = seededRandom(21);
  for (let round = 0; round < 200; round++) {
    const rs = randomRespondents(r, 1 + Math.floor(r() * 9));
    const consensus = new Map<string, TValue>(r() < 0.5 ? [['P.02', { kind: 'level', level: Math.floor(r() * 5) }]] : []);
    const c = consolidate(EXAMPLE, rs, consensus);
    const items = ruleScores(EXAMPLE, rs, consensus, 'lower_median');
    for (const it of c.scores.items.filter((i) => i.weight > 0)) assert.ok(close(items.get(it.id), it.score), `${it.id}: ${items.get(it.id)} vs ${it.score}`);
    // One resample holding every respondent once is the original sample.
    const u = uncertainty(EXAMPLE, rs, consensus, c.scores, { resampleSets: [rs.map((_, k) => k)], draws: 0, permutations: 0 });
    assert.ok(close(u.bootstrap.index.low, c.scores.score), 'index');
    for (const p of c.scores.pillars) assert.ok(close(u.bootstrap.pillars[p.id]?.low, p.score), p.id);
    for (const p of c.scores.parts) assert.ok(close(u.bootstrap.parts[p.id]?.high, p.score), p.id);
    if (c.scores.band) assert.equal(u.bootstrap.index.bandProbability, 1);
    assert.ok(close(u.global.index.baseline, c.scores.score));
  }
});

test('the same answers give the same intervals, ranges and p-values (seeded); intervals hold the typical resample', () => {
  const rs = randomRespondents(seededRandom(5), 40);
  const c = consolidate(EXAMPLE, rs);
  const a = uncertainty(EXAMPLE, rs, new Map(), c.scores);
  assert.deepEqual(uncertainty(EXAMPLE, rs, new Map(), c.scores), a);
  assert.equal(a.bootstrap.resamples, 1000);
  assert.equal(a.global.draws, 1000);
  for (const x of [a.bootstrap.index, ...Object.values(a.bootstrap.pillars), ...Object.values(a.bootstrap.parts)]) {
    assert.ok(x.low !== null && x.high !== null && x.low <= x.high);
    assert.ok(x.bandProbability === null || (x.bandProbability >= 0 && x.bandProbability <= 1));
  }
  const { baseline, min, max } = a.global.index;
  assert.ok(min !== null && max !== null && baseline !== null && min <= baseline && baseline <= max && min < max, 'weights and rules move the index');
  for (const rank of Object.values(a.global.ranks)) assert.ok(rank.min >= 1 && rank.min <= rank.baseline && rank.baseline <= rank.max && rank.max <= 2);
});

test('no respondents: no intervals, no ranges, no test', () => {
  const c = consolidate(EXAMPLE, []);
  const u = uncertainty(EXAMPLE, [], new Map(), c.scores);
  assert.deepEqual(u.bootstrap.index, { low: null, high: null, bandProbability: null });
  assert.equal(u.global.index.min, null);
  assert.equal(u.gapTest.permutations, 0);
});

test('quantiles interpolate between order statistics (Hyndman–Fan type 7)', () => {
  assert.equal(quantile([1, 2, 3, 4, 5], 0.5), 3);
  assert.equal(quantile([1, 2], 0.25), 1.25);
  assert.equal(quantile([7], 0.975), 7);
  assert.equal(quantile([], 0.5), null);
});

test('Krippendorff\'s α reproduces the published ordinal example (Krippendorff 2011: 0.815) and is undefined without variation', () => {
  // Four observers × twelve units, values 1–5, missing values left out.
  const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
  const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
  const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
  const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
  const units = A.map((_, u) => [A, B, C, D].map((o) => o[u]).filter((x): x is number => x !== null && x !== undefined));
  assert.equal(Math.round((krippendorffOrdinal(units) as number) * 1000) / 1000, 0.815);
  assert.equal(krippendorffOrdinal([[2, 2], [2, 2, 2]]), null);
  assert.equal(krippendorffOrdinal([[1], [3]]), null, 'single values cannot be paired');
  assert.equal(krippendorffOrdinal([[1, 1], [3, 3]]), 1, 'perfect agreement on different units');
});
