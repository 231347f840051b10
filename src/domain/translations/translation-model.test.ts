// Review statuses follow the English source: a status set on one English text does not carry over to a new one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countStatuses, effectiveStatuses, overallStatus, sourceHash, type TString } from './translation-model.ts';

const row = (key: string, source: string, status: 'draft' | 'reviewed' | 'approved') => ({ scope: 'ui', lang: 'fr', string_key: key, status, source_hash: sourceHash(source), reviewed_by: 'u1', reviewed_at: '2026-06-01T00:00:00Z' });

test('a change to the English source marks the translation as needing review again', () => {
  const strings: TString[] = [
    { key: 'a', pillar: null, source: 'Degree of agreement', text: 'Degré d’accord' },
    { key: 'b', pillar: null, source: 'Coverage (new wording)', text: 'Couverture' },
    { key: 'c', pillar: null, source: 'Band', text: undefined },
    { key: 'd', pillar: null, source: 'Score', text: 'Score' },
  ];
  const st = effectiveStatuses(strings, [row('a', 'Degree of agreement', 'approved'), row('b', 'Coverage', 'approved'), row('c', 'Band', 'approved')], 'draft');
  assert.deepEqual({ ...st.get('a'), reviewedAt: null }, { status: 'approved', changed: false, missing: false, reviewedBy: 'u1', reviewedAt: null });
  assert.equal(st.get('b')?.status, 'draft');
  assert.equal(st.get('b')?.changed, true);
  assert.equal(st.get('c')?.status, 'draft', 'a missing translation is never approved');
  assert.equal(st.get('d')?.status, 'draft', 'the shipped status applies without a row');
  const c = countStatuses(['a', 'b', 'c', 'd'], st);
  assert.deepEqual(c, { total: 4, draft: 3, reviewed: 0, approved: 1 });
  assert.equal(overallStatus(c), 'draft');
  assert.equal(overallStatus({ total: 2, draft: 0, reviewed: 1, approved: 1 }), 'reviewed');
  assert.equal(overallStatus({ total: 2, draft: 0, reviewed: 0, approved: 2 }), 'approved');
});
