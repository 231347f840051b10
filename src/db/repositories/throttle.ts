// Failed sign-in counters. They live in the database so a limit holds across all app instances.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** The counter row for a key, if any. */
export async function getThrottle(db: Q, key: string) {
  return db.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Writes a counter row (insert or replace). */
export async function putThrottle(
  db: Q,
  row: { key: string; failures: number; window_start: string; locked_until: string | null },
): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet({ failures: row.failures, window_start: row.window_start, locked_until: row.locked_until }))
    .execute();
}

/** Forgets a key's failures (after a successful sign-in). */
export async function clearThrottle(db: Q, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
