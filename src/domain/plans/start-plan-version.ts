// Use case: the coordinator starts a new version of an adopted plan — a draft copy (actions at their
// current status, sections as adopted) to edit and adopt in turn. The adopted version stays in force, with
// its status updates, until the new one is adopted.
import { findLatestPlan, insertPlan, insertPlanAction, insertPlanSection } from '../../db/repositories/plans.ts';
import { newId } from '../../lib/tokens.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { loadPlanData } from './plan-model.ts';

/** Creates version n + 1 as a draft copy of the adopted version n. */
export async function startPlanVersion(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<{ version: number }> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'plan.adopt');
  const db = ctx.db.kysely;
  const latest = await findLatestPlan(db, assessmentId);
  if (!latest) throw new AppError('conflict', 'error.plan_missing');
  if (latest.status !== 'adopted') throw new AppError('conflict', 'error.plan_version_open', { version: latest.version });
  const from = await loadPlanData(ctx, latest);
  const at = ctx.now().toISOString();
  const by = access.actor.id;
  const planId = newId();
  const version = latest.version + 1;
  const ok = await db.transaction().execute(async (trx) => {
    if (!(await insertPlan(trx, { id: planId, assessment_id: assessmentId, version, status: 'draft', language: latest.language, created_by: by, created_at: at, adopted_by: null, adopted_at: null }))) return false;
    for (const a of from.actions) {
      const { id: _id, plan_id: _p, revision: _r, updated_by: _b, updated_at: _a, currentStatus, completion: _c, updates: _u, ...rest } = a;
      await insertPlanAction(trx, { ...rest, id: newId(), plan_id: planId, revision: 1, updated_by: by, updated_at: at, status: currentStatus });
    }
    for (const s of from.sections.values()) await insertPlanSection(trx, { plan_id: planId, key: s.key, body: s.body, revision: 1, updated_by: by, updated_at: at });
    await audit(trx, { at, actorId: by, action: 'plan.version', entityType: 'plan', entityId: planId, after: { from: latest.id, version } });
    return true;
  });
  if (!ok) throw new AppError('conflict', 'error.plan_version_open', { version });
  return { version };
}
