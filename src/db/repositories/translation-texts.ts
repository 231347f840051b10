// Workbench texts of translated strings: the current text, its revisions and reviewers' suggestions.
import type { Kysely, Transaction } from 'kysely';
import type { Database, TranslationRevisionsTable, TranslationSuggestionsTable, TranslationTextsTable } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** The edited texts of one scope and language. */
export async function listTexts(db: Q, scope: string, lang: string): Promise<TranslationTextsTable[]> {
  return db.selectFrom('translation_texts').selectAll().where('scope', '=', scope).where('lang', '=', lang).execute();
}

/** Every edited text of a scope in every language (the UI overrides). */
export async function listScopeTexts(db: Q, scope: string): Promise<TranslationTextsTable[]> {
  return db.selectFrom('translation_texts').selectAll().where('scope', '=', scope).execute();
}

/** The edited text of one string, if any. */
export async function findText(db: Q, scope: string, lang: string, key: string): Promise<TranslationTextsTable | undefined> {
  return db.selectFrom('translation_texts').selectAll().where('scope', '=', scope).where('lang', '=', lang).where('string_key', '=', key).executeTakeFirst();
}

/**
 * Saves a text at `row.revision` only if the stored one is at `row.revision - 1` (none stored counts as 0);
 * false when someone saved in between.
 */
export async function saveTextAt(db: Q, row: TranslationTextsTable): Promise<boolean> {
  if (row.revision === 1) {
    const r = await db.insertInto('translation_texts').values(row).onConflict((oc) => oc.columns(['scope', 'lang', 'string_key']).doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await db
    .updateTable('translation_texts')
    .set({ text: row.text, revision: row.revision, edited_by: row.edited_by, edited_at: row.edited_at })
    .where('scope', '=', row.scope)
    .where('lang', '=', row.lang)
    .where('string_key', '=', row.string_key)
    .where('revision', '=', row.revision - 1)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Appends a revision to the history. */
export async function insertRevision(db: Q, row: TranslationRevisionsTable): Promise<void> {
  await db.insertInto('translation_revisions').values(row).execute();
}

/** The history of one string, newest first, with the editors' names. */
export async function listRevisions(db: Q, scope: string, lang: string, key: string): Promise<(TranslationRevisionsTable & { editor: string | null })[]> {
  return db
    .selectFrom('translation_revisions')
    .leftJoin('users', 'users.id', 'translation_revisions.edited_by')
    .selectAll('translation_revisions')
    .select('users.name as editor')
    .where('scope', '=', scope)
    .where('lang', '=', lang)
    .where('string_key', '=', key)
    .orderBy('revision', 'desc')
    .execute();
}

/** Stores a suggestion. */
export async function insertSuggestion(db: Q, row: TranslationSuggestionsTable): Promise<void> {
  await db.insertInto('translation_suggestions').values(row).execute();
}

/** One suggestion. */
export async function findSuggestion(db: Q, id: string): Promise<TranslationSuggestionsTable | undefined> {
  return db.selectFrom('translation_suggestions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Closes an open suggestion; false when it was already decided. */
export async function decideSuggestion(db: Q, id: string, state: 'accepted' | 'rejected', by: string, at: string): Promise<boolean> {
  const r = await db.updateTable('translation_suggestions').set({ state, decided_by: by, decided_at: at }).where('id', '=', id).where('state', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The suggestions of one string, newest first, with names. */
export async function listSuggestions(db: Q, scope: string, lang: string, key: string): Promise<(TranslationSuggestionsTable & { suggester: string | null })[]> {
  return db
    .selectFrom('translation_suggestions')
    .leftJoin('users', 'users.id', 'translation_suggestions.suggested_by')
    .selectAll('translation_suggestions')
    .select('users.name as suggester')
    .where('scope', '=', scope)
    .where('lang', '=', lang)
    .where('string_key', '=', key)
    .orderBy('suggested_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** How many open suggestions each string of a scope and language has. */
export async function countOpenSuggestions(db: Q, scope: string, lang: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('translation_suggestions')
    .select(['string_key', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('scope', '=', scope)
    .where('lang', '=', lang)
    .where('state', '=', 'open')
    .groupBy('string_key')
    .execute();
  return new Map(rows.map((r) => [r.string_key, Number(r.n)]));
}
