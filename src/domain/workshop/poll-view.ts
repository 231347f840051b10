// Quick polls in the workshop room: which items can be polled, their choices, and a poll's counts as people
// see them. One poll is open at a time; votes are anonymous counts, a person's own vote shown only to them.
import { countVotes, findVote } from '../../db/repositories/workshop.ts';
import { locateItem } from '../../instrument/model.ts';
import type { TInstrument, TItem } from '../../instrument/schema.ts';
import { bucketKeys } from '../../scoring/distribution.ts';
import type { Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';

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
export function pollableItem(inst: TInstrument, itemId: string): TItem {
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

/** A poll's counts (shared with the room). */
export async function pollView(ctx: Ctx, inst: TInstrument, poll: { id: string; item_id: string; status: 'open' | 'closed' }, userId: string): Promise<TPollView> {
  const item = pollableItem(inst, poll.item_id);
  const [counts, mine] = await Promise.all([countVotes(ctx.db.kysely, poll.id), findVote(ctx.db.kysely, poll.id, userId)]);
  const choices = pollChoices(item).map((key) => ({ key, votes: counts.get(key) ?? 0 }));
  return { id: poll.id, open: poll.status === 'open', item, choices, votes: choices.reduce((s, c) => s + c.votes, 0), myChoice: mine };
}
