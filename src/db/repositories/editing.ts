// Editing an assessment after creation: its settings, its organisations and its members. Every update is a
// compare-and-set on the row's revision (true when it applied), so a stale form never overwrites a newer one.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, MembershipsTable, OrganisationsTable } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** Sets deadline and target if the assessment is still at `revision`. */
export async function updateAssessmentSettings(db: Q, id: string, revision: number, set: { deadline: string | null; target_index: number | null }, at: string): Promise<boolean> {
  const r = await db
    .updateTable('assessments')
    .set((eb) => ({ ...set, updated_at: at, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** One organisation of an assessment. */
export async function findOrganisation(db: Q, assessmentId: string, id: string): Promise<Selectable<OrganisationsTable> | undefined> {
  return db.selectFrom('organisations').selectAll().where('assessment_id', '=', assessmentId).where('id', '=', id).executeTakeFirst();
}

/** Renames an organisation or changes its group if it is still at `revision`. */
export async function updateOrganisation(db: Q, id: string, revision: number, set: { name: string; group_code: string }): Promise<boolean> {
  const r = await db
    .updateTable('organisations')
    .set((eb) => ({ ...set, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** How many members and open (unused, unrevoked) invitations an organisation still has. */
export async function countOrganisationPeople(db: Q, id: string): Promise<{ members: number; invitations: number }> {
  const [m, i] = await Promise.all([
    db.selectFrom('memberships').select((eb) => eb.fn.countAll<string | number>().as('n')).where('organisation_id', '=', id).executeTakeFirstOrThrow(),
    db.selectFrom('invitations').select((eb) => eb.fn.countAll<string | number>().as('n')).where('organisation_id', '=', id).where('used_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirstOrThrow(),
  ]);
  return { members: Number(m.n), invitations: Number(i.n) };
}

/** Deletes an organisation if it is still at `revision`. */
export async function deleteOrganisation(db: Q, id: string, revision: number): Promise<boolean> {
  const r = await db.deleteFrom('organisations').where('id', '=', id).where('revision', '=', revision).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Changes a member's role and organisation if the membership is still at `revision`. */
export async function updateMembership(db: Q, id: string, revision: number, set: { role: MembershipsTable['role']; organisation_id: string | null }): Promise<boolean> {
  const r = await db
    .updateTable('memberships')
    .set((eb) => ({ ...set, revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** How many coordinators an assessment has. */
export async function countCoordinators(db: Q, assessmentId: string): Promise<number> {
  const r = await db.selectFrom('memberships').select((eb) => eb.fn.countAll<string | number>().as('n')).where('assessment_id', '=', assessmentId).where('role', '=', 'coordinator').executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Removes a member and what they said in this assessment (answers, evidence records, questionnaire status)
 * if the membership is still at `revision`. Their uploaded documents stay stored: the audit entry names them.
 */
export async function deleteMembership(db: Q, m: Pick<Selectable<MembershipsTable>, 'id' | 'assessment_id' | 'user_id'>, revision: number): Promise<boolean> {
  const r = await db.deleteFrom('memberships').where('id', '=', m.id).where('revision', '=', revision).executeTakeFirst();
  if (Number(r.numDeletedRows) !== 1) return false;
  for (const table of ['answers', 'evidence', 'responses'] as const) {
    await db.deleteFrom(table).where('assessment_id', '=', m.assessment_id).where('user_id', '=', m.user_id).execute();
  }
  return true;
}
