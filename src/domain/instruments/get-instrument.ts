// Use case: one instrument version's document; the newest when no version is given.
import { findInstrument, latestInstrument, type InstrumentRow } from '../../db/repositories/instruments.ts';
import { type TInstrument } from '../../instrument/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { parsed } from './instrument-cache.ts';

/** One version's document; the newest when `version` is omitted. Throws not_found. */
export async function getInstrument(ctx: Ctx, key: string, version?: string): Promise<{ row: InstrumentRow; instrument: TInstrument }> {
  const row = version ? await findInstrument(ctx.db.kysely, key, version) : await latestInstrument(ctx.db.kysely, key);
  if (!row) throw new AppError('not_found', 'error.not_found');
  const { document: _doc, ...meta } = row;
  return { row: meta, instrument: parsed(row) };
}
