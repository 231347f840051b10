// Programme officers (issue 17): an administrator grants a person the right to read the assessments of a set
// of countries — one row per person and country (ISO 3166-1 alpha-3), so a grant or a revocation changes
// rows, never a list packed into one column.
import type { Kysely, Migration } from 'kysely';

/** Migration 0016: the programme_countries table. */
export function programmeMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('programme_countries')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('iso3', 'text', (c) => c.notNull())
        .addColumn('granted_by', 'text', (c) => c.notNull())
        .addColumn('granted_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('programme_countries_pk', ['user_id', 'iso3'])
        .execute();
    },
  };
}
