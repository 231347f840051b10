// Checklist quick polls: the worked example of docs/METHODOLOGY.md, "Quick polls".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TItem } from '../instrument/schema.ts';
import { checklistPoll } from './poll.ts';

const base = { weight: 1, provenance: 'documented', tags: { stages: [], sectors: [], sdg: [] }, question: { en: 'Q' }, guidance: { en: 'G' }, actions: [] } as const;
const p03 = { ...base, id: 'P.03', type: 'checklist', options: [{ id: 'a', weight: 2, label: { en: 'a' } }, { id: 'b', weight: 1, label: { en: 'b' } }, { id: 'c', weight: 1, label: { en: 'c' } }] } as unknown as Extract<TItem, { type: 'checklist' }>;

test('an option is in place when more than half of the voters ticked it; the score is that answer’s', () => {
  const r = checklistPoll(p03, [['a', 'b'], ['a'], ['a', 'c'], []]);
  assert.equal(r.voters, 4);
  assert.deepEqual(r.shares, [
    { id: 'a', ticked: 3, share: 0.75 },
    { id: 'b', ticked: 1, share: 0.25 },
    { id: 'c', ticked: 1, share: 0.25 },
  ]);
  assert.deepEqual(r.inPlace, ['a']);
  assert.equal(r.score, 0.5);
});

test('exactly half is not more than half; no voters gives no score', () => {
  assert.deepEqual(checklistPoll(p03, [['a', 'b'], ['a']]).inPlace, ['a']);
  assert.equal(checklistPoll(p03, [['b'], []]).score, 0);
  const none = checklistPoll(p03, []);
  assert.equal(none.score, null);
  assert.equal(none.shares[0]?.share, null);
});
