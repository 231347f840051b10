// Use case: every country with figures, as it stands in its latest edition — the index of the country
// profiles. Public, like the profiles.
import { listAllValues } from '../../db/repositories/benchmarks.ts';
import type { Ctx } from '../kernel/context.ts';
import { standingOf, type TStanding } from './standings.ts';

/** The latest edition's standings of every country (fictional ones included, marked), and that edition. */
export async function listBenchmarkCountries(ctx: Ctx): Promise<{ year: number | null; rows: TStanding[] }> {
  const all = await listAllValues(ctx.db.kysely);
  const year = all.reduce<number | null>((m, r) => (m === null || r.year > m ? r.year : m), null);
  const edition = all.filter((r) => r.year === year);
  return { year, rows: edition.map((r) => standingOf(r, edition)) };
}
