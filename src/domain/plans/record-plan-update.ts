// Use case: the coordinator records progress on an action of an adopted plan — its status, a completion
// level on the OGP's five levels and the evidence behind it. Recorded in the cycle that adopted the plan,
// or in the next cycle of the same country, which carries the plan over.
import { z } from 'zod';
import { insertPlanUpdate } from '../../db/repositories/plans.ts';
import { newId } from '../../lib/tokens.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { parseInput } from '../kernel/validate.ts';
import { ACTION_STATUSES, COMPLETION_LEVELS } from './plan-model.ts';
import { findScopedAction, loadPlanScope } from './plan-scope.ts';

// Without evidence the OGP's levels stop at "no evidence available" and "not started": any progress claimed
// needs a link to what shows it.
const NEEDS_EVIDENCE = new Set<string>(['limited', 'substantial', 'complete']);

const ZUpdate = z
  .object({
    status: z.enum(ACTION_STATUSES, { error: 'error.invalid_value' }),
    completion: z.enum(COMPLETION_LEVELS, { error: 'error.invalid_value' }),
    evidenceUrl: z.preprocess((v) => (v === '' || v === null ? undefined : typeof v === 'string' ? v.trim() : v), z.url({ protocol: /^https?$/, error: 'error.url_invalid' }).max(2000, { error: 'error.too_long' }).optional()),
    note: z.preprocess((v) => v ?? '', z.string().trim().max(2000, { error: 'error.too_long' })),
  })
  .superRefine((v, ctx) => {
    if (NEEDS_EVIDENCE.has(v.completion) && !v.evidenceUrl) ctx.addIssue({ code: 'custom', path: ['evidenceUrl'], message: 'error.plan_evidence_required' });
    if (v.status === 'dropped' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'error.plan_drop_reason' });
  });

/** Records a status update on an action of this assessment's adopted plan or of the plan it carries over. */
export async function recordPlanUpdate(ctx: Ctx, actor: Actor | undefined, assessmentId: string, actionId: string, input: unknown): Promise<void> {
  const scope = await loadPlanScope(ctx, actor, assessmentId, 'plan.track');
  const { plan, action } = findScopedAction(scope, actionId);
  if (plan.plan.status !== 'adopted') throw new AppError('conflict', 'error.plan_not_adopted');
  const data = parseInput(ZUpdate, input);
  const at = ctx.now().toISOString();
  const row = { id: newId(), action_id: action.id, status: data.status, completion: data.completion, evidence_url: data.evidenceUrl ?? null, note: data.note || null, recorded_by: scope.access.actor.id, recorded_at: at };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await insertPlanUpdate(trx, row);
    await audit(trx, { at, actorId: scope.access.actor.id, action: 'plan.update.record', entityType: 'plan_action', entityId: action.id, before: { status: action.currentStatus, completion: action.completion }, after: { status: row.status, completion: row.completion, evidenceUrl: row.evidence_url, note: row.note, recordedIn: assessmentId } });
  });
}
