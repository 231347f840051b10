// Downloads carry the labels of what they list (issue 10, item 11): every export that lists items or pillars
// labels them in the chosen language (`?language=`, else the interface language) beside the ids, and the
// decisions carry their rationale and dissent; texts stay texts in spreadsheets (no dates, no formulas).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { t } from '../src/i18n/index.ts';
import { instrumentById } from '../src/domain/instruments/get-instrument.ts';
import { allItems, allPillars } from '../src/instrument/model.ts';
import type { TInstrument } from '../src/instrument/schema.ts';
import { parseCsv } from '../src/lib/csv.ts';
import { eachDialect } from './env.ts';
import type { Browser } from './http.ts';
import { demoApp } from './support/demo.ts';

const PREVIOUS = '00000000-0000-4000-8000-000000000de4';

async function workbook(app: { request: (url: string, init: RequestInit) => Response | Promise<Response> }, b: Browser, path: string): Promise<ExcelJS.Workbook> {
  const r = await app.request(`http://metep.test${path}`, { headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  assert.equal(r.status, 200, path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await r.arrayBuffer());
  return wb;
}

/** A sheet's rows as objects keyed by the header row. */
function rowsOf(ws: ExcelJS.Worksheet): Record<string, ExcelJS.Cell>[] {
  const head = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const out: Record<string, ExcelJS.Cell>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    out.push(Object.fromEntries(head.map((h, i) => [h, row.getCell(i)]).filter(([h]) => h)));
  });
  return out;
}

eachDialect('exports labelled in the chosen language', (get) => {
  let demo: Awaited<ReturnType<typeof demoApp>>;
  let coordinator: Browser;
  let inst: TInstrument;
  before(async () => {
    demo = await demoApp(get().ctx);
    coordinator = await demo.as('coordinator@demo.metep.example');
    const a = await get().ctx.db.kysely.selectFrom('assessments').select('instrument_id').where('id', '=', PREVIOUS).executeTakeFirstOrThrow();
    inst = await instrumentById(get().ctx, a.instrument_id);
  });

  test('results CSV: every part, pillar, item and stage labelled in ?language=, else the interface language', async () => {
    for (const lang of ['ar', 'en'] as const) {
      const r = await coordinator.get(`/assessments/${PREVIOUS}/results.csv?language=${lang}`);
      assert.equal(r.status, 200);
      const rows = parseCsv(r.text);
      assert.deepEqual(rows[0], ['level', 'id', 'measure', 'value', 'label']);
      const label = (level: string, id: string) => rows.find((x) => x[0] === level && x[1] === id)?.[4];
      for (const p of allPillars(inst)) assert.equal(label('pillar', p.id), p.title[lang], `${lang} pillar ${p.id}`);
      for (const { item } of allItems(inst).filter(({ item }) => item.type !== 'text').slice(0, 10)) assert.equal(label('item', item.id), item.question[lang], `${lang} item ${item.id}`);
      assert.equal(label('stage', 'e_consultation'), t(lang, 'epi_stage.e_consultation'));
      // Every row of a part, pillar or item has its label.
      assert.ok(rows.slice(1).filter((x) => ['part', 'pillar', 'item'].includes(x[0]!)).every((x) => (x[4] ?? '').length > 0));
    }
    // Without ?language= the labels follow the interface language.
    coordinator.cookies.set('metep_lang', 'ar');
    const ui = parseCsv((await coordinator.get(`/assessments/${PREVIOUS}/results.csv`)).text);
    coordinator.cookies.set('metep_lang', 'en');
    assert.equal(ui.find((x) => x[0] === 'pillar' && x[1] === 'A')?.[4], allPillars(inst)[0]!.title.ar);
  });

  test('results CSV and JSON: each agreed answer carries its decision\'s rationale and dissent; a formula-shaped text is defused', async () => {
    const row = await get().ctx.db.kysely.selectFrom('consensus').selectAll().where('assessment_id', '=', PREVIOUS).where('dissent', 'is not', null).executeTakeFirstOrThrow();
    await get().ctx.db.kysely.updateTable('consensus').set({ rationale: '=1+1 and 10/10' }).where('id', '=', row.id).execute();
    try {
      const rows = parseCsv((await coordinator.get(`/assessments/${PREVIOUS}/results.csv?language=en`)).text);
      const of = (measure: string) => rows.find((x) => x[0] === 'item' && x[1] === row.item_id && x[2] === measure);
      assert.equal(of('source')?.[3], 'consensus');
      assert.equal(of('rationale')?.[3], "'=1+1 and 10/10", 'prefixed so no spreadsheet runs it');
      assert.equal(of('dissent')?.[3], row.dissent);
      assert.ok(of('rationale')?.[4], 'labelled like every item row');
      const j = JSON.parse((await coordinator.get(`/api/v1/assessments/${PREVIOUS}/results`)).text) as { items: { id: string; source: string; decision: { rationale: string; dissent: string | null } | null }[] };
      const item = j.items.find((i) => i.id === row.item_id);
      assert.deepEqual([item?.decision?.rationale, item?.decision?.dissent], ['=1+1 and 10/10', row.dissent]);
      assert.ok(j.items.filter((i) => i.source !== 'consensus').every((i) => i.decision === null));
    } finally {
      await get().ctx.db.kysely.updateTable('consensus').set({ rationale: row.rationale }).where('id', '=', row.id).execute();
    }
  });

  test('plan CSV and XLSX: the items and pillars of each action labelled in the chosen language', async () => {
    for (const lang of ['ar', 'en'] as const) {
      const csv = parseCsv((await coordinator.get(`/assessments/${PREVIOUS}/plan.csv?language=${lang}`)).text);
      const head = csv[0]!;
      const col = (name: string) => head.indexOf(name);
      assert.ok(col('item_labels') === col('items') + 1 && col('pillar_labels') === col('pillars') + 1, 'labels beside the ids');
      const withItems = csv.slice(1).filter((x) => x[col('items')]);
      assert.ok(withItems.length > 0);
      for (const row of withItems) {
        const ids = row[col('items')]!.split('; ');
        const labels = row[col('item_labels')]!.split('; ');
        assert.deepEqual(labels, ids.map((id) => `${id} ${allItems(inst).find((x) => x.item.id === id)!.item.question[lang]}`));
        const pids = row[col('pillars')]!.split('; ');
        assert.deepEqual(row[col('pillar_labels')]!.split('; '), pids.map((id) => `${id} ${allPillars(inst).find((p) => p.id === id)!.title[lang]}`));
      }
      const wb = await workbook(demo.app, coordinator, `/assessments/${PREVIOUS}/plan.xlsx?language=${lang}`);
      const ws = wb.worksheets[0]!;
      assert.equal(ws.views[0]?.rightToLeft, lang === 'ar');
      const xrows = rowsOf(ws);
      const itemsHead = t(lang, 'plan.field.items');
      const first = withItems[0]!;
      const x = xrows.find((r) => r['#']?.value === Number(first[col('position')]));
      assert.equal(x?.[itemsHead]?.type, ExcelJS.ValueType.String);
      assert.equal(x?.[itemsHead]?.value, first[col('item_labels')]!.split('; ').join('\n'));
    }
  });

  test('report workbook: decisions with question, rationale and dissent; items with their pillar, in ar and en; texts never formulas or dates', async () => {
    // A decision typed like a formula or a date stays the text it is.
    const row = await get().ctx.db.kysely.selectFrom('consensus').selectAll().where('assessment_id', '=', PREVIOUS).where('dissent', 'is not', null).executeTakeFirstOrThrow();
    await get().ctx.db.kysely.updateTable('consensus').set({ rationale: '=HYPERLINK("http://evil.example","10/10")' }).where('id', '=', row.id).execute();
    try {
      for (const lang of ['ar', 'en'] as const) {
        const wb = await workbook(demo.app, coordinator, `/assessments/${PREVIOUS}/report.xlsx?language=${lang}`);
        const [, , items, , decisions] = wb.worksheets;
        const d = rowsOf(decisions!);
        const h = { q: t(lang, 'ws.item'), r: t(lang, 'ws.rationale'), s: t(lang, 'ws.dissent') };
        const headers = (decisions!.getRow(1).values as unknown[]).map(String);
        for (const k of Object.values(h)) assert.ok(headers.includes(k), `${lang}: decisions sheet has a "${k}" column (${headers.join(' | ')})`);
        const mine = d.find((x) => x[h.r]?.value === '=HYPERLINK("http://evil.example","10/10")');
        assert.ok(mine, `${lang}: the rationale as typed`);
        assert.equal(mine[h.r]!.type, ExcelJS.ValueType.String, 'a string cell, not a formula');
        assert.equal(mine[h.s]!.value, row.dissent, 'the dissent beside its decision');
        const itemId = String(Object.values(mine)[0]!.value);
        assert.equal(mine[h.q]!.value, allItems(inst).find((x) => x.item.id === itemId)!.item.question[lang]);
        const first = rowsOf(items!)[0]!;
        const pillarCell = Object.values(first)[1]!;
        const a = allPillars(inst)[0]!;
        assert.equal(pillarCell.value, `${a.id} ${a.title[lang]}`);
      }
    } finally {
      await get().ctx.db.kysely.updateTable('consensus').set({ rationale: row.rationale }).where('id', '=', row.id).execute();
    }
  });
});
