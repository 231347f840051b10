// Use case: a country's E-Participation Index standing for comparison with a METEP cycle — from the latest
// edition up to the cycle's year (the external picture at the time the country assessed itself), or the
// earliest edition when the cycle predates them all — and its EPI over every edition, for the trend.
import { listAllValues, type BenchmarkValueRow } from '../../db/repositories/benchmarks.ts';
import type { Ctx } from '../kernel/context.ts';
import { standingOf, type TStanding } from './standings.ts';

/** The standing compared with a cycle, and the country's EPI series. */
export interface TEpiStanding {
  compared: TStanding;
  series: { year: number; epi: number; epiPercentile: number | null; fictional: boolean }[];
}

/** The country's EPI standing for a cycle year, or undefined when it has no EPI in any loaded edition. */
export async function getEpiStanding(ctx: Ctx, iso3: string, cycleYear: number): Promise<TEpiStanding | undefined> {
  const all = await listAllValues(ctx.db.kysely);
  const own = all.filter((r) => r.iso3 === iso3 && r.epi !== null);
  if (own.length === 0) return undefined;
  const chosen = [...own].reverse().find((r) => r.year <= cycleYear) ?? (own[0] as BenchmarkValueRow);
  const standings = own.map((r) => standingOf(r, all.filter((x) => x.year === r.year)));
  return {
    compared: standings.find((s) => s.year === chosen.year) as TStanding,
    series: standings.map((s) => ({ year: s.year, epi: s.epi as number, epiPercentile: s.epiPercentile, fictional: s.fictional })),
  };
}
