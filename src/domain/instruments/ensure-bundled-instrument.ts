// Use case: at start, store the bundled METEP instrument when this installation does not have it yet.
import { findInstrument } from '../../db/repositories/instruments.ts';
import { bundledInstrument } from '../../instrument/loader.ts';
import { OPERATOR, type Ctx } from '../kernel/context.ts';
import { importInstrument } from './import-instrument.ts';

/** Loads the bundled instrument into the database if missing; returns whether it was added. */
export async function ensureBundledInstrument(ctx: Ctx): Promise<boolean> {
  const inst = bundledInstrument();
  if (await findInstrument(ctx.db.kysely, inst.key, inst.version)) return false;
  try {
    await importInstrument(ctx, OPERATOR, inst);
    return true;
  } catch (e) {
    // Two instances starting together may both try; the unique (key, version) keeps one row.
    if (await findInstrument(ctx.db.kysely, inst.key, inst.version)) return false;
    throw e;
  }
}
