// The change between two scores agrees with the scores as printed (issue 10: "Change 0.00" beside a visible
// difference).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { delta, score } from './format.ts';

test('a change is the difference of the printed scores', () => {
  // 0.6149 and 0.6051 print as 0.61 and 0.61: no visible change, none reported.
  assert.equal(delta('en', 0.6149, 0.6051), '0.00');
  // 0.615 and 0.6049 differ by 0.0101 but print as 0.62 and 0.60: +0.02, as a reader subtracts them.
  assert.equal(`${score('en', 0.615)} ${score('en', 0.6049)}`, '0.62 0.60');
  assert.equal(delta('en', 0.615, 0.6049), '+0.02');
  // 0.6051 and 0.6049 differ by 0.0002 but print as 0.61 and 0.60: the change says +0.01, not 0.00.
  assert.equal(delta('en', 0.6051, 0.6049), '+0.01');
  assert.equal(delta('en', 0.5, 0.75), '-0.25');
  assert.equal(delta('en', null, 0.5), '–');
});
