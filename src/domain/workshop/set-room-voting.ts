// Use case: the facilitator lets people in the room vote without an account (for the room's duration: until
// they stop it, or at most ROOM_OPEN_HOURS), or stops it. Members vote as before either way.
import { z } from 'zod';
import { setRoomOpenUntil } from '../../db/repositories/room-voting.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { announce } from '../kernel/live.ts';
import { parseInput } from '../kernel/validate.ts';

/** The longest a room stays open to votes without an account: a workshop day. */
export const ROOM_OPEN_HOURS = 12;

const ZRoomVoting = z.object({ open: z.enum(['0', '1'], { error: 'error.bad_request' }) });

/** Opens or stops voting without an account; returns until when it is open (null when stopped). */
export async function setRoomVoting(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<string | null> {
  const { assessment, actor: me } = await loadAssessment(ctx, actor, assessmentId, 'workshop.run');
  const open = parseInput(ZRoomVoting, input).open === '1';
  const now = ctx.now();
  const until = open ? new Date(now.getTime() + ROOM_OPEN_HOURS * 3_600_000).toISOString() : null;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await setRoomOpenUntil(trx, assessment.id, until);
    await audit(trx, { at: now.toISOString(), actorId: me.id, action: 'room.voting', entityType: 'assessment', entityId: assessment.id, before: { openUntil: assessment.room_open_until }, after: { openUntil: until } });
  });
  await announce(ctx, assessmentId, 'poll');
  return until;
}

/** Whether people without an account may vote now. */
export function roomOpenToAll(ctx: Ctx, openUntil: string | null): boolean {
  return openUntil !== null && Date.parse(openUntil) > ctx.now().getTime();
}
