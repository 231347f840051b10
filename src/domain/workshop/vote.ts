// Use case: a participant votes (or changes their vote) in the open quick poll from their phone: one choice,
// or for a checklist the options they believe are in place (none ticked is a vote too).
import { z } from 'zod';
import { findOpenPoll, upsertVote } from '../../db/repositories/workshop.ts';
import { loadAssessment } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { announce } from '../kernel/live.ts';
import { parseInput } from '../kernel/validate.ts';
import { ballotOf, pollableItem } from './poll-view.ts';

const ZVote = z.object({ pollId: z.string().max(64), choice: z.union([z.string().max(40), z.array(z.string().max(40)).max(50)]).optional() });

/** Records (or changes) the actor's vote in the open poll. */
export async function vote(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<void> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'poll.vote');
  const { pollId, choice } = parseInput(ZVote, input);
  const poll = await findOpenPoll(ctx.db.kysely, assessmentId);
  // The poll closed (or another opened) while the phone showed it: say so rather than count a stale vote.
  if (!poll || poll.id !== pollId) throw new AppError('conflict', 'error.poll_closed');
  const item = pollableItem(access.instrument, poll.item_id);
  const ballot = ballotOf(item, choice);
  if (ballot === undefined) throw new AppError('invalid_input', 'error.form_invalid', {}, { choice: 'error.choice_required' });
  await upsertVote(ctx.db.kysely, poll.id, access.actor.id, ballot, ctx.now().toISOString());
  await announce(ctx, assessmentId, 'poll');
}
