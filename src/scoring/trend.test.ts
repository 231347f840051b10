// The worked example of docs/INSTRUMENT.md, "Comparing cycles across versions": two cycles on two versions
// of the methodology's example instrument, compared through the crosswalk.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkVersions } from '../instrument/crosswalk.ts';
import { ZInstrument, type TInstrument } from '../instrument/schema.ts';
import type { TScores } from './aggregate.ts';
import { EXAMPLE } from './test-fixture.ts';
import { linkedTrend } from './trend.ts';

// Version 2: P.02 rescaled (changed), P.03 weighs 2, P.04 dropped, Q.02 split into Q.02 and Q.03 (0.5 each),
// both pillars weigh 1.
function exampleV2(): TInstrument {
  const doc = structuredClone(EXAMPLE) as TInstrument;
  doc.version = '2026.2';
  const [p, q] = [doc.parts[0]!.pillars[0]!, doc.parts[1]!.pillars[0]!];
  p.weight = 1;
  p.items = p.items.filter((i) => i.id !== 'P.04').map((i) => (i.id === 'P.03' ? { ...i, weight: 2 } : i));
  const q2 = q.items.find((i) => i.id === 'Q.02')!;
  q.items = [q.items[0]!, { ...q2, weight: 0.5 }, { ...q2, id: 'Q.03', weight: 0.5 }];
  doc.crosswalk = {
    from: '2026.1',
    map: {},
    entries: [
      { kind: 'same', from: ['P.01'], to: ['P.01'] },
      { kind: 'changed', from: ['P.02'], to: ['P.02'] },
      { kind: 'same', from: ['P.03'], to: ['P.03'] },
      { kind: 'dropped', from: ['P.04'], to: [], see: ['P.03'] },
      { kind: 'same', from: ['P.05'], to: ['P.05'] },
      { kind: 'same', from: ['Q.01'], to: ['Q.01'] },
      { kind: 'split', from: ['Q.02'], to: ['Q.02', 'Q.03'] },
    ],
  };
  return ZInstrument.parse(doc);
}

const scores = (inst: TInstrument, s: Record<string, number | null>) =>
  ({ items: inst.parts.flatMap((pt) => pt.pillars.flatMap((pl) => pl.items.map((i) => ({ id: i.id, pillarId: pl.id, weight: i.type === 'text' ? 0 : i.weight, score: s[i.id] ?? null })))) }) as unknown as TScores;

test('cycles on two versions are compared on the items the crosswalk calls the same, with the new weights', () => {
  const v2 = exampleV2();
  const previous = scores(EXAMPLE, { 'P.01': 0.5, 'P.02': 0.75, 'P.03': 0.75, 'P.04': 0.5, 'Q.01': null, 'Q.02': 1 });
  const current = scores(v2, { 'P.01': 1, 'P.02': 0.5, 'P.03': 0.25, 'Q.01': 0.75, 'Q.02': 1, 'Q.03': 0 });
  const t = linkedTrend(v2, current, previous, linkVersions([EXAMPLE, v2]));
  const p = t.pillars.find((x) => x.id === 'P')!;
  // P: P.01 (w 1) and P.03 (w 2) are shared: (1·1 + 2·0.25) / 3 = 0.5 now, (1·0.5 + 2·0.75) / 3 = 0.666667 before.
  assert.equal(p.items, 2);
  assert.equal(p.current, 0.5);
  assert.ok(Math.abs((p.previous as number) - 2 / 3) < 1e-12);
  // Q: Q.01 was "don't know" before and Q.02 was split, so Q has no shared score; the index rests on P alone.
  assert.deepEqual(t.pillars.find((x) => x.id === 'Q'), { id: 'Q', current: null, previous: null, change: null, items: 0 });
  assert.deepEqual([t.index.current, t.index.items], [0.5, 2]);
  assert.ok(Math.abs((t.index.change as number) + 1 / 6) < 1e-12);
  assert.deepEqual(
    t.changed.map((c) => [c.id, c.kind, c.from.map((f) => `${f.id}=${f.score}`).join(), c.current]),
    [['P.02', 'changed', 'P.02=0.75', 0.5], ['Q.02', 'split', 'Q.02=1', 1], ['Q.03', 'split', 'Q.02=1', 0]],
  );
  assert.deepEqual(t.dropped, [{ id: 'P.04', previous: 0.5, see: ['P.03'] }]);
  assert.deepEqual(t.added, []);
});
