// Instrument versions. The merged JSON document is stored whole: instruments are read far more than
// written, and a published version never changes.
import type { Kysely, Transaction } from 'kysely';
import type { Database, InstrumentsTable } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** A stored instrument version without its document. */
export type InstrumentRow = Omit<InstrumentsTable, 'document'>;

/** All versions (newest first within a key), without documents. */
export async function listInstrumentRows(db: Q): Promise<InstrumentRow[]> {
  return db
    .selectFrom('instruments')
    .select(['id', 'instrument_key', 'version', 'status', 'previous_version', 'created_at', 'created_by'])
    .orderBy('instrument_key')
    .orderBy('created_at', 'desc')
    .execute();
}

/** One version with its document. */
export async function findInstrument(db: Q, key: string, version: string): Promise<InstrumentsTable | undefined> {
  return db.selectFrom('instruments').selectAll().where('instrument_key', '=', key).where('version', '=', version).executeTakeFirst();
}

/** The newest version of a key, optionally only published ones. */
export async function latestInstrument(db: Q, key: string, publishedOnly = false): Promise<InstrumentsTable | undefined> {
  let q = db.selectFrom('instruments').selectAll().where('instrument_key', '=', key);
  if (publishedOnly) q = q.where('status', '=', 'published');
  return q.orderBy('created_at', 'desc').limit(1).executeTakeFirst();
}

/** Inserts a version. */
export async function insertInstrument(db: Q, row: InstrumentsTable): Promise<void> {
  await db.insertInto('instruments').values(row).execute();
}

/** One version by row id, with its document. */
export async function findInstrumentById(db: Q, id: string): Promise<InstrumentsTable | undefined> {
  return db.selectFrom('instruments').selectAll().where('id', '=', id).executeTakeFirst();
}
