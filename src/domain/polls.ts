// Quick polls in the workshop room: a facilitator opens a poll on one item, participants pick an answer
// on their phones, and the room sees the distribution appear. One poll is open at a time; opening another
// closes the previous one. Votes are anonymous counts; a person's own vote is shown only to them.
import { z } from 'zod';
import { closePolls, countVotes, findOpenPoll, findVote, insertPoll, setRoomItem, upsertVote } from '../db/repositories/workshop.ts';
import { locateItem } from '../instrument/loader.ts';
import type { TInstrument, TItem } from '../instrument/schema.ts';
import { bucketKeys } from '../scoring/distribution.ts';
import { loadAssessment, type AssessmentAccess } from './assessment-access.ts';
import { audit } from './audit.ts';
import type { Actor, Ctx } from './context.ts';
import { AppError } from './errors.ts';
import { announce } from './live.ts';
import { newId } from './tokens.ts';
import { parseInput } from './validate.ts';

/** Item types a show of hands works for (one choice on a short scale). */
const POLLABLE = new Set(['status', 'level', 'number']);

/** Whether a quick poll can be run on an item (views offer the button only then). */
export function isPollable(item: TItem): boolean {
  return POLLABLE.has(item.type);
}

/** The choices of a poll on an item: its scale without "not applicable". */
export function pollChoices(item: TItem): string[] {
  return bucketKeys(item).filter((k) => k !== 'not_applicable');
}

/** The item of an instrument by id, if it can be polled. */
function pollableItem(inst: TInstrument, itemId: string): TItem {
  const item = locateItem(inst, itemId)?.item;
  if (!item) throw new AppError('not_found', 'error.not_found');
  if (!isPollable(item)) throw new AppError('invalid_input', 'error.poll_item_type');
  return item;
}

/** An open poll as people see it. */
export interface TPollView {
  id: string;
  open: boolean;
  item: TItem;
  choices: { key: string; votes: number }[];
  votes: number;
  myChoice: string | undefined;
}

/** Opens a poll on an item (closing any open one) and puts the item on the room's screen. */
export async function openPoll(ctx: Ctx, actor: Actor | undefined, assessmentId: string, itemId: string): Promise<string> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'workshop.run');
  pollableItem(access.instrument, itemId);
  if (!['collecting', 'consolidating'].includes(access.assessment.state)) throw new AppError('conflict', 'error.workshop_closed', { state: access.assessment.state });
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await closePolls(trx, assessmentId, at);
    await insertPoll(trx, { id, assessment_id: assessmentId, item_id: itemId, status: 'open', created_by: actor!.id, created_at: at, closed_at: null });
    await setRoomItem(trx, assessmentId, itemId);
    await audit(trx, { at, actorId: actor!.id, action: 'poll.open', entityType: 'poll', entityId: id, after: { itemId } });
  });
  await announce(ctx, assessmentId, 'poll');
  return id;
}

/** Closes the open poll (its result stays visible in the room until another item is shown). */
export async function closePoll(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<void> {
  await loadAssessment(ctx, actor, assessmentId, 'workshop.run');
  await closePolls(ctx.db.kysely, assessmentId, ctx.now().toISOString());
  await announce(ctx, assessmentId, 'poll');
}

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
  await upsertVote(ctx.db.kysely, poll.id, actor!.id, choice, ctx.now().toISOString());
  await announce(ctx, assessmentId, 'poll');
}

/** The phone's poll page: the assessment, and the open poll with its counts and the actor's vote, if any. */
export async function getOpenPoll(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<{ access: AssessmentAccess; poll: TPollView | undefined }> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'room.view');
  const poll = await findOpenPoll(ctx.db.kysely, assessmentId);
  return { access, poll: poll ? await pollView(ctx, access.instrument, poll, actor!.id) : undefined };
}

/** A poll's counts (shared with the room). */
export async function pollView(ctx: Ctx, inst: TInstrument, poll: { id: string; item_id: string; status: 'open' | 'closed' }, userId: string): Promise<TPollView> {
  const item = pollableItem(inst, poll.item_id);
  const [counts, mine] = await Promise.all([countVotes(ctx.db.kysely, poll.id), findVote(ctx.db.kysely, poll.id, userId)]);
  const choices = pollChoices(item).map((key) => ({ key, votes: counts.get(key) ?? 0 }));
  return { id: poll.id, open: poll.status === 'open', item, choices, votes: choices.reduce((s, c) => s + c.votes, 0), myChoice: mine };
}
