// Stored instrument documents, parsed once per version and cached: a stored version is immutable, so the
// cache never goes stale.
import { findInstrumentById } from '../../db/repositories/instruments.ts';
import type { InstrumentsTable } from '../../db/schema.ts';
import { ZInstrument, type TInstrument } from '../../instrument/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';

const cache = new Map<string, TInstrument>();

export function parsed(row: InstrumentsTable): TInstrument {
  let inst = cache.get(row.id);
  if (!inst) {
    inst = ZInstrument.parse(JSON.parse(row.document));
    cache.set(row.id, inst);
  }
  return inst;
}

/** The document of a stored version by its row id (assessments refer to versions by id). */
export async function instrumentById(ctx: Ctx, id: string): Promise<TInstrument> {
  const hit = cache.get(id);
  if (hit) return hit;
  const row = await findInstrumentById(ctx.db.kysely, id);
  if (!row) throw new AppError('not_found', 'error.not_found');
  return parsed(row);
}
