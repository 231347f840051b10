// Use case: the plan page of an assessment — its own plan (draft or adopted) with sections and actions;
// before there is one, the draft the results suggest (a preview during consolidation, something to create
// once validated); and the previous cycle's adopted plan it carries over, with its progress and the
// before/after scores of each action's linked items.
import type { TActionEffect } from '../../scoring/plan-effects.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { isFinal, resultsOf } from '../results/compute-results.ts';
import { draftOf, type TDraft } from './plan-draft.ts';
import { effectsOf } from './plan-effects.ts';
import { loadPlanScope, type TPlanScope } from './plan-scope.ts';

/** The plan page. */
export interface TPlanPage extends TPlanScope {
  /** The suggested draft while there is no plan yet (consolidation or later). */
  preview: TDraft | undefined;
  /** Whether this person may create the draft now. */
  canGenerate: boolean;
  /** Before/after per action of the carried plan. */
  effects: Map<string, TActionEffect>;
}

/** Builds the plan page for a person who may read plans. */
export async function getPlan(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<TPlanPage> {
  const scope = await loadPlanScope(ctx, actor, assessmentId, 'plan.read');
  const state = scope.access.assessment.state;
  const needResults = (!scope.own && (state === 'consolidating' || isFinal(state))) || scope.carried;
  const results = needResults ? await resultsOf(ctx, scope.access) : undefined;
  const preview = !scope.own && results && (state === 'consolidating' || isFinal(state)) ? draftOf(results) : undefined;
  let effects = new Map<string, TActionEffect>();
  if (scope.carried && results) effects = effectsOf(scope.carried.plan, await resultsOf(ctx, scope.carried.access), results);
  return { ...scope, preview, canGenerate: !scope.own && isFinal(state) && scope.access.may('plan.adopt'), effects };
}
