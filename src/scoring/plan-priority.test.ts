// The draft plan's candidates, priorities and merged actions, and the before/after of an adopted plan's
// actions (docs/METHODOLOGY.md §15–§16; the worked examples there are run by methodology.test.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionEffect } from './plan-effects.ts';
import { draftActions, indexShares, itemPriorities, planReference } from './plan-priority.ts';
import { EXAMPLE } from './test-fixture.ts';

const r = (id: string, score: number | null, agreement: number | null = 1, n = 2, withEvidence = 2) => ({ id, score, agreement, n, withEvidence });

test('the reference is the target, but never below the gap level', () => {
  assert.equal(planReference(null), 0.5);
  assert.equal(planReference(0.3), 0.5);
  assert.equal(planReference(0.7), 0.7);
});

test('item shares of the index sum to 1 and leave out text items', () => {
  const s = indexShares(EXAMPLE);
  assert.ok(Math.abs([...s.values()].reduce((a, b) => a + b, 0) - 1) < 1e-12);
  assert.equal(s.has('P.05'), false);
});

test('only scored items under the reference are candidates', () => {
  const items = itemPriorities(EXAMPLE, [r('P.01', 0.5), r('P.02', 0.49), r('P.03', null), r('P.05', 0)], null);
  assert.deepEqual(items.map((i) => i.id), ['P.02']);
});

test('confidence runs from ½ (no agreement, no evidence) to 1 (full agreement, all with evidence)', () => {
  const [low] = itemPriorities(EXAMPLE, [r('P.02', 0, null, 0, 0)], null);
  const [high] = itemPriorities(EXAMPLE, [r('P.02', 0, 1, 3, 3)], null);
  assert.equal(low?.confidence, 0.5);
  assert.equal(high?.confidence, 1);
  assert.equal(high!.priority, 2 * low!.priority);
});

test('an action recommended by two candidate items is one action with both links and the sum of priorities', () => {
  const d = draftActions(EXAMPLE, [r('P.02', 0.25), r('Q.01', 0)], null);
  assert.equal(d.actions.length, 1);
  const [a] = d.actions;
  assert.equal(a?.key, 'P.02/a1');
  assert.deepEqual([...(a?.items ?? [])].sort(), ['P.02', 'Q.01']);
  assert.deepEqual(a?.pillars, ['Q', 'P'], 'pillars in the order of their items’ priority: Q.01 (score 0) before P.02');
  assert.ok(Math.abs(a!.priority - d.items.reduce((s, i) => s + i.priority, 0)) < 1e-12);
});

test('a copy whose original item is not a candidate still drafts the original action, linked to the copy only', () => {
  const d = draftActions(EXAMPLE, [r('P.02', 0.9), r('Q.01', 0)], null);
  assert.deepEqual(d.actions.map((a) => [a.key, a.items]), [['P.02/a1', ['Q.01']]]);
});

test('before/after: weighted by the later weights over items scored in both cycles, through the crosswalk', () => {
  const earlier = new Map([['X.01', { score: 0.25, weight: 1 }], ['X.02', { score: 0.5, weight: 1 }], ['X.03', { score: 0, weight: 1 }]]);
  const later = new Map([['Y.01', { score: 0.75, weight: 3 }], ['X.02', { score: 0.5, weight: 1 }]]);
  const e = actionEffect(['X.01', 'X.02', 'X.03'], earlier, later, { 'X.01': 'Y.01' });
  assert.deepEqual(e.items.map((i) => i.laterId), ['Y.01', 'X.02', null]);
  assert.equal(e.before, (3 * 0.25 + 0.5) / 4);
  assert.equal(e.after, (3 * 0.75 + 0.5) / 4);
  assert.equal(e.change, 0.375);
  assert.deepEqual(actionEffect(['X.03'], earlier, later).change, null);
});
