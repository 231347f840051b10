// Use case: a participant votes (or changes their vote) in the open quick poll from their phone.
import { z } from 'zod';
import { findOpenPoll, upsertVote } from '../../db/repositories/workshop.ts';
import { loadAssessment } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { announce } from '../kernel/live.ts';
import { parseInput } from '../kernel/validate.ts';
import { pollChoices, pollableItem } from './poll-view.ts';

const ZVote = z.object({ pollId: z.string().max(64), choice: z.string({ error: 'error.choice_required' }).min(1, { error: 'error.choice_required' }).max(40) });

/** Records (or changes) the actor's vote in the open poll. */
export async function vote(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<void> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'poll.vote');
  const { pollId, choice } = parseInput(ZVote, input);
  const poll = await findOpenPoll(ctx.db.kysely, assessmentId);
  // The poll closed (or another opened) while the phone showed it: say so rather than count a stale vote.
  if (!poll || poll.id !== pollId) throw new AppError('conflict', 'error.poll_closed');
  const item = pollableItem(access.instrument, poll.item_id);
  if (!pollChoices(item).includes(choice)) throw new AppError('invalid_input', 'error.form_invalid', {}, { choice: 'error.choice_required' });
  await upsertVote(ctx.db.kysely, poll.id, access.actor.id, choice, ctx.now().toISOString());
  await announce(ctx, assessmentId, 'poll');
}
