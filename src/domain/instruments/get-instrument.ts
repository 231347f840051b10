// Use case: one instrument version's document — by key and version (the newest when no version is given),
// or by its row id (assessments refer to versions by id). Stored documents are parsed once per version and
// cached: a stored version is immutable, so the cache never goes stale.
import { findInstrument, findInstrumentById, latestInstrument, type InstrumentRow } from '../../db/repositories/instruments.ts';
import type { InstrumentsTable } from '../../db/schema.ts';
import { ZInstrument, type TInstrument } from '../../instrument/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';

const cache = new Map<string, TInstrument>();

function parsed(row: InstrumentsTable): TInstrument {
  let inst = cache.get(row.id);
  if (!inst) {
    inst = ZInstrument.parse(JSON.parse(row.document));
    cache.set(row.id, inst);
  }
  return inst;
}

/** One version's document; the newest when `version` is omitted. Throws not_found. */
export async function getInstrument(ctx: Ctx, key: string, version?: string): Promise<{ row: InstrumentRow; instrument: TInstrument }> {
  const row = version ? await findInstrument(ctx.db.kysely, key, version) : await latestInstrument(ctx.db.kysely, key);
  if (!row) throw new AppError('not_found', 'error.not_found');
  const { document: _doc, ...meta } = row;
  return { row: meta, instrument: parsed(row) };
}

/** The document of a stored version by its row id (assessments refer to versions by id). Throws not_found. */
export async function instrumentById(ctx: Ctx, id: string): Promise<TInstrument> {
  const hit = cache.get(id);
  if (hit) return hit;
  const row = await findInstrumentById(ctx.db.kysely, id);
  if (!row) throw new AppError('not_found', 'error.not_found');
  return parsed(row);
}
