// Use case: the demo's fictional benchmark history. Demoland (XDM) is not a country: these figures are
// invented so that the demo shows the whole benchmarks section; every page and export marks them fictional,
// and no real country's rank, percentile or peer group counts them. Idempotent.
import { editionYears, insertFictionalValues } from '../../db/repositories/benchmarks.ts';
import type { Ctx } from '../kernel/context.ts';
import { ensureBundledBenchmarks } from './ensure-bundled-benchmarks.ts';

/** The fictional country of the demo. */
const DEMOLAND = 'XDM';

// A plausible path: a middle-income country whose e-government grows steadily and whose e-participation
// jumps when a national consultation portal opens (2016), then levels off.
const HISTORY: Record<number, { egdi: number; epi: number; osi: number; hci: number; tii: number }> = {
  2010: { egdi: 0.412, epi: 0.143, osi: 0.301, hci: 0.702, tii: 0.233 },
  2012: { egdi: 0.451, epi: 0.211, osi: 0.346, hci: 0.713, tii: 0.294 },
  2014: { egdi: 0.497, epi: 0.294, osi: 0.402, hci: 0.721, tii: 0.368 },
  2016: { egdi: 0.553, epi: 0.508, osi: 0.486, hci: 0.734, tii: 0.439 },
  2018: { egdi: 0.602, epi: 0.596, osi: 0.556, hci: 0.741, tii: 0.509 },
  2022: { egdi: 0.648, epi: 0.614, osi: 0.609, hci: 0.752, tii: 0.583 },
  2024: { egdi: 0.689, epi: 0.589, osi: 0.652, hci: 0.758, tii: 0.657 },
};

/** Adds Demoland's fictional figures to every loaded edition that lacks them; returns how many were added. */
export async function seedDemoBenchmarks(ctx: Ctx): Promise<number> {
  await ensureBundledBenchmarks(ctx);
  const years = await editionYears(ctx.db.kysely);
  const rows = years.filter((y) => HISTORY[y]).map((year) => ({ year, iso3: DEMOLAND, ...(HISTORY[year] as (typeof HISTORY)[number]), egdi_rank: null }));
  return insertFictionalValues(ctx.db.kysely, rows);
}
