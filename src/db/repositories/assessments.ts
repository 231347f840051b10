// Assessments, their organisations and memberships.
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { prepared } from '../prepared.ts';
import type { AssessmentsTable, Database, MembershipsTable, OrganisationsTable } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** An assessment row. */
export type AssessmentRow = Selectable<AssessmentsTable>;

/** Inserts an assessment. */
export async function insertAssessment(db: Q, row: Insertable<AssessmentsTable>): Promise<void> {
  await db.insertInto('assessments').values(row).execute();
}

/** One assessment by id. */
export async function findAssessment(db: Q, id: string): Promise<AssessmentRow | undefined> {
  return db.selectFrom('assessments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Assessments a user belongs to (all of them for `all`), newest first, with the user's role. */
export async function listAssessmentsFor(db: Q, userId: string, all: boolean) {
  let q = db
    .selectFrom('assessments')
    .leftJoin('memberships', (j) => j.onRef('memberships.assessment_id', '=', 'assessments.id').on('memberships.user_id', '=', userId))
    .select(['assessments.id', 'assessments.country', 'assessments.scope', 'assessments.cycle_year', 'assessments.state', 'assessments.deadline', 'assessments.created_at', 'memberships.role']);
  if (!all) q = q.where('memberships.user_id', '=', userId);
  return q.orderBy('assessments.created_at', 'desc').execute();
}

/** Sets an assessment's state. */
/**
 * Moves an assessment from one state to another; false when it is no longer in `from` (someone else changed
 * it since it was read), so two conflicting changes cannot both succeed.
 */
export async function setAssessmentState(db: Q, id: string, from: AssessmentsTable['state'], state: AssessmentsTable['state'], at: string): Promise<boolean> {
  const r = await db.updateTable('assessments').set({ state, updated_at: at }).where('id', '=', id).where('state', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A user's membership in an assessment. */
export async function findMembership(db: Q, assessmentId: string, userId: string): Promise<Selectable<MembershipsTable> | undefined> {
  return db.selectFrom('memberships').selectAll().where('assessment_id', '=', assessmentId).where('user_id', '=', userId).executeTakeFirst();
}

/** The memberships of several people in one assessment (absent people have none). */
export async function findMemberships(db: Q, assessmentId: string, userIds: readonly string[]): Promise<Selectable<MembershipsTable>[]> {
  return userIds.length ? db.selectFrom('memberships').selectAll().where('assessment_id', '=', assessmentId).where('user_id', 'in', userIds).execute() : [];
}

/** Adds a membership (no-op when the person already has one). */
export async function insertMembership(db: Q, row: Insertable<MembershipsTable>): Promise<boolean> {
  const r = await db.insertInto('memberships').values(row).onConflict((oc) => oc.columns(['assessment_id', 'user_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Organisations of an assessment, by name. */
export async function listOrganisations(db: Q, assessmentId: string): Promise<Selectable<OrganisationsTable>[]> {
  return db.selectFrom('organisations').selectAll().where('assessment_id', '=', assessmentId).orderBy('name').execute();
}

/** Inserts an organisation. */
export async function insertOrganisation(db: Q, row: Insertable<OrganisationsTable>): Promise<void> {
  await db.insertInto('organisations').values(row).execute();
}

/** Members with user and organisation details. */
export async function listMembers(db: Q, assessmentId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .leftJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .leftJoin('responses', (j) => j.onRef('responses.assessment_id', '=', 'memberships.assessment_id').onRef('responses.user_id', '=', 'memberships.user_id'))
    .select([
      'memberships.user_id as userId',
      'memberships.role as role',
      'memberships.named_in_report as namedInReport',
      'users.name as name',
      'users.email as email',
      'users.locale as locale',
      'memberships.organisation_id as organisationId',
      'organisations.name as organisation',
      'organisations.group_code as groupCode',
      'responses.status as responseStatus',
      'responses.updated_at as lastActive',
      'responses.submitted_at as submittedAt',
    ])
    .where('memberships.assessment_id', '=', assessmentId)
    .orderBy('users.name')
    .execute();
}

const assessmentWithMembership = prepared(2, (db, id, userId) =>
  db
    .selectFrom('assessments')
    .leftJoin('memberships', (j) => j.onRef('memberships.assessment_id', '=', 'assessments.id').on('memberships.user_id', '=', userId as string))
    .selectAll('assessments')
    .select(['memberships.role as member_role', 'memberships.organisation_id as member_organisation'])
    .where('assessments.id', '=', id as string),
);

/** An assessment with the user's membership in it, in one query (the hot path of every answer save: prepared once). */
export async function findAssessmentWithMembership(db: Q, id: string, userId: string) {
  return (await assessmentWithMembership(db, id, userId))[0];
}

/** Sets whether the workshop shows respondents' names. */
export async function setAnonymise(db: Q, id: string, anonymise: boolean, at: string): Promise<void> {
  await db.updateTable('assessments').set({ anonymise: anonymise ? 1 : 0, updated_at: at }).where('id', '=', id).execute();
}

/** The latest validated or published assessment of the same country and scope from an earlier cycle. */
export async function findPreviousCycle(db: Q, a: Pick<AssessmentRow, 'id' | 'country' | 'scope' | 'cycle_year'>): Promise<AssessmentRow | undefined> {
  let q = db
    .selectFrom('assessments')
    .selectAll()
    .where('country', '=', a.country)
    .where('cycle_year', '<', a.cycle_year)
    .where('id', '!=', a.id)
    .where('state', 'in', ['validated', 'published']);
  q = a.scope === null ? q.where('scope', 'is', null) : q.where('scope', '=', a.scope);
  return q.orderBy('cycle_year', 'desc').orderBy('created_at', 'desc').executeTakeFirst();
}

/** Published assessments of every country (newest cycle first), for comparisons across countries. */
export async function listPublishedAssessments(db: Q): Promise<AssessmentRow[]> {
  return db.selectFrom('assessments').selectAll().where('state', '=', 'published').orderBy('cycle_year', 'desc').orderBy('created_at', 'desc').execute();
}

/** A country's assessments of one scope, oldest cycle first. */
export async function listCountryCycles(db: Q, country: string, scope: string | null): Promise<AssessmentRow[]> {
  let q = db.selectFrom('assessments').selectAll().where('country', '=', country);
  q = scope === null ? q.where('scope', 'is', null) : q.where('scope', '=', scope);
  return q.orderBy('cycle_year').orderBy('created_at').execute();
}

/** Whether any assessment of this country exists (the demo country is offered only where the demo is). */
export async function hasAssessmentOf(db: Q, country: string): Promise<boolean> {
  return (await db.selectFrom('assessments').select('id').where('country', '=', country).limit(1).executeTakeFirst()) !== undefined;
}
