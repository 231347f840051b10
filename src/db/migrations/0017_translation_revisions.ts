// Translations edited in the workbench: the current edited text of a string (which overrides the bundled UI
// catalog at run time, and the stored instrument version's text in the workbench and its exports), every
// revision of it (who, when, old → new), and reviewers' suggestions waiting to be accepted or rejected.
import type { Kysely, Migration } from 'kysely';

/** Migration 0017: translation texts, revisions and suggestions. */
export function translationRevisionsMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      // One row per edited string. `revision` counts saves (0 = the shipped text, no row): a save names the
      // revision it started from and is refused with 409 when someone saved in between.
      await db.schema
        .createTable('translation_texts')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('string_key', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('edited_by', 'text', (c) => c.notNull())
        .addColumn('edited_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('translation_texts_pk', ['scope', 'lang', 'string_key'])
        .execute();
      // The history: one row per save, an accepted suggestion included; never updated or deleted.
      await db.schema
        .createTable('translation_revisions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('string_key', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('old_text', 'text')
        .addColumn('new_text', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('edited_by', 'text', (c) => c.notNull())
        .addColumn('edited_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('translation_revisions_string').on('translation_revisions').columns(['scope', 'lang', 'string_key', 'revision']).unique().execute();
      // A reviewer's proposed text: open until accepted (it becomes a revision) or rejected (kept here).
      await db.schema
        .createTable('translation_suggestions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('string_key', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('suggested_by', 'text', (c) => c.notNull())
        .addColumn('suggested_at', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'text')
        .addColumn('decided_at', 'text')
        .execute();
      await db.schema.createIndex('translation_suggestions_string').on('translation_suggestions').columns(['scope', 'lang', 'string_key']).execute();
    },
  };
}
