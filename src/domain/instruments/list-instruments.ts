// Use case: every stored instrument version.
import { listInstrumentRows, type InstrumentRow } from '../../db/repositories/instruments.ts';
import type { Ctx } from '../kernel/context.ts';

/** All stored instrument versions. */
export function listInstruments(ctx: Ctx): Promise<InstrumentRow[]> {
  return listInstrumentRows(ctx.db.kysely);
}
