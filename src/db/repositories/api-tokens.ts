// Personal API tokens: rows keyed by the SHA-256 of the secret; the owner's account comes along on lookup
// so one query authenticates a request.
import { sql, type Kysely, type Transaction, type Insertable, type Selectable } from 'kysely';
import type { ApiTokensTable, Database } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** A token row as the domain sees it (counts as numbers on both databases). */
export type TApiTokenRow = Omit<Selectable<ApiTokensTable>, 'use_count'> & { use_count: number };

const norm = <T extends { use_count: unknown }>(r: T) => ({ ...r, use_count: Number(r.use_count) });

/** Stores a new token. */
export async function insertApiToken(db: Q, row: Insertable<ApiTokensTable>): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

/** A user's tokens, newest first (with the assessment's country and year when scoped to one). */
export async function listApiTokens(db: Q, userId: string) {
  const rows = await db
    .selectFrom('api_tokens')
    .leftJoin('assessments', 'assessments.id', 'api_tokens.assessment_id')
    .selectAll('api_tokens')
    .select(['assessments.country as country', 'assessments.cycle_year as cycle_year'])
    .where('api_tokens.user_id', '=', userId)
    .orderBy('api_tokens.created_at', 'desc')
    .execute();
  return rows.map(norm);
}

/** The token with this hash and its owner's account, if any. */
export async function findApiTokenByHash(db: Q, hash: string) {
  const r = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('api_tokens')
    .select(['users.email', 'users.name as user_name', 'users.is_admin', 'users.is_coordinator', 'users.locale', 'users.disabled'])
    .where('api_tokens.token_hash', '=', hash)
    .executeTakeFirst();
  return r && norm(r);
}

/** Marks a token revoked (only the owner's, only once); returns whether it was. */
export async function revokeApiToken(db: Q, userId: string, id: string, at: string): Promise<boolean> {
  const r = await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Revokes every token of a person still in force; returns how many. */
export async function revokeAllApiTokens(db: Q, userId: string, at: string): Promise<number> {
  const r = await db.updateTable('api_tokens').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Records one use of a token: when, from where, and how many in all. */
export async function touchApiToken(db: Q, id: string, at: string, ip: string | null): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at, last_used_ip: ip, use_count: sql<number>`use_count + 1` }).where('id', '=', id).execute();
}
