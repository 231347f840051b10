// Use case: remove one of the actor's own evidence entries.
import { deleteEvidence, findEvidence } from '../../db/repositories/answers.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';

/** Removes one of the actor's own evidence entries. */
export async function removeEvidence(ctx: Ctx, actor: Actor | undefined, assessmentId: string, evidenceId: string): Promise<void> {
  const { actor: me } = await loadAssessment(ctx, actor, assessmentId, 'answers.write_own');
  const ev = await findEvidence(ctx.db.kysely, assessmentId, evidenceId);
  if (!ev || ev.user_id !== me.id) throw new AppError('not_found', 'error.not_found');
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await deleteEvidence(trx, ev.id, ev.file_id);
    await audit(trx, { at, actorId: me.id, action: 'evidence.remove', entityType: 'assessment', entityId: assessmentId, before: { item: ev.item_id, title: ev.title } });
  });
}
