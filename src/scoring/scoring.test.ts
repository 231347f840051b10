// Property-style tests of the scoring engine on many random answer sets (seeded, so failures repeat).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allItems } from '../instrument/model.ts';
import { bundledInstrument } from '../instrument/loader.ts';
import { DEFAULT_MIN_COVERAGE, type TInstrument, type TItem } from '../instrument/schema.ts';
import { band, defaultAnswer, itemAgreement, itemScore, scoreAnswers, sensitivity, tastleWierman, type TAnswer, type TValue } from './index.ts';
import { seededRandom as rng } from './prng.ts';
import { EXAMPLE } from './test-fixture.ts';

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

function randomAnswers(inst: TInstrument, r: () => number): Map<string, TAnswer> {
  const m = new Map<string, TAnswer>();
  for (const { item } of allItems(inst)) if (r() < 0.85) m.set(item.id, { value: randomValue(item, r), evidence: r() < 0.4 ? 1 : 0 });
  return m;
}

const in01 = (x: number | null) => x === null || (x >= 0 && x <= 1);

test('every score, coverage and evidence strength lies in [0,1] (500 random answer sets)', () => {
  const r = rng(1);
  for (let n = 0; n < 500; n++) {
    const s = scoreAnswers(EXAMPLE, randomAnswers(EXAMPLE, r));
    for (const x of [s, ...s.parts, ...s.pillars]) {
      assert.ok(in01(x.score) && in01(x.coverage) && in01(x.evidenceStrength), JSON.stringify(x));
    }
    for (const i of s.items) assert.ok(in01(i.score));
  }
});

test('an excluded answer leaves the denominator; it is not a zero', () => {
  const r = rng(2);
  for (let n = 0; n < 200; n++) {
    const answers = randomAnswers(EXAMPLE, r);
    const target = allItems(EXAMPLE).filter(({ item }) => item.type !== 'text' && itemScore(item, answers.get(item.id)?.value) !== null);
    if (!target.length) continue;
    const { item, pillar } = target[Math.floor(r() * target.length)] as (typeof target)[number];
    const withExcluded = new Map(answers).set(item.id, { value: { kind: 'excluded', reason: 'dont_know' }, evidence: 0 });
    const a = scoreAnswers(EXAMPLE, withExcluded).pillars.find((p) => p.id === pillar.id);
    // Expected: the weighted mean over the pillar's other scored items.
    let sw = 0;
    let s = 0;
    for (const it of pillar.items) {
      const sc = it.id === item.id ? null : itemScore(it, answers.get(it.id)?.value);
      if (sc !== null && it.weight > 0) {
        sw += it.weight;
        s += it.weight * sc;
      }
    }
    assert.equal(a?.score === null ? null : Math.round((a?.score ?? 0) * 1e9), sw ? Math.round((s / sw) * 1e9) : null);
    const before = scoreAnswers(EXAMPLE, answers).pillars.find((p) => p.id === pillar.id);
    assert.ok(Math.abs((before?.coverage ?? 0) - (a?.coverage ?? 0) - item.weight / (before?.applicableWeight ?? 1)) < 1e-9, 'coverage drops by the item weight share');
  }
});

test('"don\'t know" and unanswered give the same score; only their flags differ', () => {
  const answered = new Map<string, TAnswer>([['P.02', { value: { kind: 'level', level: 2 }, evidence: 0 }]]);
  const dk = new Map(answered).set('P.01', { value: { kind: 'excluded', reason: 'dont_know' }, evidence: 0 });
  assert.equal(scoreAnswers(EXAMPLE, answered).score, scoreAnswers(EXAMPLE, dk).score);
  assert.equal(scoreAnswers(EXAMPLE, dk).items.find((i) => i.id === 'P.01')?.excluded, true);
});

test('scaling every weight by the same factor changes nothing', () => {
  const r = rng(3);
  for (let n = 0; n < 200; n++) {
    const answers = randomAnswers(EXAMPLE, r);
    const k = 0.1 + r() * 9;
    const items = Object.fromEntries(allItems(EXAMPLE).map(({ item }) => [item.id, item.weight * k]));
    const pillars = Object.fromEntries(EXAMPLE.parts.flatMap((p) => p.pillars).map((p) => [p.id, p.weight * k]));
    const a = scoreAnswers(EXAMPLE, answers);
    const b = scoreAnswers(EXAMPLE, answers, { item: items, pillar: pillars });
    for (const [x, y] of [[a, b], ...a.pillars.map((p, i) => [p, b.pillars[i]])] as [typeof a, typeof a][]) {
      assert.ok((x.score === null && y.score === null) || Math.abs((x.score ?? 0) - (y.score ?? 0)) < 1e-9);
      assert.ok(Math.abs(x.coverage - y.coverage) < 1e-9);
    }
  }
});

test('agreement is 1 when all agree and 0 at an even split between the extremes, for every item type', () => {
  for (const { item } of allItems(EXAMPLE)) {
    if (item.type === 'text') {
      assert.equal(itemAgreement(item, [{ kind: 'text', text: 'a' }, { kind: 'text', text: 'b' }]), null);
      continue;
    }
    const r = rng(item.id.charCodeAt(2));
    const v = randomValue(item, r);
    const same = v.kind === 'excluded' ? randomValue(item, () => 0.5) : v;
    assert.equal(itemAgreement(item, [same, same, same]), 1, item.id);
    const lo: Record<string, TValue> = { status: { kind: 'status', status: 'no' }, level: { kind: 'level', level: 0 }, number: { kind: 'number', number: 0 }, checklist: { kind: 'checklist', checked: [] } };
    const hi: Record<string, TValue> = { status: { kind: 'status', status: 'yes' }, level: { kind: 'level', level: 4 }, number: { kind: 'number', number: 100 }, checklist: { kind: 'checklist', checked: item.type === 'checklist' ? item.options.map((o) => o.id) : [] } };
    assert.equal(itemAgreement(item, [lo[item.type] as TValue, lo[item.type] as TValue, hi[item.type] as TValue, hi[item.type] as TValue]), 0, item.id);
  }
});

test('agreement stays in [0,1] and falls as answers spread', () => {
  const r = rng(4);
  for (let n = 0; n < 300; n++) {
    const xs = Array.from({ length: 2 + Math.floor(r() * 20) }, () => Math.floor(r() * 5));
    const c = tastleWierman(xs, 0, 4) as number;
    assert.ok(c >= 0 && c <= 1);
  }
  assert.ok((tastleWierman([2, 2, 2, 3], 0, 4) as number) > (tastleWierman([1, 2, 3, 4], 0, 4) as number));
  assert.ok((tastleWierman([1, 2, 3, 4], 0, 4) as number) > (tastleWierman([0, 0, 4, 4], 0, 4) as number));
  assert.equal(itemAgreement(allItems(EXAMPLE)[1]!.item, [{ kind: 'level', level: 2 }]), null, 'one answer gives no agreement');
});

test('bands are the quarters of the scale, named unlike the UN groups; boundaries go up', () => {
  assert.deepEqual([0, 0.2499, 0.25, 0.4999, 0.5, 0.7499, 0.75, 1].map(band), ['minimal', 'minimal', 'limited', 'limited', 'substantial', 'substantial', 'extensive', 'extensive']);
});

test('"not applicable" leaves the coverage denominator; "don\'t know" stays in it as missing', () => {
  const r = rng(6);
  for (let n = 0; n < 200; n++) {
    const answers = randomAnswers(EXAMPLE, r);
    const target = allItems(EXAMPLE).filter(({ item }) => item.type !== 'text' && itemScore(item, answers.get(item.id)?.value) !== null);
    if (!target.length) continue;
    const { item, pillar } = target[Math.floor(r() * target.length)] as (typeof target)[number];
    const na = scoreAnswers(EXAMPLE, new Map(answers).set(item.id, { value: { kind: 'excluded', reason: 'not_applicable' }, evidence: 0 })).pillars.find((p) => p.id === pillar.id);
    const dk = scoreAnswers(EXAMPLE, new Map(answers).set(item.id, { value: { kind: 'excluded', reason: 'dont_know' }, evidence: 0 })).pillars.find((p) => p.id === pillar.id);
    assert.equal(na?.score, dk?.score, 'the same score either way');
    assert.equal(na?.applicableWeight, (dk?.applicableWeight ?? 0) - item.weight);
    assert.ok((na?.applicableWeight ?? 0) === 0 ? na?.coverage === 0 : Math.abs((na?.coverage ?? 0) - (na?.answeredWeight ?? 0) / (na?.applicableWeight ?? 1)) < 1e-12);
    assert.ok((na?.coverage ?? 0) >= (dk?.coverage ?? 0), 'coverage is never lower for "not applicable"');
  }
});

test('one respondent answering one item of the bundled instrument: index 1.00 at 1.6 % coverage is insufficient data, partial, no band', () => {
  // On main before the coverage rule this gave index 1, band "very high", coverage 0.016.
  const inst = bundledInstrument();
  const first = allItems(inst).find(({ item }) => item.type === 'level');
  assert.ok(first);
  const s = scoreAnswers(inst, new Map([[first.item.id, { value: { kind: 'level', level: 4 }, evidence: 1 }]]));
  assert.equal(s.score, 1);
  assert.ok(s.coverage < 0.02, `coverage ${s.coverage}`);
  assert.equal(s.sufficient, false);
  assert.equal(s.band, null);
  assert.equal(s.partial, true);
  assert.equal(s.pillarsScored, 1);
  assert.equal(s.pillarsTotal, inst.parts.flatMap((p) => p.pillars).length);
  const pillar = s.pillars.find((p) => p.id === first.pillar.id);
  assert.equal(pillar?.band, null, 'the pillar itself is under the minimum too');
});

test('the instrument sets its own minimum coverage; absent, the default 0.5 applies', () => {
  const answers = new Map<string, TAnswer>([
    ['P.01', { value: { kind: 'status', status: 'yes' }, evidence: 0 }],
    ['P.02', { value: { kind: 'level', level: 4 }, evidence: 0 }],
  ]);
  // P: answered weight 3 of 5 → coverage 0.6.
  assert.equal(scoreAnswers(EXAMPLE, answers).minCoverage, DEFAULT_MIN_COVERAGE);
  assert.equal(scoreAnswers(EXAMPLE, answers).pillars.find((p) => p.id === 'P')?.band, 'extensive');
  const strict = { ...EXAMPLE, minCoverage: 0.8 };
  assert.equal(scoreAnswers(strict, answers).pillars.find((p) => p.id === 'P')?.band, null);
  assert.equal(scoreAnswers({ ...EXAMPLE, minCoverage: 0.6 }, answers).pillars.find((p) => p.id === 'P')?.band, 'extensive', 'a coverage equal to the minimum is enough');
});

test('values that do not fit the item are not scored (never a silent zero)', () => {
  const level = allItems(EXAMPLE).find((x) => x.item.id === 'P.02')!.item;
  assert.equal(itemScore(level, { kind: 'level', level: 5 }), null);
  assert.equal(itemScore(level, { kind: 'level', level: 1.5 }), null);
  assert.equal(itemScore(level, { kind: 'status', status: 'yes' }), null);
  const num = allItems(EXAMPLE).find((x) => x.item.id === 'P.04')!.item;
  assert.equal(itemScore(num, { kind: 'number', number: Number.NaN }), null);
  assert.equal(itemScore(num, { kind: 'number', number: 20 }), 1);
});

test('the default answer of unanimous respondents is their answer', () => {
  const r = rng(5);
  for (const { item } of allItems(EXAMPLE)) {
    if (item.type === 'text') continue;
    let v = randomValue(item, r);
    while (v.kind === 'excluded') v = randomValue(item, r);
    assert.deepEqual(defaultAnswer(item, [v, v, v]), v.kind === 'checklist' ? { kind: 'checklist', checked: item.type === 'checklist' ? item.options.map((o) => o.id).filter((id) => v.kind === 'checklist' && v.checked.includes(id)) : [] } : v);
  }
});

test('sensitivity: doubling one pillar moves the index toward that pillar', () => {
  const answers = new Map<string, TAnswer>([
    ['P.02', { value: { kind: 'level', level: 1 }, evidence: 0 }],
    ['Q.01', { value: { kind: 'level', level: 4 }, evidence: 0 }],
  ]);
  const r = sensitivity(EXAMPLE, answers, 1);
  const up = r.scenarios.find((s) => s.id === 'pillar_up' && s.pillarId === 'Q');
  assert.ok((up?.delta ?? 0) > 0);
  assert.deepEqual(r.baseline.order, ['Q', 'P']);
});
