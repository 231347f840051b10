// Use case for the results page of a later cycle: "did what we did move what we measured?" — each action
// of the previous cycle's adopted plan with the before/after scores of its linked items. The results page
// already holds both cycles' results; this adds the plan, for people who may read plans in that cycle.
import { loadAdoptedPlan, type TPlanData } from './plan-model.ts';
import { effectsOf } from './plan-effects.ts';
import type { TActionEffect } from '../../scoring/plan-effects.ts';
import type { Ctx } from '../kernel/context.ts';
import type { TResults } from '../results/compute-results.ts';

/** The previous cycle's adopted plan with before/after per action. */
export interface TPlanEffects {
  plan: TPlanData;
  cycleYear: number;
  effects: Map<string, TActionEffect>;
}

/** Before/after of the previous cycle's adopted plan, or undefined when there is none to show. */
export async function getPlanEffects(ctx: Ctx, current: TResults, previous: TResults | undefined): Promise<TPlanEffects | undefined> {
  if (!previous || !previous.access.may('plan.read') || !current.access.may('plan.read')) return undefined;
  const plan = await loadAdoptedPlan(ctx, previous.access.assessment.id);
  return plan && { plan, cycleYear: previous.access.assessment.cycle_year, effects: effectsOf(plan, previous, current) };
}
