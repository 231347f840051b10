// Distributions of answers per bucket and per stakeholder side.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TItem } from '../instrument/schema.ts';
import { bucketKeys, distribution } from './distribution.ts';

const base = { weight: 1, provenance: 'documented', tags: { stages: [], sectors: [], sdg: [] }, question: { en: 'Q' }, guidance: { en: 'G' }, actions: [] } as const;
const level = { ...base, id: 'A.01', type: 'level', levels: [{ en: '0' }, { en: '1' }, { en: '2' }, { en: '3' }, { en: '4' }] } as unknown as TItem;
const number = { ...base, id: 'A.02', type: 'number', unit: { en: 'n' }, thresholds: [1, 10, 100, 1000], min: 0 } as unknown as TItem;
const checklist = { ...base, id: 'A.03', type: 'checklist', options: [{ id: 'a', weight: 1, label: { en: 'a' } }, { id: 'b', weight: 1, label: { en: 'b' } }] } as unknown as TItem;

test('levels are counted per level and per side, excluded answers in their own buckets', () => {
  const d = distribution(level, [
    { value: { kind: 'level', level: 3 }, government: true },
    { value: { kind: 'level', level: 3 }, government: false },
    { value: { kind: 'level', level: 1 }, government: false },
    { value: { kind: 'excluded', reason: 'dont_know' }, government: true },
  ]);
  const by = Object.fromEntries(d.buckets.map((b) => [b.key, b]));
  assert.deepEqual(d.buckets.map((b) => b.key), ['0', '1', '2', '3', '4', 'dont_know', 'not_applicable']);
  assert.deepEqual(by['3'], { key: '3', total: 2, government: 1, nonGovernment: 1 });
  assert.deepEqual(by['1'], { key: '1', total: 1, government: 0, nonGovernment: 1 });
  assert.equal(by.dont_know?.total, 1);
  assert.equal(d.answered, 4);
});

test('numbers fall into the level their thresholds give', () => {
  const d = distribution(number, [
    { value: { kind: 'number', number: 0 }, government: true },
    { value: { kind: 'number', number: 50 }, government: true },
    { value: { kind: 'number', number: 5000 }, government: false },
  ]);
  assert.deepEqual(d.buckets.filter((b) => b.total).map((b) => b.key), ['0', '2', '4']);
});

test('a checklist counts each checked option; an empty list is an answer with no option', () => {
  const d = distribution(checklist, [
    { value: { kind: 'checklist', checked: ['a', 'b'] }, government: true },
    { value: { kind: 'checklist', checked: [] }, government: false },
    { value: { kind: 'checklist', checked: ['a', 'zzz'] }, government: false },
  ]);
  assert.equal(d.answered, 3);
  assert.deepEqual(d.buckets.find((b) => b.key === 'a'), { key: 'a', total: 2, government: 1, nonGovernment: 1 });
  assert.equal(d.buckets.find((b) => b.key === 'b')?.total, 1);
  assert.equal(d.buckets.some((b) => b.key === 'zzz'), false, 'unknown options are not invented as buckets');
});

test('answers of the wrong kind are ignored, and text items have no buckets', () => {
  assert.equal(distribution(level, [{ value: { kind: 'status', status: 'yes' }, government: true }]).answered, 0);
  assert.deepEqual(bucketKeys({ ...level, type: 'text' } as unknown as TItem), []);
});

test('a respondent without a stakeholder group counts in the total and on neither side', () => {
  const d = distribution(number, [
    { value: { kind: 'number', number: 0 }, government: true },
    { value: { kind: 'number', number: 0 }, government: null },
  ]);
  assert.deepEqual(d.buckets.find((b) => b.key === '0'), { key: '0', total: 2, government: 1, nonGovernment: 0 });
});
