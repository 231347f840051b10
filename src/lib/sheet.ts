// A table from a file that is either CSV (UTF-8) or an XLSX workbook (its first worksheet), as rows of
// text fields with the row number a person sees in a text editor or spreadsheet.
import ExcelJS from 'exceljs';
import { parseCsvLines } from './csv.ts';

/** One row of a table and the 1-based row (line) number it has in the file. */
export interface TSheetRow {
  line: number;
  fields: string[];
}

/** Whether the bytes are a zip container (XLSX) rather than text. */
export function isXlsx(buf: Uint8Array): boolean {
  return buf[0] === 0x50 && buf[1] === 0x4b;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString();
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  if ('text' in v) return String(v.text);
  return '';
}

/** Reads the rows of a CSV or XLSX file (blank rows dropped, numbering kept). */
export async function readSheet(buf: Buffer): Promise<TSheetRow[]> {
  if (!isXlsx(buf)) return parseCsvLines(buf.toString('utf8'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: TSheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as ExcelJS.CellValue[];
    // row.values is 1-based: index 0 is always empty.
    const fields = values.slice(1).map(cellText);
    for (let i = 0; i < fields.length; i++) fields[i] ??= '';
    if (fields.some((f) => f.trim() !== '')) rows.push({ line, fields });
  });
  return rows;
}
