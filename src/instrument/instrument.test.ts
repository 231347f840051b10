// The bundled METEP instrument is complete and valid; broken instruments are refused with messages that
// name the item and field.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { BUNDLED_INSTRUMENT_DIR, bundledInstrument, checkInstrument, loadInstrument } from './loader.ts';
import { checkCrosswalk, crosswalkEntries, linkVersions } from './crosswalk.ts';
import { allItems, locateItem } from './model.ts';
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

// METEP 2026.2: the revised version beside 2026.1 (issue 11), and its crosswalk from 2026.1.
const v2 = bundledInstrument('2026.2');

test('METEP 2026.2: complete in six languages, provenance says stage vs item, sources resolve, Part I and II weigh half each', () => {
  assert.deepEqual(v2.parts.map((p) => p.pillars.map((x) => x.id).join('')), ['ABCD', 'EFG']);
  for (const e of textEntries(v2)) for (const l of INSTRUMENT_LANGS) assert.ok(e.text[l]?.trim(), `${e.key} missing ${l}`);
  for (const l of INSTRUMENT_LANGS.filter((x) => x !== 'en')) assert.equal(v2.languages[l]?.status, 'draft', `${l} is a draft translation`);
  const sources = new Set((v2.sources ?? []).map((s) => s.id));
  for (const { part, item } of allItems(v2)) {
    assert.equal(item.provenance, part.id === 'II' ? 'desa_stage' : 'project', item.id);
    for (const s of item.sources ?? []) assert.ok(sources.has(s), `${item.id} cites ${s}`);
  }
  assert.ok(allItems(v2).filter(({ item }) => item.sources?.length).length >= 60, 'most items name a source');
  const weight = (id: string) => v2.parts.find((p) => p.id === id)!.pillars.reduce((s, p) => s + p.weight, 0);
  assert.equal(weight('I'), weight('II'));
});

test('METEP 2026.2: the ten weakest items of 2026.1 are rewritten — shares instead of counts, numeric anchors, an external source for A.08', () => {
  const item = (id: string) => locateItem(v2, id)!.item;
  for (const id of ['B.06', 'C.03', 'F.01', 'G.07', 'A.08']) {
    const it = item(id);
    assert.equal(it.type, 'number', id);
    if (it.type === 'number') assert.equal(it.max, 100, `${id} is a share or a 0–100 score, not a count`);
  }
  assert.equal(item('A.08').evidenceAbove, 0, 'A.08 needs its external source at any score');
  assert.match(item('A.08').guidance.en ?? '', /Freedom on the Net/);
  for (const id of ['G.02', 'G.05']) assert.equal(item(id).type, 'level', id);
  for (const id of ['E.09', 'E.13', 'E.12', 'G.02', 'G.05']) assert.match(JSON.stringify(item(id)), /\d+ ?%/, `${id} anchors "some/most" with numbers`);
  assert.ok(locateItem(v2, 'A.11') && locateItem(v2, 'E.13'), 'the double-barrelled A.02 and E.09 are split');
  for (const gone of ['B.09', 'C.11', 'F.02']) assert.equal(locateItem(v2, gone), undefined, `${gone} overlapped and is folded elsewhere`);
});

test('the 2026.2 crosswalk maps every 2026.1 item exactly once, and links the versions item by item', () => {
  assert.deepEqual(checkCrosswalk(inst, v2), []);
  const entries = crosswalkEntries(v2);
  const mapped = entries.flatMap((e) => e.from).sort();
  assert.deepEqual(mapped, allItems(inst).map(({ item }) => item.id).sort());
  const count = (k: string) => entries.filter((e) => e.kind === k).length;
  assert.deepEqual({ same: count('same'), changed: count('changed'), split: count('split'), merged: count('merged'), dropped: count('dropped') }, { same: 63, changed: 7, split: 2, merged: 1, dropped: 2 });
  const link = linkVersions([inst, v2]);
  assert.deepEqual(link.links.get('A.01'), { id: 'A.01', kind: 'same', from: ['A.01'] });
  assert.deepEqual(link.links.get('A.11'), { id: 'A.11', kind: 'split', from: ['A.02'] });
  assert.deepEqual(link.links.get('F.01'), { id: 'F.01', kind: 'merged', from: ['F.01', 'F.02'] });
  assert.deepEqual(link.dropped, [{ id: 'B.09', see: ['A.03', 'F.08'] }, { id: 'C.11', see: ['F.08', 'C.02'] }]);
  assert.deepEqual(link.added, []);
});

test('a crosswalk that misses an item, names an unknown one or calls a changed type the same is refused', () => {
  const doc = structuredClone(v2);
  const cw = doc.crosswalk!;
  cw.entries = cw.entries!.filter((e) => !e.from.includes('D.05'));
  cw.entries.push({ kind: 'same', from: ['Z.01'], to: ['D.05'] }, { kind: 'same', from: ['G.05'], to: ['G.05'] });
  cw.entries = cw.entries.filter((e) => !(e.kind === 'changed' && e.from[0] === 'G.05'));
  const problems = checkCrosswalk(inst, doc).join('\n');
  assert.match(problems, /Z\.01 is not an item of 2026\.1/);
  assert.match(problems, /D\.05 of 2026\.1 is mapped 0 times/);
  assert.match(problems, /G\.05: a status item became a level item/);
});

test('across several versions an item stays the same only if it was the same at every step', () => {
  const v3 = structuredClone(v2);
  v3.version = '2026.3';
  v3.crosswalk = { from: '2026.2', map: {}, entries: crosswalkEntries(v2).flatMap((e) => e.to).map((id) => ({ kind: id === 'A.01' ? ('changed' as const) : ('same' as const), from: [id], to: [id] })) };
  v3.crosswalk.entries!.push({ kind: 'same', from: ['A.11'], to: ['A.11'] }, { kind: 'same', from: ['E.13'], to: ['E.13'] });
  const link = linkVersions([inst, v2, v3]);
  assert.equal(link.links.get('A.01')?.kind, 'changed');
  assert.equal(link.links.get('A.03')?.kind, 'same');
  assert.deepEqual(link.links.get('E.13'), { id: 'E.13', kind: 'split', from: ['E.09'] });
});
