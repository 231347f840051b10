// XLIFF 2.0 round trip: exporting the Arabic texts and reading them back gives exactly the same texts, so an
// import of an untouched file changes nothing; markup-like characters and line breaks survive.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundledInstrument } from './loader.ts';
import { applyTexts, textEntries } from './texts.ts';
import { instrumentToXliff, xliffToTexts } from './xliff.ts';

test('an XLIFF round trip of the Arabic instrument texts leaves them identical', () => {
  const inst = bundledInstrument('2026.2');
  const xml = instrumentToXliff(inst, 'ar', new Map([['A.01.question', 'final']]));
  assert.match(xml, /<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ar">/);
  const back = xliffToTexts(xml);
  assert.equal(back.key, 'metep');
  assert.equal(back.version, '2026.2');
  assert.equal(back.states.get('A.01.question'), 'final');
  assert.equal(back.states.get('A.02.question'), 'translated');
  const ar = back.texts.get('ar')!;
  const want = new Map(textEntries(inst).filter((e) => e.text.ar).map((e) => [e.key, e.text.ar!]));
  assert.equal(ar.size, want.size);
  for (const [k, v] of want) assert.equal(ar.get(k), v, k);
  const applied = applyTexts(inst, 'ar', ar);
  assert.equal(applied.changed, 0);
  assert.deepEqual(applied.unknown, []);
  assert.deepEqual(applied.instrument, inst);
});

test('special characters, spacing and line breaks survive; a foreign file is refused with a reason', () => {
  const inst = structuredClone(bundledInstrument('2026.2'));
  inst.title.ar = 'أ & ب < ج > "د"\n  سطر ثانٍ  ';
  const back = xliffToTexts(instrumentToXliff(inst, 'ar')).texts.get('ar')!;
  assert.equal(back.get('title'), inst.title.ar);
  assert.throws(() => xliffToTexts('<html/>'), /not an XLIFF 2.0 file/);
  assert.throws(() => xliffToTexts('<xliff version="2.0" trgLang="xx"><file id="metep@2026.2"/></xliff>'), /trgLang "xx"/);
});
