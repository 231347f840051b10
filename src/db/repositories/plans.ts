// Action plans: plan versions, their actions and narrative sections (each with a revision for optimistic
// concurrency) and the status updates recorded after adoption. Lists stored as JSON text come out as
// arrays, numbers as numbers, so nothing dialect-specific leaves this file.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, PlanActionsTable, PlansTable, PlanSectionsTable, PlanUpdatesTable } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** A plan version. */
export type PlanRow = Selectable<PlansTable>;

/** An action with its lists parsed. */
export interface PlanActionRow extends Omit<Selectable<PlanActionsTable>, 'partners_json' | 'items_json' | 'pillars_json' | 'sdg_json'> {
  partners: string[];
  items: string[];
  pillars: string[];
  sdg: string[];
}

/** What an action row is written from. */
export type PlanActionValues = Omit<PlanActionRow, 'id' | 'plan_id' | 'position' | 'revision' | 'updated_by' | 'updated_at'>;

/** A narrative section. */
export type PlanSectionRow = Selectable<PlanSectionsTable>;

/** A status update with the name of who recorded it. */
export type PlanUpdateRow = Selectable<PlanUpdatesTable> & { recorded_by_name: string | null };

const num = (x: unknown): number | null => (x === null || x === undefined ? null : Number(x));

function toAction(r: Selectable<PlanActionsTable>): PlanActionRow {
  const { partners_json, items_json, pillars_json, sdg_json, ...rest } = r;
  return {
    ...rest,
    position: Number(r.position),
    revision: Number(r.revision),
    baseline: num(r.baseline),
    target: num(r.target),
    priority: num(r.priority),
    partners: JSON.parse(partners_json) as string[],
    items: JSON.parse(items_json) as string[],
    pillars: JSON.parse(pillars_json) as string[],
    sdg: JSON.parse(sdg_json) as string[],
  };
}

function actionColumns(v: PlanActionValues) {
  const { partners, items, pillars, sdg, ...rest } = v;
  return { ...rest, partners_json: JSON.stringify(partners), items_json: JSON.stringify(items), pillars_json: JSON.stringify(pillars), sdg_json: JSON.stringify(sdg) };
}

/** The latest version of an assessment's plan (draft or adopted), if any. */
export async function findLatestPlan(db: Q, assessmentId: string): Promise<PlanRow | undefined> {
  const r = await db.selectFrom('plans').selectAll().where('assessment_id', '=', assessmentId).orderBy('version', 'desc').executeTakeFirst();
  return r && { ...r, version: Number(r.version) };
}

/** The version of an assessment's plan that is in force (the latest adopted one), if any. */
export async function findAdoptedPlan(db: Q, assessmentId: string): Promise<PlanRow | undefined> {
  const r = await db.selectFrom('plans').selectAll().where('assessment_id', '=', assessmentId).where('status', '=', 'adopted').orderBy('version', 'desc').executeTakeFirst();
  return r && { ...r, version: Number(r.version) };
}

/**
 * Inserts a plan version. Returns false when that version already exists (someone generated or started it
 * first): the unique key makes two concurrent starts end with one plan.
 */
export async function insertPlan(db: Q, row: PlansTable): Promise<boolean> {
  const r = await db.insertInto('plans').values(row).onConflict((oc) => oc.columns(['assessment_id', 'version']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Adopts a draft version (returns false when it is no longer a draft) and supersedes earlier adopted ones. */
export async function adoptPlan(db: Q, plan: PlanRow, by: string, at: string): Promise<boolean> {
  const r = await db.updateTable('plans').set({ status: 'adopted', adopted_by: by, adopted_at: at }).where('id', '=', plan.id).where('status', '=', 'draft').executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await db.updateTable('plans').set({ status: 'superseded' }).where('assessment_id', '=', plan.assessment_id).where('status', '=', 'adopted').where('id', '!=', plan.id).execute();
  return true;
}

/** The actions of a plan in their order. */
export async function listPlanActions(db: Q, planId: string): Promise<PlanActionRow[]> {
  const rows = await db.selectFrom('plan_actions').selectAll().where('plan_id', '=', planId).orderBy('position').orderBy('id').execute();
  return rows.map(toAction);
}

/** One action of a plan. */
export async function findPlanAction(db: Q, planId: string, actionId: string): Promise<PlanActionRow | undefined> {
  const r = await db.selectFrom('plan_actions').selectAll().where('plan_id', '=', planId).where('id', '=', actionId).executeTakeFirst();
  return r && toAction(r);
}

/** Adds an action at the given position. */
export async function insertPlanAction(db: Q, row: { id: string; plan_id: string; position: number; revision: number; updated_by: string; updated_at: string } & PlanActionValues): Promise<void> {
  const { id, plan_id, position, revision, updated_by, updated_at, ...v } = row;
  await db.insertInto('plan_actions').values({ id, plan_id, position, revision, updated_by, updated_at, ...actionColumns(v) }).execute();
}

/** The next free position at the end of a plan. */
export async function nextActionPosition(db: Q, planId: string): Promise<number> {
  const r = await db.selectFrom('plan_actions').select((eb) => eb.fn.max('position').as('p')).where('plan_id', '=', planId).executeTakeFirst();
  return r?.p === null || r?.p === undefined ? 1 : Number(r.p) + 1;
}

/**
 * Writes revision base + 1 of an action when its stored revision is still `base`; false when someone saved
 * a newer one meanwhile (the stale write changes nothing).
 */
export async function updatePlanAction(db: Q, actionId: string, base: number, v: PlanActionValues, by: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('plan_actions')
    .set({ ...actionColumns(v), revision: base + 1, updated_by: by, updated_at: at })
    .where('id', '=', actionId)
    .where('revision', '=', base)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The narrative sections of a plan. */
export async function listPlanSections(db: Q, planId: string): Promise<PlanSectionRow[]> {
  const rows = await db.selectFrom('plan_sections').selectAll().where('plan_id', '=', planId).orderBy('key').execute();
  return rows.map((r) => ({ ...r, revision: Number(r.revision) }));
}

/** Adds a section (false when it exists already). */
export async function insertPlanSection(db: Q, row: PlanSectionsTable): Promise<boolean> {
  const r = await db.insertInto('plan_sections').values(row).onConflict((oc) => oc.columns(['plan_id', 'key']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Writes revision base + 1 of a section when its stored revision is still `base`. */
export async function updatePlanSection(db: Q, planId: string, key: string, base: number, body: string, by: string, at: string): Promise<boolean> {
  const r = await db.updateTable('plan_sections').set({ body, revision: base + 1, updated_by: by, updated_at: at }).where('plan_id', '=', planId).where('key', '=', key).where('revision', '=', base).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records a status update. */
export async function insertPlanUpdate(db: Q, row: PlanUpdatesTable): Promise<void> {
  await db.insertInto('plan_updates').values(row).execute();
}

/** Every status update of a plan's actions, oldest first. */
export async function listPlanUpdates(db: Q, planId: string): Promise<PlanUpdateRow[]> {
  return db
    .selectFrom('plan_updates')
    .innerJoin('plan_actions', 'plan_actions.id', 'plan_updates.action_id')
    .leftJoin('users', 'users.id', 'plan_updates.recorded_by')
    .selectAll('plan_updates')
    .select('users.name as recorded_by_name')
    .where('plan_actions.plan_id', '=', planId)
    .orderBy('plan_updates.recorded_at')
    .orderBy('plan_updates.id')
    .execute();
}
