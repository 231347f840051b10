// Use case: the coordinator removes a person from an assessment (invited by mistake, left the ministry).
// Their answers leave the results; the audit entry keeps every answer, comment and evidence record they had,
// so the removal can be reviewed (and undone by hand) later. Removing someone who answered needs an
// explicit confirmation; the last coordinator cannot be removed.
import { z } from 'zod';
import { listAnswersOf, listEvidenceOf } from '../../db/repositories/answers.ts';
import { findMembership } from '../../db/repositories/assessments.ts';
import { countCoordinators, deleteMembership } from '../../db/repositories/editing.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { assertEditable, StaleEdit, zRevision } from '../kernel/editable.ts';
import { AppError } from '../kernel/errors.ts';
import { announce } from '../kernel/live.ts';
import { parseInput } from '../kernel/validate.ts';

const ZRemove = z.object({ revision: zRevision, confirm: z.literal('yes', { error: 'error.confirm_required' }) });

/** Removes the member and their answers from the results (kept in the audit log). */
export async function removeMember(ctx: Ctx, actor: Actor | undefined, assessmentId: string, userId: string, input: unknown): Promise<void> {
  const { assessment: a, actor: me } = await loadAssessment(ctx, actor, assessmentId, 'participants.manage');
  const db = ctx.db.kysely;
  const m = userId.length <= 64 ? await findMembership(db, a.id, userId) : undefined;
  if (!m) throw new AppError('not_found', 'error.not_found');
  assertEditable(a);
  const { revision } = parseInput(ZRemove, input);
  const at = ctx.now().toISOString();
  await db.transaction().execute(async (trx) => {
    if (m.role === 'coordinator' && (await countCoordinators(trx, a.id)) <= 1) throw new AppError('conflict', 'error.last_coordinator');
    const [answers, evidence] = await Promise.all([listAnswersOf(trx, a.id, m.user_id), listEvidenceOf(trx, a.id, m.user_id)]);
    if (!(await deleteMembership(trx, m, revision))) throw new StaleEdit();
    await audit(trx, {
      at,
      actorId: me.id,
      action: 'member.remove',
      entityType: 'assessment',
      entityId: a.id,
      before: {
        user: m.user_id,
        role: m.role,
        organisation: m.organisation_id,
        answers: answers.map((x) => ({ item: x.item_id, value: JSON.parse(x.value_json) as unknown, comment: x.comment, at: x.updated_at })),
        evidence: evidence.map((x) => ({ item: x.item_id, kind: x.kind, title: x.title, url: x.url, file: x.file_id, fileName: x.file_name })),
      },
    });
  });
  await announce(ctx, a.id, 'answers');
}
