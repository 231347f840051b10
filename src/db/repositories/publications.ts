// Public publications of assessments (migration 0015): a row exists only while the assessment is publicly
// published; readers also require the assessment's state to be 'published', so a row can never outlive it.
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database, PublicationsTable } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** A publication row. */
export type PublicationRow = Selectable<PublicationsTable>;

/** Records (or replaces) the publication of an assessment. */
export async function upsertPublication(db: Q, row: Insertable<PublicationsTable>): Promise<void> {
  await db.deleteFrom('publications').where('assessment_id', '=', row.assessment_id).execute();
  await db.insertInto('publications').values(row).execute();
}

/** Ends the publication of an assessment. */
export async function deletePublication(db: Q, assessmentId: string): Promise<void> {
  await db.deleteFrom('publications').where('assessment_id', '=', assessmentId).execute();
}

/** The publication of an assessment that is published, if any. */
export async function findPublished(db: Q, assessmentId: string) {
  return db
    .selectFrom('publications')
    .innerJoin('assessments', 'assessments.id', 'publications.assessment_id')
    .select(['publications.assessment_id', 'publications.level', 'publications.licence', 'publications.published_at', 'publications.index_score', 'publications.band'])
    .where('publications.assessment_id', '=', assessmentId)
    .where('assessments.state', '=', 'published')
    .executeTakeFirst();
}

/** The publication row whatever the state (for the coordinator's overview). */
export async function findPublication(db: Q, assessmentId: string): Promise<PublicationRow | undefined> {
  return db.selectFrom('publications').selectAll().where('assessment_id', '=', assessmentId).executeTakeFirst();
}

/** Every publicly published assessment, newest publication first (no one's id or name). */
export async function listPublished(db: Q) {
  return db
    .selectFrom('publications')
    .innerJoin('assessments', 'assessments.id', 'publications.assessment_id')
    .select(['assessments.id', 'assessments.country', 'assessments.scope', 'assessments.cycle_year', 'publications.level', 'publications.licence', 'publications.published_at', 'publications.index_score', 'publications.band'])
    .where('assessments.state', '=', 'published')
    .orderBy('publications.published_at', 'desc')
    .orderBy('assessments.id')
    .execute();
}
