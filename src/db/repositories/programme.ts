// Programme officers' countries, and the counts the programme view reads for many assessments at once.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** The countries (alpha-3) a person is programme officer for, sorted. */
export async function listProgrammeCountries(db: Q, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('programme_countries').select('iso3').where('user_id', '=', userId).orderBy('iso3').execute();
  return rows.map((r) => r.iso3);
}

/** Whether a person is programme officer for a country. */
export async function isProgrammeCountry(db: Q, userId: string, iso3: string): Promise<boolean> {
  return (await db.selectFrom('programme_countries').select('iso3').where('user_id', '=', userId).where('iso3', '=', iso3).executeTakeFirst()) !== undefined;
}

/** Every grant with the person's name and e-mail, by person then country. */
export async function listProgrammeGrants(db: Q) {
  return db
    .selectFrom('programme_countries')
    .innerJoin('users', 'users.id', 'programme_countries.user_id')
    .select(['programme_countries.user_id as userId', 'programme_countries.iso3 as iso3', 'programme_countries.granted_at as grantedAt', 'users.name as name', 'users.email as email'])
    .orderBy('users.name')
    .orderBy('users.email')
    .orderBy('programme_countries.iso3')
    .execute();
}

/** Adds countries to a person's grant (those already granted keep their first grant). */
export async function insertProgrammeCountries(db: Q, userId: string, iso3s: readonly string[], by: string, at: string): Promise<void> {
  if (iso3s.length === 0) return;
  await db
    .insertInto('programme_countries')
    .values(iso3s.map((iso3) => ({ user_id: userId, iso3, granted_by: by, granted_at: at })))
    .onConflict((oc) => oc.columns(['user_id', 'iso3']).doNothing())
    .execute();
}

/** Removes countries from a person's grant. */
export async function deleteProgrammeCountries(db: Q, userId: string, iso3s: readonly string[]): Promise<void> {
  if (iso3s.length === 0) return;
  await db.deleteFrom('programme_countries').where('user_id', '=', userId).where('iso3', 'in', [...iso3s]).execute();
}

/** Assessments of the given countries, newest first. */
export async function listAssessmentsOfCountries(db: Q, iso3s: readonly string[]) {
  if (iso3s.length === 0) return [];
  return db.selectFrom('assessments').select(['id', 'country', 'cycle_year', 'state']).where('country', 'in', [...iso3s]).orderBy('created_at', 'desc').execute();
}

/** Respondents (members with the respondent role) per assessment. */
export async function countRespondents(db: Q, assessmentIds: readonly string[]): Promise<Map<string, number>> {
  if (assessmentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('memberships')
    .select(['assessment_id', (eb) => eb.fn.countAll().as('n')])
    .where('role', '=', 'respondent')
    .where('assessment_id', 'in', [...assessmentIds])
    .groupBy('assessment_id')
    .execute();
  // PostgreSQL returns counts as strings.
  return new Map(rows.map((r) => [r.assessment_id, Number(r.n)]));
}

/** Citizen-pulse answer sheets per assessment (only assessments with a pulse appear). */
export async function countPulseResponses(db: Q, assessmentIds: readonly string[]): Promise<Map<string, number>> {
  if (assessmentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('pulses')
    .leftJoin('pulse_responses', 'pulse_responses.pulse_id', 'pulses.id')
    .select(['pulses.assessment_id as assessment_id', (eb) => eb.fn.count('pulse_responses.id').as('n')])
    .where('pulses.assessment_id', 'in', [...assessmentIds])
    .groupBy('pulses.assessment_id')
    .execute();
  return new Map(rows.map((r) => [r.assessment_id, Number(r.n)]));
}
