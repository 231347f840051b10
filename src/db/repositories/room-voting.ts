// The room's short code, voting without an account, and the votes of devices (people without an account).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Gives the assessment a room code unless it has one; false when another assessment holds that code. */
export async function claimRoomCode(db: Q, assessmentId: string, code: string): Promise<boolean> {
  const taken = await db.selectFrom('assessments').select('id').where('room_code', '=', code).executeTakeFirst();
  if (taken) return false;
  try {
    await db.updateTable('assessments').set({ room_code: code }).where('id', '=', assessmentId).where('room_code', 'is', null).execute();
    return true;
  } catch {
    // Two rooms drew the same code at the same instant: the unique index let one win.
    return false;
  }
}

/** The assessment a room code belongs to, with its room settings. */
export async function findByRoomCode(db: Q, code: string): Promise<{ id: string; room_open_until: string | null } | undefined> {
  return db.selectFrom('assessments').select(['id', 'room_open_until']).where('room_code', '=', code).executeTakeFirst();
}

/** Sets until when people may vote without an account (null: members only). */
export async function setRoomOpenUntil(db: Q, assessmentId: string, until: string | null): Promise<void> {
  await db.updateTable('assessments').set({ room_open_until: until }).where('id', '=', assessmentId).execute();
}

/** Records or replaces a device's vote. */
export async function upsertDeviceVote(db: Q, pollId: string, device: string, choice: string, at: string): Promise<void> {
  await db
    .insertInto('poll_device_votes')
    .values({ poll_id: pollId, device, choice, voted_at: at })
    .onConflict((oc) => oc.columns(['poll_id', 'device']).doUpdateSet({ choice, voted_at: at }))
    .execute();
}

/** Device vote counts per choice. */
export async function countDeviceVotes(db: Q, pollId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('poll_device_votes').select(['choice', (eb) => eb.fn.countAll<number>().as('n')]).where('poll_id', '=', pollId).groupBy('choice').execute();
  return new Map(rows.map((r) => [r.choice, Number(r.n)]));
}

/** A device's vote in a poll. */
export async function findDeviceVote(db: Q, pollId: string, device: string): Promise<string | undefined> {
  const r = await db.selectFrom('poll_device_votes').select('choice').where('poll_id', '=', pollId).where('device', '=', device).executeTakeFirst();
  return r?.choice;
}
