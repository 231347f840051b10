// Migration 0010: what the country report may show about people. A respondent is named in the report's
// participants annex only with their consent, recorded per assessment on their membership; nobody is
// named by default (existing memberships included).
import type { Kysely, Migration } from 'kysely';

/** The migration (the same builder calls on SQLite and PostgreSQL). */
export function publication(_dialect: 'sqlite' | 'postgres'): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('memberships').addColumn('named_in_report', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  };
}
