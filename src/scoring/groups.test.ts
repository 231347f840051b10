// Perception gaps: computed on the items both sides scored, suppressed under the minimum group size, without
// respondents who have no stakeholder group, and tested against noise by permuting the sides.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { consolidate, type TRespondent } from './consolidate.ts';
import { gapTest, MIN_GROUP_SIZE, perceptionGaps } from './groups.ts';
import { seededRandom } from './prng.ts';
import { EXAMPLE } from './test-fixture.ts';
import type { TAnswer, TAnswers, TValue } from './types.ts';

const answers = (o: Record<string, TValue>): TAnswers => new Map(Object.entries(o).map(([k, value]) => [k, { value, evidence: 0 } satisfies TAnswer]));
const level = (l: number): TValue => ({ kind: 'level', level: l });
const times = <T>(n: number, f: (k: number) => T) => Array.from({ length: n }, (_, k) => f(k));

test('a pillar gap is computed on the items both sides scored, not on what each side happened to answer', () => {
  // Both sides agree on Q.01 (level 4); only government also answers Q.02, "no". Before this rule each side's
  // pillar score used its own items: government (1 + 0) / 2 = 0.5, non-government 1, so Q showed a gap of
  // −0.50 although the only item both sides answered has a gap of 0.
  const gov = times(5, () => answers({ 'Q.01': level(4), 'Q.02': { kind: 'status', status: 'no' } }));
  const non = times(5, () => answers({ 'Q.01': level(4) }));
  const q = perceptionGaps(EXAMPLE, gov, non).pillars.find((p) => p.id === 'Q');
  assert.equal(q?.gap, 0);
  assert.equal(q?.compared, 1);
  assert.equal(q?.government, 1);
  assert.equal(q?.nonGovernment, 1);
});

test('no gap is shown for an item unless each side has the minimum number of scored answers', () => {
  const gov = times(MIN_GROUP_SIZE, () => answers({ 'Q.01': level(4) }));
  const few = times(MIN_GROUP_SIZE - 1, () => answers({ 'Q.01': level(0) }));
  const g = perceptionGaps(EXAMPLE, gov, few);
  const item = g.items.find((i) => i.id === 'Q.01');
  assert.deepEqual([item?.gap, item?.government, item?.nonGovernment, item?.nGovernment, item?.nNonGovernment], [null, null, null, MIN_GROUP_SIZE, MIN_GROUP_SIZE - 1]);
  assert.equal(g.pillars.find((p) => p.id === 'Q')?.gap, null);
  const enough = perceptionGaps(EXAMPLE, gov, [...few, answers({ 'Q.01': level(0) })]);
  assert.equal(enough.items.find((i) => i.id === 'Q.01')?.gap, 1);
  // "Don't know" is not a scored answer and does not make up the number.
  const dk = perceptionGaps(EXAMPLE, gov, [...few, answers({ 'Q.01': { kind: 'excluded', reason: 'dont_know' } })]);
  assert.equal(dk.items.find((i) => i.id === 'Q.01')?.gap, null);
});

test('a respondent without a stakeholder group is on neither side (before: counted as non-government)', () => {
  const side = (government: boolean | null, l: number): TRespondent => ({ government, answers: answers({ 'Q.01': level(l) }) });
  const assigned = [...times(5, () => side(true, 4)), ...times(5, () => side(false, 2))];
  const withUnassigned = consolidate(EXAMPLE, [...assigned, side(null, 0), side(null, 0)]);
  assert.deepEqual(withUnassigned.gaps, consolidate(EXAMPLE, assigned).gaps);
  assert.equal(withUnassigned.gaps.items.find((i) => i.id === 'Q.01')?.gap, 0.5);
  assert.equal(withUnassigned.basis.unassigned, 2);
  // They still count in the scores: the default answer is the lower median of all 12 answers.
  assert.deepEqual(withUnassigned.items.find((i) => i.id === 'Q.01')?.defaultAnswer, level(2));
});

test('the exact permutation test gives the p-value of enumerating every relabelling by hand', () => {
  const r = seededRandom(11);
  for (let round = 0; round < 5; round++) {
    const make = (k: number) => answers({ 'P.01': { kind: 'status', status: (['no', 'partly', 'yes'] as const)[Math.floor(r() * 3)] as 'yes' }, 'P.02': level(Math.floor(r() * 5)), ...(k % 3 === 0 ? {} : { 'Q.01': level(Math.floor(r() * 5)) }) });
    const all = times(11, make);
    const g = 5;
    const t = gapTest(EXAMPLE, all.slice(0, g), all.slice(g));
    assert.equal(t.method, 'exact');
    assert.equal(t.permutations, 462);
    const observed = perceptionGaps(EXAMPLE, all.slice(0, g), all.slice(g), 1);
    const compared = perceptionGaps(EXAMPLE, all.slice(0, g), all.slice(g));
    // Brute force over every 5-subset of the 11 respondents, on the observed compared items.
    const hits: Record<string, number> = {};
    let splits = 0;
    for (let mask = 0; mask < 1 << 11; mask++) {
      let bits = 0;
      for (let k = 0; k < 11; k++) bits += (mask >> k) & 1;
      if (bits !== g) continue;
      splits++;
      const perm = perceptionGaps(EXAMPLE, all.filter((_, k) => (mask >> k) & 1), all.filter((_, k) => !((mask >> k) & 1)), 1);
      for (const it of compared.items.filter((i) => i.gap !== null)) {
        const gap = perm.items.find((x) => x.id === it.id)?.gap;
        if (gap !== null && gap !== undefined && Math.abs(gap) >= Math.abs(it.gap as number) - 1e-12) hits[it.id] = (hits[it.id] ?? 0) + 1;
      }
    }
    assert.equal(splits, 462);
    for (const it of compared.items.filter((i) => i.gap !== null)) assert.equal(t.items[it.id], (hits[it.id] ?? 0) / splits, it.id);
    assert.ok(observed.items.length > 0);
  }
});

test('the Monte Carlo test is reproducible, never gives p = 0, and finds no gap between identical sides', () => {
  const gov = times(12, (k) => answers({ 'P.02': level(3 + (k % 2)), 'Q.01': level(k % 5) }));
  const non = times(12, (k) => answers({ 'P.02': level(k % 2), 'Q.01': level(k % 5) }));
  const a = gapTest(EXAMPLE, gov, non);
  assert.equal(a.method, 'monte_carlo');
  assert.equal(a.permutations, 999);
  assert.deepEqual(gapTest(EXAMPLE, gov, non), a);
  assert.equal(a.items['P.02'], 1 / 1000, 'complete separation: only the observed split is as extreme');
  assert.equal(a.items['Q.01'], 1, 'identical answers on both sides: every split is as extreme as a gap of 0');
  assert.ok((a.pillars.P as number) < 0.05);
});
