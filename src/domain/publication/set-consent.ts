// Use case: a respondent agrees (or no longer agrees) to be named in the report's participants annex of
// an assessment they answer in. Only their own membership; the change is in the audit log. A public report
// follows at once: it is built from the current consent on every request.
import { z } from 'zod';
import { findMembership } from '../../db/repositories/assessments.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { parseInput } from '../kernel/validate.ts';

// An unticked checkbox sends nothing: absent means "do not name me".
const ZConsent = z.object({ named: z.enum(['1'], { error: 'error.bad_request' }).optional() });

/** Records the respondent's choice; returns it. */
export async function setConsent(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<boolean> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'answers.write_own');
  const named = parseInput(ZConsent, input).named === '1';
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const m = await findMembership(trx, assessmentId, access.actor.id);
    if (!m) throw new AppError('not_found', 'error.not_found');
    const before = Number(m.named_in_report) === 1;
    if (before === named) return;
    await trx.updateTable('memberships').set({ named_in_report: named ? 1 : 0 }).where('id', '=', m.id).execute();
    await audit(trx, { at, actorId: access.actor.id, action: 'membership.named_in_report', entityType: 'membership', entityId: m.id, before: { named: before }, after: { named } });
  });
  return named;
}
