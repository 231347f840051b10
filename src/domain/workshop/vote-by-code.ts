// Use case: someone without an account votes from the room code's page, while the facilitator allows it.
// One vote per device per poll (changing it replaces it); votes are counted per client address in the
// database (the sign-in throttle's counters), so one machine cannot stuff the poll by clearing its cookie in a loop.
import { z } from 'zod';
import { findAssessment } from '../../db/repositories/assessments.ts';
import { upsertDeviceVote } from '../../db/repositories/room-voting.ts';
import { countAttempt } from '../../db/repositories/throttle.ts';
import { findOpenPoll } from '../../db/repositories/workshop.ts';
import { hashToken } from '../../lib/tokens.ts';
import { instrumentById } from '../instruments/get-instrument.ts';
import type { Ctx, RequestMeta } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { announce } from '../kernel/live.ts';
import { parseInput } from '../kernel/validate.ts';
import { roomByCode } from './get-code-poll.ts';
import { ballotOf, pollableItem } from './poll-view.ts';
import { roomOpenToAll } from './set-room-voting.ts';

const ZBallot = z.object({ pollId: z.string().max(64), choice: z.union([z.string().max(40), z.array(z.string().max(40)).max(50)]).optional() });

/** Counts a vote against the client address (the sign-in counters' table and window); throws once over the allowance. */
async function countVote(ctx: Ctx, ip: string): Promise<void> {
  const now = ctx.now().getTime();
  const lockMs = ctx.config.loginLockMs;
  const max = ctx.config.pollVotesPerAddress;
  const r = await countAttempt(ctx.db.kysely, { key: `poll-ip:${ip}`, max, now: new Date(now).toISOString(), windowFloor: new Date(now - lockMs).toISOString(), lockUntil: new Date(now + lockMs).toISOString() });
  if (r.failures > max) {
    const until = r.lockedUntil ? Date.parse(r.lockedUntil) : now + lockMs;
    throw new AppError('throttled', 'error.votes_throttled', { minutes: Math.max(1, Math.ceil((until - now) / 60_000)) });
  }
}

/** Records (or changes) the device's vote in the room's open poll. */
export async function voteByCode(ctx: Ctx, rawCode: string, device: string, input: unknown, meta: RequestMeta): Promise<void> {
  const room = await roomByCode(ctx, rawCode);
  if (!roomOpenToAll(ctx, room.room_open_until)) throw new AppError('forbidden', 'error.room_voting_closed');
  if (!device || device.length > 100) throw new AppError('invalid_input', 'error.bad_request');
  const { pollId, choice } = parseInput(ZBallot, input);
  if (meta.ip) await countVote(ctx, meta.ip);
  const poll = await findOpenPoll(ctx.db.kysely, room.id);
  if (!poll || poll.id !== pollId) throw new AppError('conflict', 'error.poll_closed');
  const a = await findAssessment(ctx.db.kysely, room.id);
  if (!a) throw new AppError('not_found', 'error.room_code_unknown');
  const item = pollableItem(await instrumentById(ctx, a.instrument_id), poll.item_id);
  const ballot = ballotOf(item, choice);
  if (ballot === undefined) throw new AppError('invalid_input', 'error.form_invalid', {}, { choice: 'error.choice_required' });
  await upsertDeviceVote(ctx.db.kysely, poll.id, hashToken(device), ballot, ctx.now().toISOString());
  await announce(ctx, room.id, 'poll');
}
