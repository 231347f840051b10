// Use case: a facilitator or the coordinator adds an action by hand to a draft plan (one the results did
// not suggest); it has no computed priority and goes to the end of the plan.
import { listOrganisations } from '../../db/repositories/assessments.ts';
import { findLatestPlan, insertPlanAction, nextActionPosition } from '../../db/repositories/plans.ts';
import { newId } from '../../lib/tokens.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { assertDraft } from './plan-model.ts';
import { actionValues, parseActionInput } from './save-plan-action.ts';

/** Adds an action to the draft plan; returns its id. */
export async function addPlanAction(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<{ actionId: string }> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'plan.edit');
  const db = ctx.db.kysely;
  const plan = await findLatestPlan(db, assessmentId);
  if (!plan) throw new AppError('conflict', 'error.plan_missing');
  assertDraft(plan);
  const orgs = await listOrganisations(db, assessmentId);
  const { data, pillars } = parseActionInput(input, new Set(orgs.map((o) => o.id)), access);
  const values = actionValues(data, pillars, { action_key: null, priority: null });
  const at = ctx.now().toISOString();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await insertPlanAction(trx, { id, plan_id: plan.id, position: await nextActionPosition(trx, plan.id), revision: 1, updated_by: access.actor.id, updated_at: at, ...values });
    await audit(trx, { at, actorId: access.actor.id, action: 'plan.action.add', entityType: 'plan_action', entityId: id, after: { planId: plan.id, ...values } });
  });
  return { actionId: id };
}
