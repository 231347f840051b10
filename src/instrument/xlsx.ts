// Translators' spreadsheets: one sheet per language with every text's key, the source text beside it, and
// the translation to edit; an "about" sheet names the instrument version it came from.
import ExcelJS from 'exceljs';
import { type TInstrument, type TLang, INSTRUMENT_LANGS } from './schema.ts';
import { textEntries } from './texts.ts';

/** Review status per language and key (draft, reviewed, approved), for the sheets' "status" column. */
export type TXlsxStatuses = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Builds the XLSX workbook for an instrument version, with each text's review status when given. */
export async function instrumentToXlsx(inst: TInstrument, statuses?: TXlsxStatuses): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'METEP';
  const about = wb.addWorksheet('about');
  about.addRows([
    ['instrument', inst.key],
    ['version', inst.version],
    ['source language', inst.sourceLanguage],
    ['how to use', 'Edit column C ("text") of a language sheet. Do not change column A ("key"). Import with: metep instrument import <file.xlsx> [--version NEW]'],
    ['status', 'Column D is each text\'s review status (draft, reviewed, approved). On import a changed text becomes draft; an unchanged one keeps the lower of this column and the status in METEP (a file never raises a status).'],
  ]);
  about.getColumn(1).width = 18;
  about.getColumn(2).width = 100;
  const entries = textEntries(inst);
  for (const lang of Object.keys(inst.languages) as TLang[]) {
    const ws = wb.addWorksheet(lang, { views: [{ state: 'frozen', ySplit: 1, rightToLeft: lang === 'ar' }] });
    ws.columns = [
      { header: 'key', key: 'key', width: 22 },
      { header: `source (${inst.sourceLanguage})`, key: 'source', width: 70 },
      { header: 'text', key: 'text', width: 70 },
      { header: 'status', key: 'status', width: 12 },
    ];
    const st = statuses?.get(lang);
    for (const e of entries) ws.addRow({ key: e.key, source: e.text[inst.sourceLanguage] ?? '', text: e.text[lang] ?? '', status: st?.get(e.key) ?? '' });
    ws.getRow(1).font = { bold: true };
    for (const col of ['B', 'C']) ws.getColumn(col).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What a translators' spreadsheet contains. */
export interface TXlsxTexts {
  key: string;
  version: string;
  texts: Map<TLang, Map<string, string>>;
  /** Column D ("status") per language, where the sheet has one. */
  statuses: Map<TLang, Map<string, string>>;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
}

/** Reads a translators' spreadsheet; throws an Error naming what is wrong with its layout. */
export async function xlsxToTexts(buf: Buffer): Promise<TXlsxTexts> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new Error('not an XLSX workbook');
  }
  const about = wb.getWorksheet('about');
  if (!about) throw new Error('the workbook has no "about" sheet: export one with `metep instrument export --format xlsx`');
  const meta = new Map<string, string>();
  about.eachRow((row) => meta.set(cellText(row.getCell(1).value), cellText(row.getCell(2).value)));
  const key = meta.get('instrument');
  const version = meta.get('version');
  if (!key || !version) throw new Error('the "about" sheet must name the instrument and version');
  const texts = new Map<TLang, Map<string, string>>();
  const statuses = new Map<TLang, Map<string, string>>();
  for (const ws of wb.worksheets) {
    if (!(INSTRUMENT_LANGS as readonly string[]).includes(ws.name)) continue;
    if (cellText(ws.getRow(1).getCell(1).value) !== 'key' || cellText(ws.getRow(1).getCell(3).value) !== 'text') {
      throw new Error(`sheet ${ws.name}: the first row must have "key" in column A and "text" in column C`);
    }
    const m = new Map<string, string>();
    const hasStatus = cellText(ws.getRow(1).getCell(4).value) === 'status';
    const sm = new Map<string, string>();
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const k = cellText(row.getCell(1).value).trim();
      if (!k) return;
      m.set(k, cellText(row.getCell(3).value));
      if (hasStatus) sm.set(k, cellText(row.getCell(4).value).trim().toLowerCase());
    });
    texts.set(ws.name as TLang, m);
    if (hasStatus) statuses.set(ws.name as TLang, sm);
  }
  if (texts.size === 0) throw new Error('the workbook has no language sheet (ar, en, es, fr, ru, zh)');
  return { key, version, texts, statuses };
}
