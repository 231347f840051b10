// A small RFC 4180 CSV reader and writer (quotes, doubled quotes, CRLF/LF, BOM) — enough for participant
// lists, not worth a dependency.

/** Parses CSV text into rows of fields (blank lines dropped). */
export function parseCsv(text: string): string[][] {
  return parseCsvLines(text).map((r) => r.fields);
}

/**
 * Parses CSV text into records with the 1-based line on which each starts, so a report can name the row a
 * person sees in a text editor or spreadsheet (blank lines are dropped but still counted).
 */
export function parseCsvLines(text: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',' || ch === ';') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push({ line: start, fields: row });
      row = [];
      field = '';
      line++;
      start = line;
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push({ line: start, fields: row });
  }
  return rows.filter((r) => r.fields.some((f) => f.trim() !== ''));
}

/** Quotes a field when needed; text with a leading =, +, - or @ is prefixed so spreadsheets never run it as
 * a formula (numbers are written as numbers: a negative gap stays -0.12, not text). */
export function csvField(v: string | number | null | undefined): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes rows as CSV (CRLF line ends, as RFC 4180 says). */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
