// Use case: a respondent marks their questionnaire complete. It stays editable until collection closes.
// Submitting with items still unanswered is a decision the respondent makes knowingly: without `anyway`
// nothing is submitted and the unanswered items come back, pillar by pillar, for a confirmation page.
import { listAnswersOf, submitResponse as markSubmitted } from '../../db/repositories/answers.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { unansweredOf, type TUnanswered } from './get-questionnaire.ts';

/** Whether the response was submitted; when not, the unanswered items that need a confirmation. */
export type TSubmitOutcome = { submitted: true } | { submitted: false; unanswered: TUnanswered[] };

/** Marks the actor's response submitted; with unanswered items only when `anyway` confirms it. */
export async function submitResponse(ctx: Ctx, actor: Actor | undefined, assessmentId: string, opts: { anyway?: boolean } = {}): Promise<TSubmitOutcome> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'answers.write_own');
  const { assessment, actor: me } = access;
  if (assessment.state !== 'collecting') throw new AppError('conflict', 'error.collection_closed');
  if (!opts.anyway) {
    const rows = await listAnswersOf(ctx.db.kysely, assessment.id, me.id);
    const answered = new Set(rows.filter((r) => JSON.parse(r.value_json) !== null).map((r) => r.item_id));
    const unanswered = unansweredOf(access, (id) => answered.has(id));
    if (unanswered.length) return { submitted: false, unanswered };
  }
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await markSubmitted(trx, assessment.id, me.id, at);
    await audit(trx, { at, actorId: me.id, action: 'response.submit', entityType: 'assessment', entityId: assessment.id });
  });
  return { submitted: true };
}
