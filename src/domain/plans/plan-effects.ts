// Before/after of a carried plan's actions: the linked items' scores in the cycle that adopted the plan and
// in the later one (docs/METHODOLOGY.md §16), item ids translated through the later instrument's crosswalk
// when it comes from the earlier version.
import type { TInstrument } from '../../instrument/schema.ts';
import { actionEffect, type TActionEffect, type TCycleItem } from '../../scoring/plan-effects.ts';
import type { TResults } from '../results/compute-results.ts';
import type { TPlanData } from './plan-model.ts';
import { crosswalkEntries } from '../../instrument/crosswalk.ts';

function cycleItems(r: TResults): Map<string, TCycleItem> {
  return new Map(r.scores.items.filter((i) => i.weight > 0).map((i) => [i.id, { score: i.score, weight: i.weight }]));
}

/**
 * The crosswalk from an earlier instrument to a later one, when the later one has one from that version:
 * earlier id → later id for the items whose scores stay comparable (`same`); a changed, split or merged
 * item has no "after" to set beside its "before".
 */
export function crosswalkBetween(earlier: TInstrument, later: TInstrument): Record<string, string> | undefined {
  if (!later.crosswalk || later.crosswalk.from !== earlier.version) return undefined;
  return Object.fromEntries(crosswalkEntries(later).flatMap((e) => (e.kind === 'same' && e.from.length === 1 && e.to.length === 1 ? [[e.from[0] as string, e.to[0] as string]] : [])));
}

/** Before/after per action of a plan adopted in `earlier`, measured again in `later`. */
export function effectsOf(plan: TPlanData, earlier: TResults, later: TResults): Map<string, TActionEffect> {
  const before = cycleItems(earlier);
  const after = cycleItems(later);
  const cw = crosswalkBetween(earlier.access.instrument, later.access.instrument);
  return new Map(plan.actions.map((a) => [a.id, actionEffect(a.items, before, after, cw)]));
}
