// Editing after creation: assessment settings, organisations and memberships get a revision counter, so two
// coordinators editing the same thing cannot silently overwrite each other (a stale edit gets 409).
import type { Kysely, Migration } from 'kysely';

type Dialect = 'sqlite' | 'postgres';

/** Adds `revision` to assessments, organisations and memberships. */
export function editingMigration(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<any>) {
      for (const table of ['assessments', 'organisations', 'memberships']) {
        await db.schema.alterTable(table).addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      }
    },
  };
}
