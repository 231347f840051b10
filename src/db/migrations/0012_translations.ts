// Translations as a workflow: a review status per translated string (UI catalog or instrument text), who may
// translate or review which language, and the sign-off that publishes an instrument language as approved.
import type { Kysely, Migration } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/** Migration 0012: translation review status, translator rights and language releases. */
export function translationsMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      // One row per reviewed string; a string without a row has the shipped status (the instrument
      // language's, or draft for UI strings). `source_hash` is the English text's hash when the status was
      // set: when English changes, the status no longer applies and the string needs review again.
      // `scope` is "ui" or "<instrument key>@<version>".
      await db.schema
        .createTable('translation_status')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('string_key', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('source_hash', 'text', (c) => c.notNull())
        .addColumn('reviewed_by', 'text', (c) => c.notNull())
        .addColumn('reviewed_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('translation_status_pk', ['scope', 'lang', 'string_key'])
        .execute();
      // Translator (edits, suggests) or reviewer (also reviews and approves) rights per language.
      await db.schema
        .createTable('translator_rights')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('granted_by', 'text', (c) => c.notNull())
        .addColumn('granted_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('translator_rights_pk', ['user_id', 'lang'])
        .execute();
      // An instrument language signed off as approved (allowed only when every text of it is approved).
      await db.schema
        .createTable('translation_releases')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('released_by', 'text', (c) => c.notNull())
        .addColumn('released_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('translation_releases_pk', ['scope', 'lang'])
        .execute();
    },
  };
}
