// Translation review statuses, translator rights and language releases.
import type { Kysely, Transaction } from 'kysely';
import type { Database, TranslationStatusTable, TranslatorRightsTable } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** The stored statuses of one scope and language. */
export async function listStatuses(db: Q, scope: string, lang: string): Promise<TranslationStatusTable[]> {
  return db.selectFrom('translation_status').selectAll().where('scope', '=', scope).where('lang', '=', lang).execute();
}

/** Sets the status of strings (insert or replace), in the caller's transaction. */
export async function upsertStatuses(db: Q, rows: TranslationStatusTable[]): Promise<void> {
  for (const r of rows) {
    await db
      .insertInto('translation_status')
      .values(r)
      .onConflict((oc) => oc.columns(['scope', 'lang', 'string_key']).doUpdateSet({ status: r.status, source_hash: r.source_hash, reviewed_by: r.reviewed_by, reviewed_at: r.reviewed_at }))
      .execute();
  }
}

/** A person's translator role for a language, if any. */
export async function findRight(db: Q, userId: string, lang: string): Promise<TranslatorRightsTable | undefined> {
  return db.selectFrom('translator_rights').selectAll().where('user_id', '=', userId).where('lang', '=', lang).executeTakeFirst();
}

/** Every granted right with the person's name and e-mail. */
export async function listRights(db: Q): Promise<(TranslatorRightsTable & { name: string; email: string })[]> {
  return db.selectFrom('translator_rights').innerJoin('users', 'users.id', 'translator_rights.user_id').selectAll('translator_rights').select(['users.name', 'users.email']).orderBy('translator_rights.lang').orderBy('users.name').execute();
}

/** Grants (or changes) a right. */
export async function upsertRight(db: Q, r: TranslatorRightsTable): Promise<void> {
  await db.insertInto('translator_rights').values(r).onConflict((oc) => oc.columns(['user_id', 'lang']).doUpdateSet({ role: r.role, granted_by: r.granted_by, granted_at: r.granted_at })).execute();
}

/** Removes a right. */
export async function deleteRight(db: Q, userId: string, lang: string): Promise<void> {
  await db.deleteFrom('translator_rights').where('user_id', '=', userId).where('lang', '=', lang).execute();
}

/** When a language of a scope was signed off as approved, if it was. */
export async function findRelease(db: Q, scope: string, lang: string): Promise<{ released_by: string; released_at: string } | undefined> {
  return db.selectFrom('translation_releases').select(['released_by', 'released_at']).where('scope', '=', scope).where('lang', '=', lang).executeTakeFirst();
}

/** Records a language sign-off. */
export async function insertRelease(db: Q, r: { scope: string; lang: string; released_by: string; released_at: string }): Promise<void> {
  await db.insertInto('translation_releases').values(r).onConflict((oc) => oc.columns(['scope', 'lang']).doUpdateSet({ released_by: r.released_by, released_at: r.released_at })).execute();
}
