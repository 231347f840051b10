// The plans a page of one assessment works with: its own latest plan, and the plan it carries over — the
// adopted plan of the previous cycle of the same country and scope, which the next cycle tracks. The
// carried plan is shown only to people who may read plans in that previous cycle too.
import { findPreviousCycle } from '../../db/repositories/assessments.ts';
import { loadAssessment, type AssessmentAccess } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import type { TAssessmentAction } from '../kernel/policies.ts';
import { loadAdoptedPlan, loadLatestPlan, type TPlanAction, type TPlanData } from './plan-model.ts';

/** The adopted plan of the previous cycle, with that cycle's access. */
export interface TCarried {
  access: AssessmentAccess;
  plan: TPlanData;
}

/** An assessment's own plan and the one it carries over. */
export interface TPlanScope {
  access: AssessmentAccess & { actor: Actor };
  own: TPlanData | undefined;
  carried: TCarried | undefined;
}

/** The previous cycle's adopted plan, when there is one the actor may read. */
export async function loadCarried(ctx: Ctx, actor: Actor, access: AssessmentAccess): Promise<TCarried | undefined> {
  const prev = await findPreviousCycle(ctx.db.kysely, access.assessment);
  if (!prev) return undefined;
  try {
    const prevAccess = await loadAssessment(ctx, actor, prev.id, 'plan.read');
    const plan = await loadAdoptedPlan(ctx, prev.id);
    return plan && { access: prevAccess, plan };
  } catch (e) {
    if (e instanceof AppError) return undefined;
    throw e;
  }
}

/** Loads both plans after checking `action` on the assessment. */
export async function loadPlanScope(ctx: Ctx, actor: Actor | undefined, assessmentId: string, action: TAssessmentAction): Promise<TPlanScope> {
  const access = await loadAssessment(ctx, actor, assessmentId, action);
  const [own, carried] = await Promise.all([loadLatestPlan(ctx, assessmentId), loadCarried(ctx, access.actor, access)]);
  return { access, own, carried };
}

/** An action of either plan, with the plan it belongs to and whether it is the carried one. */
export function findScopedAction(scope: TPlanScope, actionId: string): { plan: TPlanData; action: TPlanAction; carried: boolean } {
  for (const [plan, carried] of [[scope.own, false], [scope.carried?.plan, true]] as const) {
    const action = plan?.actions.find((a) => a.id === actionId);
    if (plan && action) return { plan, action, carried };
  }
  throw new AppError('not_found', 'error.not_found');
}
