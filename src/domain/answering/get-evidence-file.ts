// Use case: a document, for its owner or for people who may read all evidence of the assessment.
import { findEvidenceByFile, findFile } from '../../db/repositories/answers.ts';
import { loadAssessment } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';

/** A document, for its owner or for people who may read all evidence of the assessment. */
export async function getEvidenceFile(ctx: Ctx, actor: Actor | undefined, assessmentId: string, fileId: string) {
  const access = await loadAssessment(ctx, actor, assessmentId, 'assessment.read');
  const file = await findFile(ctx.db.kysely, assessmentId, fileId);
  if (!file) throw new AppError('not_found', 'error.not_found');
  const ev = await findEvidenceByFile(ctx.db.kysely, fileId);
  if (ev?.user_id !== access.actor.id && !access.may('evidence.read_all')) throw new AppError('forbidden', 'error.forbidden');
  return file;
}
