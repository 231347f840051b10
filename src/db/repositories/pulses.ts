// Citizen pulses, their anonymous answer sheets and one-time codes. Lists stored as JSON text come out
// parsed and flags as booleans, so nothing dialect-specific leaves this file.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, PulsesTable } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** A pulse with its regions parsed. */
export interface PulseRow extends Omit<Selectable<PulsesTable>, 'regions_json' | 'codes_required'> {
  regions: string[];
  codesRequired: boolean;
}

/** One stored answer sheet. */
export interface PulseResponseRow {
  hour: string;
  locale: string;
  answers: Record<string, string | string[]>;
  withCode: boolean;
  synthetic: boolean;
}

function toPulse(r: Selectable<PulsesTable>): PulseRow {
  const { regions_json, codes_required, ...rest } = r;
  return { ...rest, regions: JSON.parse(regions_json) as string[], codesRequired: Number(codes_required) === 1 };
}

/** The pulse of an assessment, if it has one. */
export async function findPulseOfAssessment(db: Q, assessmentId: string): Promise<PulseRow | undefined> {
  const r = await db.selectFrom('pulses').selectAll().where('assessment_id', '=', assessmentId).executeTakeFirst();
  return r ? toPulse(r) : undefined;
}

/** The pulse with a public code, with its assessment's country. */
export async function findPulseByCode(db: Q, code: string): Promise<(PulseRow & { country: string }) | undefined> {
  const r = await db
    .selectFrom('pulses')
    .innerJoin('assessments', 'assessments.id', 'pulses.assessment_id')
    .selectAll('pulses')
    .select('assessments.country')
    .where('pulses.code', '=', code)
    .executeTakeFirst();
  if (!r) return undefined;
  const { country, ...row } = r;
  return { ...toPulse(row), country };
}

/** Creates or updates the pulse of an assessment (one per assessment; its code never changes). */
export async function savePulse(db: Q, v: Omit<PulseRow, 'id'> & { id: string }): Promise<void> {
  const row = { id: v.id, assessment_id: v.assessment_id, code: v.code, instrument_version: v.instrument_version, opens_at: v.opens_at, closes_at: v.closes_at, regions_json: JSON.stringify(v.regions), codes_required: v.codesRequired ? 1 : 0, updated_by: v.updated_by, updated_at: v.updated_at };
  await db
    .insertInto('pulses')
    .values(row)
    .onConflict((oc) => oc.column('assessment_id').doUpdateSet({ opens_at: row.opens_at, closes_at: row.closes_at, regions_json: row.regions_json, codes_required: row.codes_required, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
}

/** Stores one answer sheet. */
export async function insertPulseResponse(db: Q, v: { id: string; pulseId: string; hour: string; locale: string; answers: Record<string, string | string[]>; withCode: boolean; synthetic: boolean }): Promise<void> {
  await db.insertInto('pulse_responses').values({ id: v.id, pulse_id: v.pulseId, hour: v.hour, locale: v.locale, answers_json: JSON.stringify(v.answers), with_code: v.withCode ? 1 : 0, synthetic: v.synthetic ? 1 : 0 }).execute();
}

/** Every answer sheet of a pulse, oldest first. */
export async function listPulseResponses(db: Q, pulseId: string): Promise<PulseResponseRow[]> {
  const rows = await db.selectFrom('pulse_responses').select(['hour', 'locale', 'answers_json', 'with_code', 'synthetic']).where('pulse_id', '=', pulseId).orderBy('hour').execute();
  return rows.map((r) => ({ hour: r.hour, locale: r.locale, answers: JSON.parse(r.answers_json) as Record<string, string | string[]>, withCode: Number(r.with_code) === 1, synthetic: Number(r.synthetic) === 1 }));
}

/** How many answer sheets a pulse has. */
export async function countPulseResponses(db: Q, pulseId: string): Promise<number> {
  const r = await db.selectFrom('pulse_responses').select((eb) => eb.fn.countAll<number>().as('n')).where('pulse_id', '=', pulseId).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Removes the synthetic answer sheets of a pulse (the demo reseeds them). */
export async function deleteSyntheticResponses(db: Q, pulseId: string): Promise<void> {
  await db.deleteFrom('pulse_responses').where('pulse_id', '=', pulseId).where('synthetic', '=', 1).execute();
}

/** Stores new one-time codes (their hashes). */
export async function insertPulseCodes(db: Q, pulseId: string, hashes: string[], now: string): Promise<void> {
  for (let i = 0; i < hashes.length; i += 500) {
    await db.insertInto('pulse_codes').values(hashes.slice(i, i + 500).map((h) => ({ code_hash: h, pulse_id: pulseId, created_at: now, used_at: null }))).execute();
  }
}

/** Marks a code used; false when it is unknown for this pulse or already used (one statement, so two people cannot both use it). */
export async function usePulseCode(db: Q, pulseId: string, hash: string, now: string): Promise<boolean> {
  const r = await db.updateTable('pulse_codes').set({ used_at: now }).where('code_hash', '=', hash).where('pulse_id', '=', pulseId).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** How many codes a pulse has and how many were used. */
export async function countPulseCodes(db: Q, pulseId: string): Promise<{ total: number; used: number }> {
  const r = await db
    .selectFrom('pulse_codes')
    .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('used_at').as('used')])
    .where('pulse_id', '=', pulseId)
    .executeTakeFirstOrThrow();
  return { total: Number(r.total), used: Number(r.used) };
}

/** The installation's pulse secret, made on first use (every instance ends up reading the same row). */
export async function pulseSecret(db: Q, fresh: string): Promise<string> {
  await db.insertInto('pulse_secret').values({ id: 1, secret: fresh }).onConflict((oc) => oc.column('id').doNothing()).execute();
  const r = await db.selectFrom('pulse_secret').select('secret').where('id', '=', 1).executeTakeFirstOrThrow();
  return r.secret;
}

/** Forgets pulse counters from windows that began before `before` (their salted keys are of a past day). */
export async function purgePulseCounters(db: Q, before: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('window_start', '<', before).where(sql<boolean>`key like 'pulse%'`).execute();
}
