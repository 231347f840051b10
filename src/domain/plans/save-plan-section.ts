// Use case: editing one narrative section of a draft plan (context, vision, an objective of a pillar,
// governance, monitoring), with the same revision check as actions: a stale save is refused with the text
// a colleague saved first. A pillar's objective that does not exist yet is written at revision 1.
import { z } from 'zod';
import { findLatestPlan, insertPlanSection, listPlanSections, updatePlanSection, type PlanSectionRow } from '../../db/repositories/plans.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { parseInput } from '../kernel/validate.ts';
import { assertDraft, isSectionKey } from './plan-model.ts';

const ZSection = z.object({
  body: z.string({ error: 'error.plan_section_required' }).trim().min(1, { error: 'error.plan_section_required' }).max(8000, { error: 'error.too_long' }),
  baseRevision: z.coerce.number({ error: 'error.bad_request' }).int().min(0, { error: 'error.bad_request' }),
});

/** A stale section edit; `newer` is the text saved first. */
export class PlanSectionConflict extends AppError {
  constructor(public readonly newer: PlanSectionRow | undefined) {
    super('conflict', 'error.plan_section_conflict', { revision: newer?.revision ?? 0 });
  }
}

/** Saves revision base + 1 of a section; throws PlanSectionConflict on a stale base revision. */
export async function savePlanSection(ctx: Ctx, actor: Actor | undefined, assessmentId: string, key: string, input: unknown): Promise<{ revision: number }> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'plan.edit');
  if (!isSectionKey(access.instrument, key)) throw new AppError('not_found', 'error.not_found');
  const db = ctx.db.kysely;
  const plan = await findLatestPlan(db, assessmentId);
  if (!plan) throw new AppError('conflict', 'error.plan_missing');
  assertDraft(plan);
  const data = parseInput(ZSection, input);
  const at = ctx.now().toISOString();
  const by = access.actor.id;
  const before = (await listPlanSections(db, plan.id)).find((s) => s.key === key);
  const ok = await db.transaction().execute(async (trx) => {
    const written = data.baseRevision === 0
      ? await insertPlanSection(trx, { plan_id: plan.id, key, body: data.body, revision: 1, updated_by: by, updated_at: at })
      : await updatePlanSection(trx, plan.id, key, data.baseRevision, data.body, by, at);
    if (!written) return false;
    await audit(trx, { at, actorId: by, action: 'plan.section.update', entityType: 'plan_section', entityId: `${plan.id}/${key}`, before: before && { revision: before.revision, body: before.body }, after: { revision: data.baseRevision + 1, body: data.body } });
    return true;
  });
  if (!ok) throw new PlanSectionConflict((await listPlanSections(db, plan.id)).find((s) => s.key === key));
  return { revision: data.baseRevision + 1 };
}
