// Use case: what the room's short code opens. A signed-in member goes on to the assessment's own poll page;
// anyone else may vote from this page while the facilitator allows voting without an account, each device
// (a random cookie, only its hash stored) holding one vote; otherwise the page says to sign in.
import { findAssessment } from '../../db/repositories/assessments.ts';
import { findByRoomCode } from '../../db/repositories/room-voting.ts';
import { findOpenPoll } from '../../db/repositories/workshop.ts';
import type { TInstrument } from '../../instrument/schema.ts';
import { hashToken } from '../../lib/tokens.ts';
import { instrumentById } from '../instruments/get-instrument.ts';
import { loadAssessment } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { pollView, type TPollView } from './poll-view.ts';
import { normaliseRoomCode } from './room-code.ts';
import { roomOpenToAll } from './set-room-voting.ts';

/** What a room code opens for this visitor. */
export type TCodePoll =
  | { kind: 'member'; assessmentId: string }
  | { kind: 'closed'; code: string }
  | { kind: 'open'; code: string; country: string; year: number; instrument: TInstrument; openUntil: string; poll: TPollView | undefined };

/** The room behind a code (a `not_found` AppError for an unknown one). */
export async function roomByCode(ctx: Ctx, raw: string): Promise<{ id: string; code: string; room_open_until: string | null }> {
  const code = normaliseRoomCode(raw);
  const row = code ? await findByRoomCode(ctx.db.kysely, code) : undefined;
  if (!code || !row) throw new AppError('not_found', 'error.room_code_unknown');
  return { ...row, code };
}

/** Resolves a room code for a visitor (signed in or not) and their device. */
export async function getCodePoll(ctx: Ctx, actor: Actor | undefined, rawCode: string, device: string | undefined): Promise<TCodePoll> {
  const room = await roomByCode(ctx, rawCode);
  if (actor) {
    try {
      await loadAssessment(ctx, actor, room.id, 'poll.vote');
      return { kind: 'member', assessmentId: room.id };
    } catch (e) {
      // Signed in but not a voting member here: treated like anyone else in the room.
      if (!(e instanceof AppError)) throw e;
    }
  }
  if (!roomOpenToAll(ctx, room.room_open_until)) return { kind: 'closed', code: room.code };
  const a = await findAssessment(ctx.db.kysely, room.id);
  if (!a) throw new AppError('not_found', 'error.room_code_unknown');
  const instrument = await instrumentById(ctx, a.instrument_id);
  const poll = await findOpenPoll(ctx.db.kysely, room.id);
  const who = device && device.length <= 100 ? { device: hashToken(device) } : {};
  return { kind: 'open', code: room.code, country: a.country, year: a.cycle_year, instrument, openUntil: room.room_open_until as string, poll: poll ? await pollView(ctx, instrument, poll, who) : undefined };
}
