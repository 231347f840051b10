import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseTypedNumber, typedNumber } from './schemas.ts';

describe('parseTypedNumber', () => {
  it('reads the digits and separators people type', () => {
    const cases: [string, number][] = [
      ['12', 12], [' 3.5 ', 3.5], ['3,5', 3.5], ['1 200', 1200], ['1\u00a0200', 1200], ['-4', -4], ['\u22124', -4], ['.5', 0.5],
      ['٥٥', 55], ['٠٫٦', 0.6], ['١٬٢٠٠', 1200], ['٢٠٢٦', 2026], ['۱۲', 12], ['۳٫۵', 3.5], ['٣,٥', 3.5],
    ];
    for (const [raw, n] of cases) assert.equal(parseTypedNumber(raw), n, raw);
  });

  it('is NaN for what is not a decimal number, the empty string included', () => {
    for (const raw of ['', ' ', 'abc', '1e3', '0x10', 'Infinity', '1.2.3', '12a', '--1', '1,2,3', '-']) assert.ok(Number.isNaN(parseTypedNumber(raw)), raw);
  });

  it('typedNumber converts non-empty strings only', () => {
    assert.equal(typedNumber('٧'), 7);
    assert.equal(typedNumber(''), '');
    assert.equal(typedNumber(3), 3);
    assert.equal(typedNumber(undefined), undefined);
  });
});
