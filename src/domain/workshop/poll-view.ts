// Quick polls in the workshop room: which items can be polled (every scored type), their choices, how a
// ballot is read and stored, and a poll's counts as people see them. One poll is open at a time; votes are
// anonymous counts, a person's own vote shown only to them. Votes of members and of devices without an
// account (when the facilitator allows them) are counted apart, so the room can show them separately.
import { countDeviceVotes, findDeviceVote } from '../../db/repositories/room-voting.ts';
import { countVotes, findVote } from '../../db/repositories/workshop.ts';
import { locateItem } from '../../instrument/model.ts';
import type { TInstrument, TItem } from '../../instrument/schema.ts';
import { bucketKeys } from '../../scoring/distribution.ts';
import { checklistPoll, type TChecklistPoll } from '../../scoring/poll.ts';
import type { Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';

/** Why an item cannot be polled (a message key), or undefined when it can: a free text has no scale to vote on. */
export function pollRefusal(item: TItem): string | undefined {
  return item.type === 'text' ? 'error.poll_item_type' : undefined;
}

/** Whether a quick poll can be run on an item (views offer the button only then, and say why not otherwise). */
export function isPollable(item: TItem): boolean {
  return pollRefusal(item) === undefined;
}

/** The choices of a poll on an item: its scale without "not applicable"; for a checklist, its options. */
export function pollChoices(item: TItem): string[] {
  if (item.type === 'checklist') return item.options.map((o) => o.id);
  return bucketKeys(item).filter((k) => k !== 'not_applicable');
}

/** The item of an instrument by id, if it can be polled. */
export function pollableItem(inst: TInstrument, itemId: string): TItem {
  const item = locateItem(inst, itemId)?.item;
  if (!item) throw new AppError('not_found', 'error.not_found');
  const refusal = pollRefusal(item);
  if (refusal) throw new AppError('invalid_input', refusal);
  return item;
}

/**
 * A ballot as stored: one choice key, or for a checklist the ticked options (possibly none) as a JSON list in
 * the checklist's order. Undefined when the ballot does not fit the item.
 */
export function ballotOf(item: TItem, raw: string | readonly string[] | undefined): string | undefined {
  const choices = pollChoices(item);
  if (item.type === 'checklist') {
    const ticked = new Set(raw === undefined ? [] : typeof raw === 'string' ? [raw] : raw);
    if ([...ticked].some((k) => !choices.includes(k))) return undefined;
    return JSON.stringify(choices.filter((k) => ticked.has(k)));
  }
  const one = typeof raw === 'string' ? raw : raw?.length === 1 ? raw[0] : undefined;
  return one !== undefined && choices.includes(one) ? one : undefined;
}

/** The keys a stored ballot stands for (the ticked options of a checklist ballot). */
export function ballotKeys(item: TItem, ballot: string): string[] {
  if (item.type !== 'checklist') return [ballot];
  try {
    const v: unknown = JSON.parse(ballot);
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

/** A poll as people see it. */
export interface TPollView {
  id: string;
  open: boolean;
  item: TItem;
  /** Per choice (per option for a checklist): voters who chose it, and of them how many without an account. */
  choices: { key: string; votes: number; anonymous: number }[];
  /** Everyone who voted, and of them how many without an account. */
  votes: number;
  anonymous: number;
  /** For a checklist: each option's share of voters, the options more than half ticked, the resulting score. */
  checklist: TChecklistPoll | undefined;
  /** The asker's own ballot, as keys (none ticked is an empty list). */
  myChoice: string[] | undefined;
}

/** Who is looking: a member (their vote shown to them), a device without an account, or the room (no one). */
export type TVoter = { userId?: string; device?: string };

/** A poll's counts (shared with the room). */
export async function pollView(ctx: Ctx, inst: TInstrument, poll: { id: string; item_id: string; status: 'open' | 'closed' }, who: TVoter): Promise<TPollView> {
  const item = pollableItem(inst, poll.item_id);
  const db = ctx.db.kysely;
  const [members, devices, mine] = await Promise.all([
    countVotes(db, poll.id),
    countDeviceVotes(db, poll.id),
    who.userId ? findVote(db, poll.id, who.userId) : who.device ? findDeviceVote(db, poll.id, who.device) : Promise.resolve(undefined),
  ]);
  const tally = (counts: Map<string, number>) => {
    const perKey = new Map<string, number>();
    const ballots: string[][] = [];
    for (const [ballot, n] of counts) {
      const keys = ballotKeys(item, ballot);
      for (const k of keys) perKey.set(k, (perKey.get(k) ?? 0) + n);
      for (let i = 0; i < n; i++) ballots.push(keys);
    }
    return { perKey, ballots, voters: ballots.length };
  };
  const m = tally(members);
  const d = tally(devices);
  const choices = pollChoices(item).map((key) => {
    const anonymous = d.perKey.get(key) ?? 0;
    return { key, votes: (m.perKey.get(key) ?? 0) + anonymous, anonymous };
  });
  return {
    id: poll.id,
    open: poll.status === 'open',
    item,
    choices,
    votes: m.voters + d.voters,
    anonymous: d.voters,
    checklist: item.type === 'checklist' ? checklistPoll(item, [...m.ballots, ...d.ballots]) : undefined,
    myChoice: mine === undefined ? undefined : ballotKeys(item, mine),
  };
}
