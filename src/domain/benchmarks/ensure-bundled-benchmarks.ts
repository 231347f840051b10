// Use case: at start, load the UN E-Government Survey editions shipped with METEP that this installation
// does not have yet. An edition already there — bundled earlier, or imported by an administrator (who may
// have replaced it with a corrected file) — is left as it is.
import { editionYears, insertValues, upsertEdition } from '../../db/repositories/benchmarks.ts';
import { bundledEditions } from '../../benchmarks-data/bundled.ts';
import { audit } from '../kernel/audit.ts';
import type { Ctx } from '../kernel/context.ts';

/** Loads the missing bundled editions; returns the years added. */
export async function ensureBundledBenchmarks(ctx: Ctx): Promise<number[]> {
  const have = new Set(await editionYears(ctx.db.kysely));
  const missing = bundledEditions().filter((e) => !have.has(e.year));
  if (missing.length === 0) return [];
  const at = ctx.now().toISOString();
  try {
    await ctx.db.kysely.transaction().execute(async (trx) => {
      for (const e of missing) {
        await upsertEdition(trx, { year: e.year, source: e.source, origin: 'bundled', file_name: null, countries: e.rows.length, imported_at: at, imported_by: null });
        await insertValues(trx, e.rows.map((r) => ({ year: e.year, iso3: r.iso3, egdi: r.egdi, epi: r.epi, osi: r.osi, hci: r.hci, tii: r.tii, egdi_rank: r.egdiRank })));
      }
      await audit(trx, { at, actorId: null, action: 'benchmarks.load_bundled', entityType: 'benchmark_edition', entityId: null, after: { years: missing.map((e) => e.year) } });
    });
  } catch (e) {
    // Two instances starting together may both try: the edition key keeps one copy.
    const now = new Set(await editionYears(ctx.db.kysely));
    if (missing.every((m) => now.has(m.year))) return [];
    throw e;
  }
  return missing.map((e) => e.year);
}
