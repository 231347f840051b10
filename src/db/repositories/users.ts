// Users and their sessions. Rows are mapped to plain objects with real booleans here, at the boundary.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, UsersTable } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** A user as the domain sees it. */
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  isAdmin: boolean;
  isCoordinator: boolean;
  locale: string | null;
  disabled: boolean;
  createdAt: string;
}

function toUser(r: Selectable<UsersTable>): UserRecord {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    passwordHash: r.password_hash,
    isAdmin: r.is_admin === 1,
    isCoordinator: r.is_coordinator === 1,
    locale: r.locale,
    disabled: r.disabled === 1,
    createdAt: r.created_at,
  };
}

/** Normalises an e-mail address for storage and lookup. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Finds a user by e-mail (case-insensitive). */
export async function findUserByEmail(db: Q, email: string): Promise<UserRecord | undefined> {
  const r = await db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
  return r && toUser(r);
}

/** Finds a user by id. */
export async function findUserById(db: Q, id: string): Promise<UserRecord | undefined> {
  const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toUser(r);
}

/** Inserts a user. */
export async function insertUser(db: Q, u: UserRecord): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: u.id,
      email: normaliseEmail(u.email),
      name: u.name,
      password_hash: u.passwordHash,
      is_admin: u.isAdmin ? 1 : 0,
      is_coordinator: u.isCoordinator ? 1 : 0,
      locale: u.locale,
      disabled: u.disabled ? 1 : 0,
      created_at: u.createdAt,
    })
    .execute();
}

/** Whether any active administrator exists. */
export async function hasAdmin(db: Q): Promise<boolean> {
  const r = await db
    .selectFrom('users')
    .select('id')
    .where('is_admin', '=', 1)
    .where('disabled', '=', 0)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/** All users, ordered by name. */
export async function listUsers(db: Q): Promise<UserRecord[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('name').orderBy('email').execute();
  return rows.map(toUser);
}

/** Sets a user's password hash. */
export async function setPasswordHash(db: Q, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/** Sets a user's preferred language. */
export async function setUserLocale(db: Q, userId: string, locale: string): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}
