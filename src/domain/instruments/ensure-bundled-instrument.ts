// Use case: at start, store the bundled METEP versions this installation does not have yet, oldest first
// (each later version carries a crosswalk from the one before, so trends across versions survive).
import { findInstrument } from '../../db/repositories/instruments.ts';
import { bundledInstruments } from '../../instrument/loader.ts';
import { OPERATOR, type Ctx } from '../kernel/context.ts';
import { importInstrument } from './import-instrument.ts';

/** Loads every bundled version missing from the database; returns whether any was added. */
export async function ensureBundledInstrument(ctx: Ctx): Promise<boolean> {
  let added = false;
  for (const inst of bundledInstruments()) {
    if (await findInstrument(ctx.db.kysely, inst.key, inst.version)) continue;
    try {
      await importInstrument(ctx, OPERATOR, inst);
      added = true;
    } catch (e) {
      // Two instances starting together may both try; the unique (key, version) keeps one row.
      if (!(await findInstrument(ctx.db.kysely, inst.key, inst.version))) throw e;
    }
  }
  return added;
}
