// Use case: one action's page — of the assessment's own plan or of the plan it carries over — with what the
// page may offer: the edit form (own draft plan, people who edit plans), the progress form (an adopted
// plan, people who track it), and the before/after of its items for a carried action.
import type { TActionEffect } from '../../scoring/plan-effects.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { resultsOf } from '../results/compute-results.ts';
import { effectsOf } from './plan-effects.ts';
import type { TPlanAction, TPlanData } from './plan-model.ts';
import { findScopedAction, loadPlanScope, type TPlanScope } from './plan-scope.ts';

/** An action's page. */
export interface TPlanActionPage {
  scope: TPlanScope;
  plan: TPlanData;
  action: TPlanAction;
  carried: boolean;
  editable: boolean;
  trackable: boolean;
  effect: TActionEffect | undefined;
}

/** Loads one action for a person who may read plans. */
export async function getPlanAction(ctx: Ctx, actor: Actor | undefined, assessmentId: string, actionId: string): Promise<TPlanActionPage> {
  const scope = await loadPlanScope(ctx, actor, assessmentId, 'plan.read');
  const { plan, action, carried } = findScopedAction(scope, actionId);
  const may = scope.access.may;
  let effect: TActionEffect | undefined;
  if (carried && scope.carried) effect = effectsOf({ ...plan, actions: [action] }, await resultsOf(ctx, scope.carried.access), await resultsOf(ctx, scope.access)).get(action.id);
  return { scope, plan, action, carried, editable: !carried && plan.plan.status === 'draft' && may('plan.edit'), trackable: plan.plan.status === 'adopted' && may('plan.track'), effect };
}
