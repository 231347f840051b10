// Instrument storage, browse pages and API on real databases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { ensureBundledInstrument } from '../src/domain/instruments/ensure-bundled-instrument.ts';
import { importInstrument, InstrumentRejected } from '../src/domain/instruments/import-instrument.ts';
import { importTranslations } from '../src/domain/instruments/import-translations.ts';
import { getInstrument } from '../src/domain/instruments/get-instrument.ts';
import { createApp } from '../src/http/app.tsx';
import { instrumentToXlsx, xlsxToTexts } from '../src/instrument/xlsx.ts';
import ExcelJS from 'exceljs';
import { eachDialect } from './env.ts';
import { Browser } from './http.ts';

eachDialect('instrument storage and pages', (get) => {
  test('the bundled instrument is stored once, however often the app starts', async () => {
    assert.equal(await ensureBundledInstrument(get().ctx), true);
    assert.equal(await ensureBundledInstrument(get().ctx), false);
    const { row, instrument } = await getInstrument(get().ctx, 'metep', '2026.1');
    assert.equal(row.status, 'published');
    assert.equal(instrument.parts.length, 2);
    // Both bundled versions are stored, 2026.2 after 2026.1 with its crosswalk, and 2026.2 is the newest.
    const v2 = await getInstrument(get().ctx, 'metep', '2026.2');
    assert.equal(v2.row.status, 'published');
    assert.equal(v2.row.previous_version, '2026.1');
    assert.equal(v2.instrument.crosswalk?.from, '2026.1');
    assert.equal((await getInstrument(get().ctx, 'metep')).row.version, '2026.2');
  });

  test('a crosswalk that does not map every item of the version it comes from is refused, naming the item', async () => {
    const { instrument } = await getInstrument(get().ctx, 'metep', '2026.2');
    const doc = structuredClone(instrument);
    doc.version = '2026.8';
    doc.crosswalk!.entries = doc.crosswalk!.entries!.filter((e) => !e.from.includes('B.09'));
    await assert.rejects(importInstrument(get().ctx, OPERATOR, doc), (e: unknown) => e instanceof InstrumentRejected && /B\.09 of 2026\.1 is mapped 0 times/.test(e.problems.join()));
    doc.crosswalk!.from = '2025.1';
    await assert.rejects(importInstrument(get().ctx, OPERATOR, doc), (e: unknown) => e instanceof InstrumentRejected && /from 2025\.1, which this installation does not have/.test(e.problems.join()));
  });

  test('a published version is immutable: re-importing it is refused with a clear message', async () => {
    const { instrument } = await getInstrument(get().ctx, 'metep', '2026.1');
    await assert.rejects(importInstrument(get().ctx, OPERATOR, instrument), (e: unknown) => e instanceof InstrumentRejected && /already exists/.test(e.problems[0] ?? ''));
    const changed = structuredClone(instrument) as typeof instrument;
    changed.version = '2026.9';
    const first = changed.parts[0]!.pillars[0]!.items[0]!;
    changed.parts[0]!.pillars[0]!.items[0] = { ...first, type: 'status' } as typeof first;
    await assert.rejects(importInstrument(get().ctx, OPERATOR, changed), (e: unknown) => e instanceof InstrumentRejected && /A\.01: was a level item/.test(e.problems.join()));
  });

  test('XLSX round trip: export, edit one French text, import → a new draft version with that change', async () => {
    const { instrument } = await getInstrument(get().ctx, 'metep', '2026.1');
    const buf = await instrumentToXlsx(instrument);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['about', 'ar', 'en', 'es', 'fr', 'ru', 'zh']);
    wb.getWorksheet('fr')!.eachRow((r) => {
      if (r.getCell(1).value === 'B.02.question') r.getCell(3).value = 'Texte révisé par la relectrice ?';
    });
    const edited = Buffer.from(await wb.xlsx.writeBuffer());
    assert.equal((await xlsxToTexts(edited)).texts.size, 6);
    const r = await importTranslations(get().ctx, OPERATOR, edited);
    // 2026.2 is taken by the bundled revision, so the translators' version of 2026.1 is the next free one.
    assert.deepEqual(r, { version: '2026.3', changed: 1 });
    const v2 = await getInstrument(get().ctx, 'metep', '2026.3');
    assert.equal(v2.row.status, 'draft');
    assert.equal(v2.row.previous_version, '2026.2');
    assert.equal(v2.instrument.parts[0]!.pillars[1]!.items[1]!.question.fr, 'Texte révisé par la relectrice ?');
    assert.equal(v2.instrument.crosswalk?.from, '2026.1');
    const v1 = await getInstrument(get().ctx, 'metep', '2026.1');
    assert.notEqual(v1.instrument.parts[0]!.pillars[1]!.items[1]!.question.fr, 'Texte révisé par la relectrice ?');
  });

  test('a spreadsheet with a changed key is refused, naming the key', async () => {
    const { instrument } = await getInstrument(get().ctx, 'metep', '2026.1');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await instrumentToXlsx(instrument)) as unknown as ArrayBuffer);
    wb.getWorksheet('es')!.getRow(5).getCell(1).value = 'Z.99.question';
    await assert.rejects(importTranslations(get().ctx, OPERATOR, Buffer.from(await wb.xlsx.writeBuffer())), (e: unknown) => e instanceof InstrumentRejected && /sheet es: unknown key Z\.99\.question/.test(e.problems.join()));
  });

  test('browse pages show items with guidance, levels, provenance and tags in the user language', async () => {
    const b = new Browser(createApp(get().ctx));
    let r = await b.get('/instruments', { 'accept-language': 'en' });
    assert.equal(r.status, 200);
    assert.match(r.text, /metep 2026\.1/);
    r = await b.get('/instruments/metep/2026.1', { 'accept-language': 'ar' });
    assert.match(r.text, /dir="rtl"/);
    assert.match(r.text, /ترجمة أولية/, 'the Arabic translation status is shown');
    r = await b.get('/instruments/metep/2026.1/E', { 'accept-language': 'en' });
    assert.equal(r.status, 200);
    assert.match(r.text, /E\.01/);
    assert.match(r.text, /Documented stage/);
    assert.match(r.text, /Policy-cycle stages/);
    assert.match(r.text, /Recommended actions/);
    assert.doesNotMatch(r.text, /Text in this language/, 'English is the source: no draft notice');
    // The field forms are linked from the overview and download as what KoboToolbox and ODK take.
    assert.match((await b.get('/instruments/metep/2026.1')).text, /href="\/instruments\/metep\/2026\.1\/xlsform\.xlsx"/);
    const xf = await b.get('/instruments/metep/2026.1/xform.xml');
    assert.equal(xf.status, 200);
    assert.match(xf.headers.get('content-type') ?? '', /^application\/xml/);
    assert.match(xf.text, /<translation lang="Arabic \(ar\)">/);
    const xl = await b.get('/instruments/metep/2026.1/xlsform.xlsx');
    assert.equal(xl.status, 200);
    assert.match(xl.headers.get('content-disposition') ?? '', /metep_2026_1\.xlsx/);
    r = await b.get('/instruments/metep/2026.1/Z');
    assert.equal(r.status, 404);
    r = await b.get('/methodology', { 'accept-language': 'fr' });
    assert.match(r.text, /Tastle/);
  });

  test('API returns the merged instrument with all six languages', async () => {
    const r = await new Browser(createApp(get().ctx)).get('/api/v1/instruments/metep/2026.1');
    const doc = JSON.parse(r.text);
    assert.deepEqual(Object.keys(doc.languages).sort(), ['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    assert.ok(doc.parts[1].pillars[0].items[0].question.zh);
  });
});
