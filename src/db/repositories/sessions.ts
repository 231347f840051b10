// Sessions and one-time tokens, keyed by the SHA-256 of the secret the browser or link holds.
import type { Kysely, Transaction } from 'kysely';
import { prepared } from '../prepared.ts';
import type { AuthTokensTable, Database, SessionsTable } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Inserts a session row. */
export async function insertSession(db: Q, s: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(s).execute();
}

// A session joined with its user: what deciding whether it is still valid, and who it is, needs.
const sessionQuery = (db: Q) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as id',
      'sessions.user_id as userId',
      'sessions.created_at as createdAt',
      'sessions.last_seen_at as lastSeenAt',
      'sessions.expires_at as expiresAt',
      'users.email as email',
      'users.name as name',
      'users.is_admin as isAdmin',
      'users.is_coordinator as isCoordinator',
      'users.locale as locale',
      'users.disabled as disabled',
      // Whether the person holds programme officer rights (for the navigation and the programme view); the
      // countries themselves are read only where they matter.
      (eb) => eb.exists(eb.selectFrom('programme_countries').select('programme_countries.iso3').whereRef('programme_countries.user_id', '=', 'users.id')).as('isProgrammeOfficer'),
    ]);

const sessionById = prepared(1, (db, id) => sessionQuery(db).where('sessions.id', '=', id as string));

/** A session joined with its user, or undefined (every request asks: prepared once). */
export async function findSession(db: Q, id: string) {
  return (await sessionById(db, id))[0];
}

/** Several sessions joined with their users, by id (the open room streams of a workshop, checked together). */
export async function findSessions(db: Q, ids: readonly string[]) {
  return ids.length ? sessionQuery(db).where('sessions.id', 'in', ids).execute() : [];
}

/** Records activity on a session. */
export async function touchSession(db: Q, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

/** Deletes one session. */
export async function deleteSession(db: Q, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Deletes every session of a user (after a password change). */
export async function deleteUserSessions(db: Q, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

/** Inserts a one-time token. */
export async function insertAuthToken(db: Q, t: AuthTokensTable): Promise<void> {
  await db.insertInto('auth_tokens').values(t).execute();
}

/** Finds a one-time token of a kind by its hash. */
export async function findAuthToken(db: Q, id: string, kind: AuthTokensTable['kind']) {
  return db.selectFrom('auth_tokens').selectAll().where('id', '=', id).where('kind', '=', kind).executeTakeFirst();
}

/**
 * Marks a token used if it still is unused; returns false when another request used it first, so a link
 * can never be redeemed twice even by two requests racing on two app instances.
 */
export async function consumeAuthToken(db: Q, id: string, at: string): Promise<boolean> {
  const r = await db.updateTable('auth_tokens').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Expires every unused token of a kind (for a user, or all setup tokens). */
export async function revokeUnusedTokens(db: Q, kind: AuthTokensTable['kind'], at: string, userId?: string): Promise<void> {
  let q = db.updateTable('auth_tokens').set({ expires_at: at }).where('kind', '=', kind).where('used_at', 'is', null).where('expires_at', '>', at);
  if (userId) q = q.where('user_id', '=', userId);
  await q.execute();
}
