// Use case: the coordinator changes what a published assessment shows the public, or its data licence,
// without withdrawing it (the public pages follow at once). Audited with the level and licence before and
// after. Only while the assessment is publicly published.
import { findPublished, upsertPublication } from '../../db/repositories/publications.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { parseInput } from '../kernel/validate.ts';
import { ZPublicationChoice } from './publication-levels.ts';

/** Changes the publication's level and licence. */
export async function updatePublication(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<void> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'assessment.change_state');
  const choice = parseInput(ZPublicationChoice, input);
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const current = await findPublished(trx, assessmentId);
    if (!current) throw new AppError('conflict', 'error.not_published');
    if (current.level === choice.level && current.licence === choice.licence) return;
    await upsertPublication(trx, { assessment_id: assessmentId, level: choice.level, licence: choice.licence, index_score: current.index_score, band: current.band, published_by: access.actor.id, published_at: current.published_at });
    await audit(trx, { at, actorId: access.actor.id, action: 'publication.update', entityType: 'assessment', entityId: assessmentId, before: { level: current.level, licence: current.licence }, after: choice });
  });
}
