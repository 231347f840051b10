// The bundled METEP instrument is complete and valid; broken instruments are refused with messages that
// name the item and field.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { BUNDLED_INSTRUMENT_DIR, bundledInstrument, checkInstrument, loadInstrument } from './loader.ts';
import { allItems } from './model.ts';
import { INSTRUMENT_LANGS, POLICY_STAGES } from './schema.ts';
import { applyTexts, textEntries } from './texts.ts';

const inst = bundledInstrument();

test('METEP 2026.1: two parts, seven pillars A–G, 8–12 items each, ≥ 60 scored items', () => {
  assert.deepEqual(inst.parts.map((p) => p.pillars.map((x) => x.id).join('')), ['ABCD', 'EFG']);
  for (const pillar of inst.parts.flatMap((p) => p.pillars)) {
    assert.ok(pillar.items.length >= 8 && pillar.items.length <= 12, `${pillar.id} has ${pillar.items.length} items`);
  }
  assert.ok(allItems(inst).filter(({ item }) => item.type !== 'text').length >= 60);
  const types = new Set(allItems(inst).map(({ item }) => item.type));
  assert.deepEqual([...types].sort(), ['checklist', 'level', 'number', 'status', 'text']);
});

test('every text exists in all six languages, and no translation is a copy of English', () => {
  assert.deepEqual(Object.keys(inst.languages).sort(), [...INSTRUMENT_LANGS]);
  for (const e of textEntries(inst)) {
    for (const l of INSTRUMENT_LANGS) assert.ok(e.text[l]?.trim(), `${e.key} missing ${l}`);
    for (const l of INSTRUMENT_LANGS.filter((x) => x !== 'en')) {
      if (/\p{L}{4,}\s+\p{L}{2,}/u.test(e.text.en ?? '')) assert.notEqual(e.text[l], e.text.en, `${e.key} ${l} is English`);
    }
  }
  for (const l of INSTRUMENT_LANGS.filter((x) => x !== 'en')) assert.notEqual(inst.languages[l]?.status, 'source', `${l} must carry an honest translation status`);
});

test('Part II items are documented and tagged with policy-cycle stages and an IAP2 level; Part I are reconstructed', () => {
  for (const { part, item } of allItems(inst)) {
    if (part.id === 'II') {
      assert.equal(item.provenance, 'documented', item.id);
      assert.ok(item.tags.stages.length > 0 && item.tags.stages.every((s) => (POLICY_STAGES as readonly string[]).includes(s)), item.id);
      assert.ok(item.tags.iap2, `${item.id} has an IAP2 level`);
    } else assert.equal(item.provenance, 'reconstructed', item.id);
  }
});

test('a broken instrument is refused, each problem naming the item and field', () => {
  const doc = JSON.parse(JSON.stringify(inst));
  doc.parts[0].pillars[1].items[2].levels = doc.parts[0].pillars[1].items[2].levels?.slice(0, 3);
  const target = doc.parts[0].pillars[1].items[2];
  delete doc.parts[1].pillars[0].items[0].question.fr;
  doc.parts[1].pillars[0].items[1].id = doc.parts[1].pillars[0].items[0].id;
  const r = checkInstrument(doc);
  assert.equal(r.ok, false);
  if (r.ok) return;
  const all = r.problems.join('\n');
  if (target.type === 'level') assert.match(all, new RegExp(`${target.id.replace('.', '\\.')} levels: needs exactly 5`));
  assert.match(all, /E\.01 question: missing fr/);
  assert.match(all, /E\.01: duplicate item id/);
});

test('validation of a split folder reports a bad option weight by item and option', () => {
  const dir = mkdtempSync(join(tmpdir(), 'metep-inst-'));
  try {
    cpSync(BUNDLED_INSTRUMENT_DIR, dir, { recursive: true });
    const file = join(dir, 'items', 'G.json');
    const items = JSON.parse(readFileSync(file, 'utf8'));
    const cl = items.find((i: { type: string }) => i.type === 'checklist');
    cl.options[0].weight = -1;
    writeFileSync(file, JSON.stringify(items));
    const r = loadInstrument(dir);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.problems.join('\n'), new RegExp(`${cl.id.replace('.', '\\.')} options\\[${cl.options[0].id}\\]\\.weight: must be positive`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('applying translated texts changes only those texts and reports unknown keys', () => {
  const r = applyTexts(inst, 'fr', new Map([['A.01.question', 'Nouvelle question ?'], ['Z.99.question', 'x']]));
  assert.equal(r.changed, 1);
  assert.deepEqual(r.unknown, ['Z.99.question']);
  assert.equal(r.instrument.parts[0]?.pillars[0]?.items[0]?.question.fr, 'Nouvelle question ?');
  assert.notEqual(inst.parts[0]?.pillars[0]?.items[0]?.question.fr, 'Nouvelle question ?', 'the original is untouched');
});
