// Sign-in attempt counters. They live in the database so a limit holds across all app instances, and each
// attempt is counted and decided by one statement (an upsert that returns the new count), so parallel
// attempts — on one instance or many — can never read the same count and all pass.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Counts one attempt under a key and returns the count after it. The count restarts when the key's window
 * (from `windowFloor` on) has passed and it is not locked; reaching `max` locks the key until `lockUntil`.
 * Timestamps are ISO-8601 UTC strings of one length, so text comparison orders them on both databases.
 */
export async function countAttempt(
  db: Q,
  a: { key: string; max: number; now: string; windowFloor: string; lockUntil: string },
): Promise<{ failures: number; lockedUntil: string | null }> {
  // "Current" = the window is still open or the key is still locked: then count on, else start afresh.
  const current = sql<boolean>`(login_throttle.window_start > ${a.windowFloor} or coalesce(login_throttle.locked_until, '') > ${a.now})`;
  const next = sql<number>`(case when ${current} then login_throttle.failures + 1 else 1 end)`;
  const row = await db
    .insertInto('login_throttle')
    .values({ key: a.key, failures: 1, window_start: a.now, locked_until: a.max <= 1 ? a.lockUntil : null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: next,
        window_start: sql<string>`(case when ${current} then login_throttle.window_start else ${a.now} end)`,
        locked_until: sql<string | null>`(case when ${next} = ${a.max} then ${a.lockUntil} when coalesce(login_throttle.locked_until, '') > ${a.now} then login_throttle.locked_until else null end)`,
      }),
    )
    .returning(['failures', 'locked_until'])
    .executeTakeFirstOrThrow();
  return { failures: Number(row.failures), lockedUntil: row.locked_until };
}

/** Gives back one counted attempt (a sign-in that turned out right is not a failure). */
export async function uncountAttempt(db: Q, key: string): Promise<void> {
  await db.updateTable('login_throttle').set({ failures: sql<number>`failures - 1` }).where('key', '=', key).where('failures', '>', 0).execute();
}

/** Forgets a key's attempts (after a successful sign-in). */
export async function clearThrottle(db: Q, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
