// The citizen pulse statistics against the worked example of docs/METHODOLOGY.md §17 and edge cases.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { bundledPulseInstrument } from '../instrument/pulse/loader.ts';
import { breakdown, distribution, stageScores, wilson, type TSheet } from './pulse.ts';

const doc = readFileSync(new URL('../../docs/METHODOLOGY.md', import.meta.url), 'utf8');
const block = /```json metep-pulse-example\n([\s\S]*?)```/.exec(doc);
const inst = bundledPulseInstrument();
const q = (id: string) => {
  const found = inst.questions.find((x) => x.id === id);
  assert.ok(found, id);
  return found;
};

/** Sheets built from per-question option counts: person i gets the i-th answer of each question's list. */
function sheetsFrom(ex: Record<string, unknown>): TSheet[] {
  const n = ex.n as number;
  const sheets: Record<string, string>[] = Array.from({ length: n }, () => ({}));
  for (const [id, counts] of Object.entries(ex)) {
    if (!/^(P\d{2}|D\d)$/.test(id)) continue;
    const list = Object.entries(counts as Record<string, number>).flatMap(([opt, c]) => Array<string>(c).fill(opt));
    list.forEach((opt, i) => ((sheets[i] as Record<string, string>)[id] = opt));
  }
  return sheets;
}

test('METHODOLOGY.md §17 worked example: the Wilson interval, stage scores and suppression', () => {
  assert.ok(block, 'the worked example is in METHODOLOGY.md');
  const ex = JSON.parse(block[1] as string) as Record<string, any>;
  const sheets = sheetsFrom(ex);
  const yes = distribution(q('P01'), sheets).shares.find((s) => s.option === 'yes');
  assert.ok(yes);
  assert.equal(yes.share, ex.expect.P01_yes.share);
  assert.ok(Math.abs(yes.low - ex.expect.P01_yes.low) < 5e-5, `low ${yes.low}`);
  assert.ok(Math.abs(yes.high - ex.expect.P01_yes.high) < 5e-5, `high ${yes.high}`);
  const stages = stageScores(inst, sheets);
  for (const [stage, v] of Object.entries(ex.expect.stages as Record<string, number>)) {
    const s = stages.find((x) => x.stage === stage);
    assert.ok(s && s.score !== null && Math.abs(s.score - v) < 1e-9, `${stage}: ${s?.score}`);
  }
  // Nobody answered the e-decision-making questions: no score, not zero.
  assert.equal(stages.find((s) => s.stage === 'e_decision_making')?.score, null);
  const rows = breakdown(inst, q('D4'), sheets);
  assert.deepEqual(rows.filter((r) => r.n === null).map((r) => r.value), [...ex.expect.suppressed, 'not_said']);
  assert.equal(rows.find((r) => r.value === 'urban')?.n, 36);
});

test('Wilson intervals stay inside [0, 1] and are empty for no answers', () => {
  assert.equal(wilson(0, 0), null);
  const none = wilson(0, 40);
  assert.ok(none && none.low === 0 && none.high > 0.08 && none.high < 0.09);
  const all = wilson(40, 40);
  assert.ok(all && all.high === 1 && all.low > 0.91);
});

test('a multiple-choice question counts each ticked option among those who answered it', () => {
  const d = distribution(q('P09'), [{ P09: ['cost', 'skills'] }, { P09: ['cost'] }, {}]);
  assert.equal(d.n, 2);
  assert.equal(d.shares.find((s) => s.option === 'cost')?.share, 1);
  assert.equal(d.shares.find((s) => s.option === 'skills')?.share, 0.5);
  assert.equal(d.mean, null);
});
