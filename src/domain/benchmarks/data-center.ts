// The layout in which the UN E-Government Knowledgebase Data Center publishes each Survey edition
// (EGOV_DATA_<year>.csv, and XLSX where offered): one row per country with the columns Survey Year, Country
// Name, E-Government Rank, E-Government Index, E-Participation Index, Online Service Index, Human Capital
// Index and Telecommunication Infrastructure Index. Turns such a table into rows keyed by ISO3, with every
// problem named by its row number. Pure apart from the country-name table.
import type { TBenchmarkRow } from '../../benchmarks-data/bundled.ts';
import { countryCodeFromName, isCountry } from '../../i18n/countries.ts';
import type { TSheetRow } from '../../lib/sheet.ts';

/** A problem with one row (or with the file, row 1 being the header); `key` names a locale message. */
export interface TImportProblem {
  row: number;
  key: string;
  params: Record<string, string | number>;
}

/** What a Data Center file holds. */
export interface TParsedEdition {
  year: number | null;
  rows: (TBenchmarkRow & { row: number })[];
  /** Problems that make single rows unusable (skippable). */
  rowProblems: TImportProblem[];
  /** Problems with the whole file (never skippable). */
  fileProblems: TImportProblem[];
}

// Column headings as the Data Center writes them, and the spellings seen in re-publications.
const COLUMNS = {
  year: ['survey year', 'year'],
  country: ['country name', 'country'],
  iso3: ['iso3', 'iso code', 'country code'],
  egdiRank: ['e-government rank', 'egdi rank', 'egov rank'],
  egdi: ['e-government index', 'e-government development index', 'egdi'],
  epi: ['e-participation index', 'epi'],
  osi: ['online service index', 'osi'],
  hci: ['human capital index', 'hci'],
  tii: ['telecommunication infrastructure index', 'tii'],
} as const;

/** Index columns, in the order messages name them. */
const INDEX_COLUMNS = ['egdi', 'epi', 'osi', 'hci', 'tii'] as const;

const heading = (s: string) => s.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');

/** Reads a Data Center table; `edition` is the year given on the command line, if any. */
export function parseDataCenter(table: readonly TSheetRow[], edition?: number): TParsedEdition {
  const fileProblems: TImportProblem[] = [];
  const rowProblems: TImportProblem[] = [];
  const [head, ...body] = table;
  if (!head) return { year: edition ?? null, rows: [], rowProblems, fileProblems: [{ row: 1, key: 'bm.problem.empty', params: {} }] };
  const names = head.fields.map(heading);
  const at = Object.fromEntries(Object.entries(COLUMNS).map(([k, aliases]) => [k, names.findIndex((n) => (aliases as readonly string[]).includes(n))])) as Record<keyof typeof COLUMNS, number>;
  if (at.country < 0 && at.iso3 < 0) fileProblems.push({ row: head.line, key: 'bm.problem.missing_column', params: { column: 'Country Name' } });
  if (at.egdi < 0 && at.epi < 0) fileProblems.push({ row: head.line, key: 'bm.problem.missing_column', params: { column: 'E-Participation Index' } });
  if (at.year < 0 && edition === undefined) fileProblems.push({ row: head.line, key: 'bm.problem.no_year', params: {} });
  if (body.length === 0) fileProblems.push({ row: head.line, key: 'bm.problem.empty', params: {} });
  if (fileProblems.length) return { year: edition ?? null, rows: [], rowProblems, fileProblems };

  // The edition is the command line's year, else the first row's Survey Year; every row must agree.
  let year = edition ?? null;
  const rows: TParsedEdition['rows'] = [];
  const seen = new Map<string, number>();
  for (const r of body) {
    const cell = (i: number) => (i >= 0 ? (r.fields[i] ?? '').trim() : '');
    const problems: TImportProblem[] = [];
    if (at.year >= 0) {
      const y = Number(cell(at.year));
      if (!Number.isInteger(y) || y < 2001 || y > 2100) problems.push({ row: r.line, key: 'bm.problem.bad_year', params: { value: cell(at.year) } });
      else if (year === null) year = y;
      else if (y !== year) problems.push({ row: r.line, key: 'bm.problem.other_year', params: { value: y, year } });
    }
    const name = cell(at.country);
    const code = at.iso3 >= 0 && isCountry(cell(at.iso3).toUpperCase()) ? cell(at.iso3).toUpperCase() : countryCodeFromName(name);
    if (!code || code === 'XDM') problems.push({ row: r.line, key: 'bm.problem.unknown_country', params: { name: name || cell(at.iso3) } });
    else if (seen.has(code)) problems.push({ row: r.line, key: 'bm.problem.duplicate_country', params: { name: name || code, first: seen.get(code) as number } });
    else seen.set(code, r.line);
    const values: Partial<Record<(typeof INDEX_COLUMNS)[number], number | null>> = {};
    for (const k of INDEX_COLUMNS) {
      const raw = cell(at[k]);
      if (raw === '' || raw === '-' || /^n\/?a$/i.test(raw)) {
        values[k] = null;
        continue;
      }
      const v = Number(raw.replace(',', '.'));
      const column = COLUMN_TITLE[k];
      if (!Number.isFinite(v)) problems.push({ row: r.line, key: 'bm.problem.not_a_number', params: { column, value: raw } });
      else if (v < 0 || v > 1) problems.push({ row: r.line, key: 'bm.problem.out_of_range', params: { column, value: raw } });
      else values[k] = v;
    }
    let egdiRank: number | null = null;
    const rawRank = cell(at.egdiRank);
    if (rawRank !== '') {
      const n = Number(rawRank);
      if (!Number.isInteger(n) || n < 1) problems.push({ row: r.line, key: 'bm.problem.bad_rank', params: { value: rawRank } });
      else egdiRank = n;
    }
    if (problems.length) rowProblems.push(...problems);
    else rows.push({ row: r.line, iso3: code as string, egdi: values.egdi ?? null, epi: values.epi ?? null, osi: values.osi ?? null, hci: values.hci ?? null, tii: values.tii ?? null, egdiRank });
  }
  return { year, rows, rowProblems, fileProblems };
}

/** The Data Center's column titles, as messages name them. */
const COLUMN_TITLE: Record<(typeof INDEX_COLUMNS)[number], string> = {
  egdi: 'E-Government Index',
  epi: 'E-Participation Index',
  osi: 'Online Service Index',
  hci: 'Human Capital Index',
  tii: 'Telecommunication Infrastructure Index',
};
