// UN E-Government Survey editions and their per-country indices. Numbers come back as numbers on both
// databases (pg's integer and double columns parse to numbers; counts are normalised below).
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { BenchmarkEditionsTable, BenchmarkValuesTable, Database } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** One country's indices in one edition. */
export type BenchmarkValueRow = Omit<Selectable<BenchmarkValuesTable>, 'fictional'> & { fictional: boolean };

/** An edition with the name of the person who loaded it. */
export type BenchmarkEditionRow = Selectable<BenchmarkEditionsTable> & { imported_by_name: string | null };

const VALUE_COLUMNS = ['year', 'iso3', 'egdi', 'epi', 'osi', 'hci', 'tii', 'egdi_rank', 'fictional'] as const;

function toValue(r: Selectable<BenchmarkValuesTable>): BenchmarkValueRow {
  return { ...r, year: Number(r.year), egdi_rank: r.egdi_rank === null ? null : Number(r.egdi_rank), fictional: Number(r.fictional) === 1 };
}

/** Every edition, newest first. */
export async function listEditionRows(db: Q): Promise<BenchmarkEditionRow[]> {
  const rows = await db
    .selectFrom('benchmark_editions')
    .leftJoin('users', 'users.id', 'benchmark_editions.imported_by')
    .selectAll('benchmark_editions')
    .select('users.name as imported_by_name')
    .orderBy('benchmark_editions.year', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, year: Number(r.year), countries: Number(r.countries) }));
}

/** The years of the loaded editions. */
export async function editionYears(db: Q): Promise<number[]> {
  return (await db.selectFrom('benchmark_editions').select('year').orderBy('year').execute()).map((r) => Number(r.year));
}

/** Removes an edition's real figures (before a replacement); the demo's fictional rows of that year stay. */
export async function deleteRealValues(db: Q, year: number): Promise<void> {
  await db.deleteFrom('benchmark_values').where('year', '=', year).where('fictional', '=', 0).execute();
}

/** Inserts an edition row, or updates it in place when the edition is replaced. */
export async function upsertEdition(db: Q, row: BenchmarkEditionsTable): Promise<void> {
  await db
    .insertInto('benchmark_editions')
    .values(row)
    .onConflict((oc) => oc.column('year').doUpdateSet({ source: row.source, origin: row.origin, file_name: row.file_name, countries: row.countries, imported_at: row.imported_at, imported_by: row.imported_by }))
    .execute();
}

/** Inserts value rows (in chunks, within SQLite's limit on bound parameters). */
export async function insertValues(db: Q, rows: (Omit<BenchmarkValuesTable, 'fictional'> & { fictional?: number })[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db.insertInto('benchmark_values').values(rows.slice(i, i + 200).map((r) => ({ ...r, fictional: r.fictional ?? 0 }))).execute();
  }
}

/** Inserts fictional value rows that are not there yet (idempotent). */
export async function insertFictionalValues(db: Q, rows: Omit<BenchmarkValuesTable, 'fictional'>[]): Promise<number> {
  let added = 0;
  for (const r of rows) {
    const res = await db
      .insertInto('benchmark_values')
      .values({ ...r, fictional: 1 })
      .onConflict((oc) => oc.columns(['year', 'iso3']).doNothing())
      .executeTakeFirst();
    added += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

/** Every value row of every edition (about 200 per edition), by year then country. */
export async function listAllValues(db: Q): Promise<BenchmarkValueRow[]> {
  const rows = await db.selectFrom('benchmark_values').select(VALUE_COLUMNS).orderBy('year').orderBy('iso3').execute();
  return rows.map(toValue);
}

/** One country's rows, oldest edition first. */
export async function listCountryValues(db: Q, iso3: string): Promise<BenchmarkValueRow[]> {
  const rows = await db.selectFrom('benchmark_values').select(VALUE_COLUMNS).where('iso3', '=', iso3).orderBy('year').execute();
  return rows.map(toValue);
}

/** Real (not fictional) countries in an edition. */
export async function countRealValues(db: Q, year: number): Promise<number> {
  const r = await db.selectFrom('benchmark_values').select((eb) => eb.fn.countAll<number>().as('n')).where('year', '=', year).where('fictional', '=', 0).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Every row of one edition. */
export async function listEditionValues(db: Q, year: number): Promise<BenchmarkValueRow[]> {
  const rows = await db.selectFrom('benchmark_values').select(VALUE_COLUMNS).where('year', '=', year).orderBy('iso3').execute();
  return rows.map(toValue);
}
