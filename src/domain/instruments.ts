// Reading instrument versions (shared by the pages, the API and the CLI). Documents are parsed once per
// version and cached: a stored version is immutable, so the cache never goes stale.
import { findInstrument, latestInstrument, listInstrumentRows, type InstrumentRow } from '../db/repositories/instruments.ts';
import { ZInstrument, type TInstrument } from '../instrument/schema.ts';
import type { Ctx } from './context.ts';
import { AppError } from './errors.ts';

const cache = new Map<string, TInstrument>();

/** All stored instrument versions. */
export function listInstruments(ctx: Ctx): Promise<InstrumentRow[]> {
  return listInstrumentRows(ctx.db.kysely);
}

/** One version's document; the newest when `version` is omitted. Throws not_found. */
export async function getInstrument(ctx: Ctx, key: string, version?: string): Promise<{ row: InstrumentRow; instrument: TInstrument }> {
  const row = version ? await findInstrument(ctx.db.kysely, key, version) : await latestInstrument(ctx.db.kysely, key);
  if (!row) throw new AppError('not_found', 'error.not_found');
  const id = `${row.id}`;
  let inst = cache.get(id);
  if (!inst) {
    inst = ZInstrument.parse(JSON.parse(row.document));
    cache.set(id, inst);
  }
  const { document: _doc, ...meta } = row;
  return { row: meta, instrument: inst };
}
