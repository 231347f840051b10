// Instrument versions. The merged JSON document is stored whole: instruments are read far more than
// written, and a published version never changes.
import type { Kysely, Transaction } from 'kysely';
import type { Database, InstrumentsTable } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** A stored instrument version without its document. */
export type InstrumentRow = Omit<InstrumentsTable, 'document'>;

/** All versions (newest first within a key, as `latestInstrument` decides), without documents. */
export async function listInstrumentRows(db: Q): Promise<InstrumentRow[]> {
  const rows = await db.selectFrom('instruments').select(['id', 'instrument_key', 'version', 'status', 'previous_version', 'created_at', 'created_by']).execute();
  return rows.sort((a, b) => a.instrument_key.localeCompare(b.instrument_key) || newestFirst(a, b));
}

/** One version with its document. */
export async function findInstrument(db: Q, key: string, version: string): Promise<InstrumentsTable | undefined> {
  return db.selectFrom('instruments').selectAll().where('instrument_key', '=', key).where('version', '=', version).executeTakeFirst();
}

/** Compares version strings such as 2026.2 and 2026.10 by their numbers. */
function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

// The last stored first, and among versions stored in the same instant the highest version number.
const newestFirst = (a: { created_at: string; version: string }, b: { created_at: string; version: string }) => b.created_at.localeCompare(a.created_at) || compareVersions(b.version, a.version);

/**
 * The newest version of a key, optionally only published ones: the last stored, and among versions stored
 * in the same instant (the bundled versions at first start) the highest version number.
 */
export async function latestInstrument(db: Q, key: string, publishedOnly = false): Promise<InstrumentsTable | undefined> {
  let q = db.selectFrom('instruments').select(['id', 'version', 'created_at']).where('instrument_key', '=', key);
  if (publishedOnly) q = q.where('status', '=', 'published');
  const newest = (await q.execute()).sort(newestFirst)[0];
  return newest ? findInstrumentById(db, newest.id) : undefined;
}

/** Inserts a version. */
export async function insertInstrument(db: Q, row: InstrumentsTable): Promise<void> {
  await db.insertInto('instruments').values(row).execute();
}

/** One version by row id, with its document. */
export async function findInstrumentById(db: Q, id: string): Promise<InstrumentsTable | undefined> {
  return db.selectFrom('instruments').selectAll().where('id', '=', id).executeTakeFirst();
}
