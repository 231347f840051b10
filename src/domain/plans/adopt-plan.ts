// Use case: the coordinator adopts the draft plan. The adopted version is frozen: from then on its actions
// move only by status updates, and changing the plan means starting a new version. Adopting a new version
// supersedes the one adopted before it.
import { findLatestPlan, adoptPlan as adopt } from '../../db/repositories/plans.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { assertDraft } from './plan-model.ts';

/** Adopts the latest (draft) version of the plan. */
export async function adoptPlan(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<{ version: number }> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'plan.adopt');
  const db = ctx.db.kysely;
  const plan = await findLatestPlan(db, assessmentId);
  if (!plan) throw new AppError('conflict', 'error.plan_missing');
  assertDraft(plan);
  const at = ctx.now().toISOString();
  const ok = await db.transaction().execute(async (trx) => {
    if (!(await adopt(trx, plan, access.actor.id, at))) return false;
    await audit(trx, { at, actorId: access.actor.id, action: 'plan.adopt', entityType: 'plan', entityId: plan.id, before: { status: 'draft' }, after: { status: 'adopted', version: plan.version } });
    return true;
  });
  // Someone adopted it a moment earlier: say so rather than pretend this click did it.
  if (!ok) throw new AppError('conflict', 'error.plan_frozen', { version: plan.version });
  return { version: plan.version };
}
