// Use case: close the open quick poll.
import { closePolls } from '../../db/repositories/workshop.ts';
import { loadAssessment } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { announce } from '../kernel/live.ts';

/** Closes the open poll (its result stays visible in the room until another item is shown). */
export async function closePoll(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<void> {
  await loadAssessment(ctx, actor, assessmentId, 'workshop.run');
  await closePolls(ctx.db.kysely, assessmentId, ctx.now().toISOString());
  await announce(ctx, assessmentId, 'poll');
}
