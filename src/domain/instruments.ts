// Reading instrument versions (shared by the pages, the API, assessments and the CLI). Documents are
// parsed once per version and cached: a stored version is immutable, so the cache never goes stale.
import { findInstrument, findInstrumentById, latestInstrument, listInstrumentRows, type InstrumentRow } from '../db/repositories/instruments.ts';
import type { InstrumentsTable } from '../db/schema.ts';
import { ZInstrument, type TInstrument } from '../instrument/schema.ts';
import type { Ctx } from './context.ts';
import { AppError } from './errors.ts';

const cache = new Map<string, TInstrument>();

function parsed(row: InstrumentsTable): TInstrument {
  let inst = cache.get(row.id);
  if (!inst) {
    inst = ZInstrument.parse(JSON.parse(row.document));
    cache.set(row.id, inst);
  }
  return inst;
}

/** All stored instrument versions. */
export function listInstruments(ctx: Ctx): Promise<InstrumentRow[]> {
  return listInstrumentRows(ctx.db.kysely);
}

/** One version's document; the newest when `version` is omitted. Throws not_found. */
export async function getInstrument(ctx: Ctx, key: string, version?: string): Promise<{ row: InstrumentRow; instrument: TInstrument }> {
  const row = version ? await findInstrument(ctx.db.kysely, key, version) : await latestInstrument(ctx.db.kysely, key);
  if (!row) throw new AppError('not_found', 'error.not_found');
  const { document: _doc, ...meta } = row;
  return { row: meta, instrument: parsed(row) };
}

/** The document of a stored version by its row id (assessments refer to versions by id). */
export async function instrumentById(ctx: Ctx, id: string): Promise<TInstrument> {
  const hit = cache.get(id);
  if (hit) return hit;
  const row = await findInstrumentById(ctx.db.kysely, id);
  if (!row) throw new AppError('not_found', 'error.not_found');
  return parsed(row);
}
