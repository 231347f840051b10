import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encode } from 'uqr';
import { qrSvg } from './qr.ts';

test('the QR drawing covers exactly the dark modules uqr encodes, with no style attribute', () => {
  const text = 'https://metep.example.org/p/K7Q2M';
  const svg = qrSvg(text, 'Scan <here> & "vote"');
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  const dark = new Set<string>();
  for (const m of svg.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
    for (let i = 0; i < Number(m[3]); i++) dark.add(`${Number(m[1]) + i},${m[2]}`);
  }
  let expected = 0;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (data[y]![x]) { expected++; assert.ok(dark.has(`${x},${y}`), `module ${x},${y} drawn`); }
  assert.equal(dark.size, expected);
  assert.doesNotMatch(svg, /style=/);
  assert.match(svg, /aria-label="Scan &lt;here> &amp; &quot;vote&quot;"/);
  assert.ok(svg.length < 4000, `compact: ${svg.length} bytes`);
});
