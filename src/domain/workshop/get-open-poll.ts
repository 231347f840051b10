// Use case: the phone's poll page — the open poll with its counts and the actor's own vote.
import { findOpenPoll } from '../../db/repositories/workshop.ts';
import { loadAssessment, type AssessmentAccess } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { type TPollView, pollView } from './poll-view.ts';

/** The phone's poll page: the assessment, and the open poll with its counts and the actor's vote, if any. */
export async function getOpenPoll(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<{ access: AssessmentAccess; poll: TPollView | undefined }> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'room.view');
  const poll = await findOpenPoll(ctx.db.kysely, assessmentId);
  return { access, poll: poll ? await pollView(ctx, access.instrument, poll, { userId: access.actor.id }) : undefined };
}
