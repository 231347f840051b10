// Use case: the coordinator moves an assessment through its states. Collection (answering) happens only
// in "collecting"; validated results are locked; reopening needs a reason.
import { z } from 'zod';
import { setAssessmentState } from '../../db/repositories/assessments.ts';
import type { AssessmentsTable } from '../../db/schema.ts';
import { loadAssessment } from '../kernel/access.ts';
import { loadAnswerSet } from '../results/load-answer-set.ts';
import { audit } from '../kernel/audit.ts';
import { announce } from '../kernel/live.ts';
import { checkForValidation, openPoints } from './get-validation.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { parseInput } from '../kernel/validate.ts';
import { parsePublicationChoice, publicationSnapshot, recordPublication, withdrawPublication } from '../publication/record-publication.ts';

type TState = AssessmentsTable['state'];

/** Allowed transitions; going back needs a reason. */
export const TRANSITIONS: Record<TState, { to: TState; back?: true }[]> = {
  draft: [{ to: 'collecting' }],
  collecting: [{ to: 'consolidating' }, { to: 'draft', back: true }],
  consolidating: [{ to: 'validated' }, { to: 'collecting', back: true }],
  validated: [{ to: 'published' }, { to: 'consolidating', back: true }],
  published: [{ to: 'validated', back: true }],
};

const ZChange = z.object({
  to: z.enum(['draft', 'collecting', 'consolidating', 'validated', 'published'], { error: 'error.state_invalid' }),
  reason: z.string().trim().max(1000, { error: 'error.too_long' }).optional(),
  /** Validating with open points (no consensus, unsupported answers) requires saying so. */
  acknowledge: z.string().optional(),
});

/** Changes the state, recording the change (and reason) in the audit log. */
export async function changeAssessmentState(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<TState> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'assessment.change_state');
  const { assessment } = access;
  const { to, reason, acknowledge } = parseInput(ZChange, input);
  const step = TRANSITIONS[assessment.state].find((s) => s.to === to);
  if (!step) throw new AppError('conflict', 'error.state_transition', { from: assessment.state, to });
  if (step.back && !reason) throw new AppError('invalid_input', 'error.form_invalid', {}, { reason: 'error.reason_required' });
  let open = 0;
  // Open points are acknowledged when validating, not when a publication is withdrawn back to Validated
  // (nothing changes in the results then, and the overview's withdrawal form has no such box).
  if (to === 'validated' && !step.back) {
    open = openPoints(checkForValidation(access, await loadAnswerSet(ctx, access)));
    if (open > 0 && !acknowledge) throw new AppError('invalid_input', 'error.form_invalid', {}, { acknowledge: 'error.acknowledge_required' });
  }
  // Publishing makes the report public at the level the coordinator chose (domain/publication); leaving
  // Published withdraws it, with the reason required above.
  const choice = to === 'published' ? parsePublicationChoice(input) : undefined;
  const snapshot = choice ? await publicationSnapshot(ctx, assessment.id) : undefined;
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    // Conditional on the state read above: of two changes sent at once, the second finds the state moved
    // and is refused (PostgreSQL's row lock makes it wait for the first, then re-read the row).
    if (!(await setAssessmentState(trx, assessment.id, assessment.state, to, at))) throw new AppError('conflict', 'error.state_changed');
    await audit(trx, { at, actorId: access.actor.id, action: 'assessment.state', entityType: 'assessment', entityId: assessment.id, before: { state: assessment.state }, after: { state: to, ...(reason ? { reason } : {}), ...(open ? { openPoints: open } : {}) } });
    if (choice && snapshot) await recordPublication(trx, access.actor.id, assessment.id, choice, snapshot, at);
    if (assessment.state === 'published') await withdrawPublication(trx, access.actor.id, assessment.id, reason ?? '', at);
  });
  await announce(ctx, assessment.id, 'state');
  return to;
}
