// The UN E-Government Survey indices shipped with METEP (un-egov-survey/egov-indices.csv, 2010–2024; where
// they come from and their known quirks are in un-egov-survey/SOURCES.md). Read from the package's own
// files, once per process; the database gets them at start (ensure-bundled-benchmarks).
import { readFileSync } from 'node:fs';
import { packagePath } from '../lib/paths.ts';
import { parseCsv } from '../lib/csv.ts';

/** One country's indices in one edition (0..1; null = not available). */
export interface TBenchmarkRow {
  iso3: string;
  egdi: number | null;
  epi: number | null;
  osi: number | null;
  hci: number | null;
  tii: number | null;
  egdiRank: number | null;
}

/** A bundled edition: its survey year, citation and rows. */
export interface TBundledEdition {
  year: number;
  source: string;
  rows: TBenchmarkRow[];
}

/** The file the bundled figures come from (shown on the administration page). */
export const BUNDLED_FILE = 'src/benchmarks-data/un-egov-survey/egov-indices.csv';

let cache: TBundledEdition[] | undefined;

const num = (s: string | undefined) => (s === undefined || s.trim() === '' ? null : Number(s));

/** The bundled editions, oldest first. */
export function bundledEditions(): TBundledEdition[] {
  if (cache) return cache;
  const [header, ...rows] = parseCsv(readFileSync(packagePath('src/benchmarks-data/un-egov-survey/egov-indices.csv'), 'utf8'));
  const col = (name: string) => {
    const i = header?.indexOf(name) ?? -1;
    if (i < 0) throw new Error(`${BUNDLED_FILE}: no column ${name}`);
    return i;
  };
  const [iIso, iYear, iEgdi, iEpi, iOsi, iHci, iTii, iRank] = ['iso3', 'year', 'egdi', 'epi', 'osi', 'hci', 'tii', 'egdi_rank'].map(col) as number[];
  const byYear = new Map<number, TBenchmarkRow[]>();
  for (const r of rows) {
    const year = Number(r[iYear as number]);
    const list = byYear.get(year) ?? [];
    list.push({ iso3: r[iIso as number] as string, egdi: num(r[iEgdi as number]), epi: num(r[iEpi as number]), osi: num(r[iOsi as number]), hci: num(r[iHci as number]), tii: num(r[iTii as number]), egdiRank: num(r[iRank as number]) });
    byYear.set(year, list);
  }
  cache = [...byYear]
    .sort(([a], [b]) => a - b)
    .map(([year, list]) => ({
      year,
      source: `United Nations E-Government Survey ${year} (UN DESA), UN E-Government Knowledgebase Data Center export EGOV_DATA_${year}, as compiled in ${BUNDLED_FILE} (see SOURCES.md beside it)`,
      rows: list,
    }));
  return cache;
}
