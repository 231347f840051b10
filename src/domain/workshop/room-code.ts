// The room's short code: six characters from an alphabet without look-alikes (no 0/O, 1/I/L), so it can be
// read off a projector and typed on a phone. 31⁶ ≈ 890 million codes; a clash with another room draws again.
import { randomInt } from 'node:crypto';
import { claimRoomCode } from '../../db/repositories/room-voting.ts';
import type { Ctx } from '../kernel/context.ts';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 6;

/** A code as typed: upper case, spaces and dashes dropped; undefined when it cannot be a room code. */
export function normaliseRoomCode(raw: string): string | undefined {
  const code = raw.toUpperCase().replace(/[\s-]/g, '');
  return code.length === LENGTH && [...code].every((ch) => ALPHABET.includes(ch)) ? code : undefined;
}

/** The assessment's room code, made on first use. */
export async function ensureRoomCode(ctx: Ctx, assessment: { id: string; room_code: string | null }): Promise<string> {
  if (assessment.room_code) return assessment.room_code;
  for (;;) {
    const code = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    if (await claimRoomCode(ctx.db.kysely, assessment.id, code)) {
      // Another request may have given the room its code first: the stored one wins.
      const row = await ctx.db.kysely.selectFrom('assessments').select('room_code').where('id', '=', assessment.id).executeTakeFirstOrThrow();
      return row.room_code ?? code;
    }
  }
}
