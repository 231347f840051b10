// Use case: a respondent marks their questionnaire complete. It stays editable until collection closes.
import { submitResponse as markSubmitted } from '../../db/repositories/answers.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';

/** Marks the actor's response submitted. */
export async function submitResponse(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<void> {
  const { assessment, actor: me } = await loadAssessment(ctx, actor, assessmentId, 'answers.write_own');
  if (assessment.state !== 'collecting') throw new AppError('conflict', 'error.collection_closed');
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await markSubmitted(trx, assessment.id, me.id, at);
    await audit(trx, { at, actorId: me.id, action: 'response.submit', entityType: 'assessment', entityId: assessment.id });
  });
}
