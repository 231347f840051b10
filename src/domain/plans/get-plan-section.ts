// Use case: the edit page of one narrative section of the assessment's own draft plan.
import type { PlanSectionRow } from '../../db/repositories/plans.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { assertDraft, isSectionKey, type TPlanData } from './plan-model.ts';
import { loadPlanScope, type TPlanScope } from './plan-scope.ts';

/** A section's edit page. */
export interface TPlanSectionPage {
  scope: TPlanScope;
  plan: TPlanData;
  key: string;
  section: PlanSectionRow | undefined;
}

/** Loads a section of the draft plan for a person who may edit plans. */
export async function getPlanSection(ctx: Ctx, actor: Actor | undefined, assessmentId: string, key: string): Promise<TPlanSectionPage> {
  const scope = await loadPlanScope(ctx, actor, assessmentId, 'plan.edit');
  if (!scope.own || !isSectionKey(scope.access.instrument, key)) throw new AppError('not_found', 'error.not_found');
  assertDraft(scope.own.plan);
  return { scope, plan: scope.own, key, section: scope.own.sections.get(key) };
}
