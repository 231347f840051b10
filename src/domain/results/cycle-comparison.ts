// How the results page compares a cycle with the country's previous one when the two were answered on
// different instrument versions: the chain of crosswalks from the earlier version to the current one is
// followed (each version names the one it comes from), and both cycles are rescored on the items the chain
// links as unchanged (scoring/trend.ts). Without such a chain the cycles are not compared, and the page says so.
import { linkVersions } from '../../instrument/crosswalk.ts';
import type { TInstrument } from '../../instrument/schema.ts';
import { linkedTrend, type TTrend } from '../../scoring/trend.ts';
import { getInstrument } from '../instruments/get-instrument.ts';
import type { Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import type { TResults } from './compute-results.ts';

/** The comparison with an earlier cycle on another version: the trend, or why there is none. */
export type TCycleComparison = { kind: 'linked'; trend: TTrend } | { kind: 'no_crosswalk'; from: string; to: string };

// Versions from `from` to `current` (inclusive), walking back along each version's crosswalk.
async function chainTo(ctx: Ctx, current: TInstrument, from: string): Promise<TInstrument[] | undefined> {
  const chain = [current];
  for (let inst = current; inst.version !== from; ) {
    const back = inst.crosswalk?.from;
    if (!back || chain.length > 20) return undefined;
    try {
      inst = (await getInstrument(ctx, current.key, back)).instrument;
    } catch (e) {
      if (e instanceof AppError) return undefined;
      throw e;
    }
    chain.unshift(inst);
  }
  return chain;
}

/** The comparison of `current` with `previous` when their instrument versions differ; undefined when they do not. */
export async function compareAcrossVersions(ctx: Ctx, current: TResults, previous: TResults): Promise<TCycleComparison | undefined> {
  const inst = current.access.instrument;
  const before = previous.access.instrument;
  if (inst.key === before.key && inst.version === before.version) return undefined;
  const chain = inst.key === before.key ? await chainTo(ctx, inst, before.version) : undefined;
  if (!chain) return { kind: 'no_crosswalk', from: before.version, to: inst.version };
  return { kind: 'linked', trend: linkedTrend(inst, current.scores, previous.scores, linkVersions(chain)) };
}
