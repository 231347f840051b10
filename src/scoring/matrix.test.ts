// The stage × policy-cycle matrix against hand-computed cells on the bundled instrument.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundledInstrument } from '../instrument/loader.ts';
import { scoreAnswers } from './aggregate.ts';
import { stageMatrix } from './matrix.ts';
import type { TAnswer } from './types.ts';

const inst = bundledInstrument();
const pillars = inst.parts.flatMap((p) => p.pillars);

test('each cell is the weighted mean of the tagged items of that stage, and empty cells stay empty', () => {
  // Answer every Part II level item at level 4 and every status item "no": cells mix 1s and 0s by weight.
  const answers = new Map<string, TAnswer>();
  for (const p of pillars.filter((x) => x.epiStage)) {
    for (const i of p.items) {
      if (i.type === 'level') answers.set(i.id, { value: { kind: 'level', level: 4 }, evidence: 1 });
      if (i.type === 'status') answers.set(i.id, { value: { kind: 'status', status: 'no' }, evidence: 0 });
    }
  }
  const m = stageMatrix(inst, scoreAnswers(inst, answers));
  assert.equal(m.length, 3);
  for (const row of m) {
    for (const [cycle, cell] of Object.entries(row.cells)) {
      const tagged = pillars.filter((p) => p.epiStage === row.stage).flatMap((p) => p.items).filter((i) => i.type !== 'text' && i.weight > 0 && (i.tags.stages as string[]).includes(cycle));
      assert.equal(cell.items, tagged.length, `${row.stage}/${cycle} items`);
      const scored = tagged.filter((i) => i.type === 'level' || i.type === 'status');
      assert.equal(cell.scored, scored.length);
      const w = scored.reduce((s, i) => s + i.weight, 0);
      const expected = w ? scored.reduce((s, i) => s + i.weight * (i.type === 'level' ? 1 : 0), 0) / w : null;
      assert.equal(cell.score === null ? null : Math.round(cell.score * 1e9), expected === null ? null : Math.round(expected * 1e9), `${row.stage}/${cycle}`);
    }
  }
  assert.ok(m.some((r) => Object.values(r.cells).some((c) => c.items > 0)), 'the bundled instrument tags Part II items with cycle stages');
});

test('no answers: every cell has a null score', () => {
  for (const row of stageMatrix(inst, scoreAnswers(inst, new Map()))) for (const c of Object.values(row.cells)) assert.equal(c.score, null);
});
