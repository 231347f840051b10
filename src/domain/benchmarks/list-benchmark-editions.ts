// Use case: the Survey editions loaded in this installation, with their source and who loaded them when.
import { listEditionRows, type BenchmarkEditionRow } from '../../db/repositories/benchmarks.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { authorize } from '../kernel/policies.ts';

/** Every loaded edition, newest first (administrators: it names who imported each). */
export async function listBenchmarkEditions(ctx: Ctx, actor: Actor | undefined): Promise<BenchmarkEditionRow[]> {
  authorize(actor, 'benchmark.manage');
  return listEditionRows(ctx.db.kysely);
}

/** A loaded edition as the administrators' page shows it. */
export type TBenchmarkEdition = BenchmarkEditionRow;
