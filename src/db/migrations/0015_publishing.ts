// Migration 0015: what a published assessment shows the public. One row per publicly published assessment
// (its state is 'published' too): the level the coordinator chose (scores, + answer distributions,
// + comments), the data licence the open-data files carry, and the index with its band as they stood when
// published (the public index lists many assessments without recomputing each). Withdrawing deletes the
// row; both are in the audit log with the level or the reason.
import type { Kysely, Migration } from 'kysely';

/** The publications table (the same builder calls on SQLite and PostgreSQL). */
export function publishingMigration(dialect: 'sqlite' | 'postgres'): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('publications')
        .addColumn('assessment_id', 'text', (c) => c.primaryKey().references('assessments.id').onDelete('cascade'))
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('licence', 'text', (c) => c.notNull())
        .addColumn('index_score', dialect === 'postgres' ? 'double precision' : 'real')
        .addColumn('band', 'text')
        .addColumn('published_by', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
