// Use case: the assessments a person takes part in (every assessment for an administrator).
import { listAssessmentsFor } from '../../db/repositories/assessments.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';

/** Assessments visible to the actor, newest first, with their role. */
export async function listAssessments(ctx: Ctx, actor: Actor | undefined) {
  if (!actor) throw new AppError('unauthenticated', 'error.sign_in_required');
  const rows = await listAssessmentsFor(ctx.db.kysely, actor.id, actor.isAdmin);
  // A token for one assessment lists only that one.
  const only = actor.token?.assessmentId;
  return only ? rows.filter((r) => r.id === only) : rows;
}
