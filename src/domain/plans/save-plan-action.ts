// Use case: a facilitator or the coordinator edits one action of a draft plan. The form carries the
// revision it was opened at; if a colleague saved the action meanwhile the write is refused with their
// version, so nobody's edit is silently overwritten (the same rule as workshop decisions).
import { z } from 'zod';
import { listOrganisations } from '../../db/repositories/assessments.ts';
import { findLatestPlan, findPlanAction, updatePlanAction, type PlanActionRow, type PlanActionValues } from '../../db/repositories/plans.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { parseInput } from '../kernel/validate.ts';
import { assertDraft, checkReferences, INDICATOR_UNITS, rangeParams, ZPlanActionInput, type TIndicatorUnit, type TPlanActionInput } from './plan-model.ts';

const ZBase = z.object({ baseRevision: z.coerce.number({ error: 'error.bad_request' }).int().min(1, { error: 'error.bad_request' }) });

/** A stale edit: someone saved a newer revision of the action first; `newer` is what they saved. */
export class PlanActionConflict extends AppError {
  constructor(public readonly newer: PlanActionRow | undefined) {
    super('conflict', 'error.plan_action_conflict', { revision: newer?.revision ?? 0 });
  }
}

/** Parses and checks an action's input against the assessment's organisations and instrument. */
export function parseActionInput(input: unknown, orgIds: ReadonlySet<string>, access: { instrument: Parameters<typeof checkReferences>[0] }): { data: TPlanActionInput; pillars: string[] } {
  const raw = (input ?? {}) as Record<string, unknown>;
  const unit = (typeof raw.unit === 'string' && raw.unit in INDICATOR_UNITS ? raw.unit : 'percent') as TIndicatorUnit;
  const data = parseInput(ZPlanActionInput, input, rangeParams(unit));
  return { data, ...checkReferences(access.instrument, orgIds, data) };
}

/** The stored values of a parsed input. */
export function actionValues(data: TPlanActionInput, pillars: string[], keep: Pick<PlanActionRow, 'action_key' | 'priority'>): PlanActionValues {
  return {
    action_key: keep.action_key, priority: keep.priority,
    title: data.title, description: data.description, lead_org: data.leadOrg ?? null, partners: [...new Set(data.partners)],
    start_q: data.start, end_q: data.end, indicator: data.indicator, indicator_unit: data.unit,
    baseline: data.baseline ?? null, target: data.target ?? null, budget: data.budget ?? null,
    status: data.status, drop_reason: data.status === 'dropped' ? data.dropReason : null,
    items: [...new Set(data.items)], pillars, sdg: [...new Set(data.sdg)].sort(),
  };
}

/** Saves revision base + 1 of an action; throws PlanActionConflict on a stale base revision. */
export async function savePlanAction(ctx: Ctx, actor: Actor | undefined, assessmentId: string, actionId: string, input: unknown): Promise<{ revision: number }> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'plan.edit');
  const db = ctx.db.kysely;
  const plan = await findLatestPlan(db, assessmentId);
  const current = plan && (await findPlanAction(db, plan.id, actionId));
  if (!plan || !current) throw new AppError('not_found', 'error.not_found');
  assertDraft(plan);
  const { baseRevision } = parseInput(ZBase, input);
  const orgs = await listOrganisations(db, assessmentId);
  const { data, pillars } = parseActionInput(input, new Set(orgs.map((o) => o.id)), access);
  const values = actionValues(data, pillars, current);
  const at = ctx.now().toISOString();
  const ok = await db.transaction().execute(async (trx) => {
    if (!(await updatePlanAction(trx, actionId, baseRevision, values, access.actor.id, at))) return false;
    const { id: _id, plan_id: _p, position: _pos, updated_by: _by, updated_at: _at, ...before } = current;
    await audit(trx, { at, actorId: access.actor.id, action: 'plan.action.update', entityType: 'plan_action', entityId: actionId, before, after: { revision: baseRevision + 1, ...values } });
    return true;
  });
  if (!ok) throw new PlanActionConflict(await findPlanAction(db, plan.id, actionId));
  return { revision: baseRevision + 1 };
}
