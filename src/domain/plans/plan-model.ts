// The action plan's vocabulary and rules shared by its use cases: statuses, completion levels (the Open
// Government Partnership's five), budget bands, indicator units with their ranges, quarters, narrative
// section keys, the one input schema of an action (form and API alike) and loading a plan with its parts.
import { z } from 'zod';
import { findAdoptedPlan, findLatestPlan, listPlanActions, listPlanSections, listPlanUpdates, type PlanActionRow, type PlanRow, type PlanSectionRow, type PlanUpdateRow } from '../../db/repositories/plans.ts';
import { listOrganisations } from '../../db/repositories/assessments.ts';
import { allPillars, locateItem } from '../../instrument/model.ts';
import { SDG_TARGETS, type TInstrument } from '../../instrument/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { parseTypedNumber } from '../kernel/schemas.ts';

/** An action's status. */
export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
/** Completion levels of the OGP Independent Reporting Mechanism, least to most complete. */
export const COMPLETION_LEVELS = ['no_evidence', 'not_started', 'limited', 'substantial', 'complete'] as const;
/** Budget bands (US dollars): within existing budgets, under 100 000, 100 000 – 1 million, over 1 million. */
export const BUDGET_BANDS = ['existing', 'small', 'medium', 'large'] as const;
/** Units of an output indicator and the values each allows. */
export const INDICATOR_UNITS = { percent: { min: 0, max: 100 }, count: { min: 0, max: Number.POSITIVE_INFINITY }, score: { min: 0, max: 1 } } as const;
/** An indicator unit. */
export type TIndicatorUnit = keyof typeof INDICATOR_UNITS;
/** Narrative sections besides the objectives per pillar, in the order the plan shows them. */
export const NARRATIVE_SECTIONS = ['context', 'vision', 'governance', 'monitoring'] as const;

/** The section key of a pillar's objective. */
export function objectiveKey(pillarId: string): string {
  return `objective.${pillarId}`;
}

/** Whether a key names a section this plan may have (a narrative section or a pillar's objective). */
export function isSectionKey(inst: TInstrument, key: string): boolean {
  return (NARRATIVE_SECTIONS as readonly string[]).includes(key) || allPillars(inst).some((p) => objectiveKey(p.id) === key);
}

/** A quarter as stored: "2025Q3". */
export const QUARTER = /^(\d{4})Q([1-4])$/;

/** The quarters a plan of a cycle may use: from the cycle year to six years after it. */
export function quarterOptions(cycleYear: number): string[] {
  const out: string[] = [];
  for (let y = cycleYear; y <= cycleYear + 6; y++) for (let q = 1; q <= 4; q++) out.push(`${y}Q${q}`);
  return out;
}

/** A quarter as a number that orders quarters (year × 4 + quarter − 1). */
export function quarterIndex(q: string): number {
  const m = QUARTER.exec(q);
  return m ? Number(m[1]) * 4 + Number(m[2]) - 1 : Number.NaN;
}

/** The default quarters of a drafted action: start the year after the cycle; short ≤ 1 year, medium 2, long 4. */
export function defaultQuarters(cycleYear: number, horizon: 'short' | 'medium' | 'long'): { start: string; end: string } {
  const years = horizon === 'short' ? 1 : horizon === 'medium' ? 2 : 4;
  return { start: `${cycleYear + 1}Q1`, end: `${cycleYear + years}Q4` };
}

// Form posts send "" for an empty field and one string for a single checkbox; the API sends null and arrays.
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const list = (v: unknown) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]);
const zNumber = z.preprocess(
  (v) => {
    const b = blank(typeof v === 'string' ? v.trim() : v);
    return typeof b === 'string' ? parseTypedNumber(b) : b;
  },
  z.number({ error: 'error.plan_number' }).finite({ error: 'error.plan_number' }).optional(),
);

/** One action as the edit form and the API send it. */
export const ZPlanActionInput = z
  .object({
    title: z.string({ error: 'error.plan_title_required' }).trim().min(1, { error: 'error.plan_title_required' }).max(400, { error: 'error.too_long' }),
    description: z.preprocess((v) => v ?? '', z.string().trim().max(4000, { error: 'error.too_long' })),
    leadOrg: z.preprocess(blank, z.string().max(64).optional()),
    partners: z.preprocess(list, z.array(z.string().max(64)).max(50)),
    start: z.string({ error: 'error.plan_quarter' }).regex(QUARTER, { error: 'error.plan_quarter' }),
    end: z.string({ error: 'error.plan_quarter' }).regex(QUARTER, { error: 'error.plan_quarter' }),
    indicator: z.preprocess((v) => v ?? '', z.string().trim().max(500, { error: 'error.too_long' })),
    unit: z.enum(Object.keys(INDICATOR_UNITS) as [TIndicatorUnit, ...TIndicatorUnit[]], { error: 'error.invalid_value' }),
    baseline: zNumber,
    target: zNumber,
    budget: z.preprocess(blank, z.enum(BUDGET_BANDS, { error: 'error.invalid_value' }).optional()),
    status: z.enum(ACTION_STATUSES, { error: 'error.invalid_value' }),
    dropReason: z.preprocess((v) => v ?? '', z.string().trim().max(2000, { error: 'error.too_long' })),
    items: z.preprocess((v) => (typeof v === 'string' ? v.split(/[\s,;،、]+/).filter(Boolean) : list(v)), z.array(z.string().max(16)).max(100)),
    pillars: z.preprocess(list, z.array(z.string().max(8)).max(20)),
    sdg: z.preprocess(list, z.array(z.enum(SDG_TARGETS, { error: 'error.invalid_value' })).max(10)),
  })
  // The checks across fields run even when another field is wrong (`when`), so a form shows every problem at
  // once instead of one more at each save; each guards against the raw value of a field that failed.
  .superRefine(
    (v, ctx) => {
      if (typeof v.start === 'string' && typeof v.end === 'string' && QUARTER.test(v.start) && QUARTER.test(v.end) && quarterIndex(v.end) < quarterIndex(v.start)) ctx.addIssue({ code: 'custom', path: ['end'], message: 'error.plan_end_before_start' });
      const range = INDICATOR_UNITS[v.unit] as (typeof INDICATOR_UNITS)[TIndicatorUnit] | undefined;
      for (const k of ['baseline', 'target'] as const) {
        const x = v[k];
        if (range && typeof x === 'number' && Number.isFinite(x) && (x < range.min || x > range.max)) ctx.addIssue({ code: 'custom', path: [k], message: range.max === Number.POSITIVE_INFINITY ? 'error.plan_value_min' : 'error.plan_value_range' });
      }
      if (v.status === 'dropped' && !v.dropReason) ctx.addIssue({ code: 'custom', path: ['dropReason'], message: 'error.plan_drop_reason' });
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );

/** A parsed action input. */
export type TPlanActionInput = z.infer<typeof ZPlanActionInput>;

/** The placeholders the range messages need, for a unit. */
export function rangeParams(unit: TIndicatorUnit): Record<string, number> {
  const r = INDICATOR_UNITS[unit];
  return { min: r.min, max: r.max === Number.POSITIVE_INFINITY ? 0 : r.max };
}

/**
 * Checks what the schema cannot: organisations of this assessment, items and pillars of its instrument.
 * Pillars default to those of the linked items, in their order.
 */
export function checkReferences(inst: TInstrument, orgIds: ReadonlySet<string>, v: TPlanActionInput): { pillars: string[] } {
  const fields: Record<string, string> = {};
  const params: Record<string, string | number> = rangeParams(v.unit);
  if (v.leadOrg && !orgIds.has(v.leadOrg)) fields.leadOrg = 'error.plan_unknown_org';
  if (v.partners.some((p) => !orgIds.has(p))) fields.partners = 'error.plan_unknown_org';
  const unknownItem = v.items.find((i) => !locateItem(inst, i) || locateItem(inst, i)?.item.type === 'text');
  if (unknownItem) {
    fields.items = 'error.plan_unknown_item';
    params.id = unknownItem;
  }
  const pillarIds = new Set(allPillars(inst).map((p) => p.id));
  if (v.pillars.some((p) => !pillarIds.has(p))) fields.pillars = 'error.invalid_value';
  if (Object.keys(fields).length) throw new AppError('invalid_input', 'error.form_invalid', params, fields);
  const fromItems = v.items.map((i) => locateItem(inst, i)?.pillar.id as string);
  const pillars = [...new Set([...fromItems, ...v.pillars])];
  return { pillars };
}

/** An action with its progress since adoption. */
export interface TPlanAction extends PlanActionRow {
  /** The latest update's status, or the adopted status before any update. */
  currentStatus: string;
  /** The latest update's completion level, if any. */
  completion: string | null;
  updates: PlanUpdateRow[];
}

/** A plan with everything its pages and exports show. */
export interface TPlanData {
  plan: PlanRow;
  actions: TPlanAction[];
  sections: Map<string, PlanSectionRow>;
  organisations: { id: string; name: string }[];
}

/** Loads a plan version with its actions (and their progress), sections and the assessment's organisations. */
export async function loadPlanData(ctx: Ctx, plan: PlanRow): Promise<TPlanData> {
  const db = ctx.db.kysely;
  const [actions, sections, updates, orgs] = await Promise.all([listPlanActions(db, plan.id), listPlanSections(db, plan.id), listPlanUpdates(db, plan.id), listOrganisations(db, plan.assessment_id)]);
  return {
    plan,
    actions: actions.map((a) => {
      const mine = updates.filter((u) => u.action_id === a.id);
      const last = mine[mine.length - 1];
      return { ...a, currentStatus: last?.status ?? a.status, completion: last?.completion ?? null, updates: mine };
    }),
    sections: new Map(sections.map((s) => [s.key, s])),
    organisations: orgs.map((o) => ({ id: o.id, name: o.name })),
  };
}

/** The latest plan version of an assessment with its parts, if there is one. */
export async function loadLatestPlan(ctx: Ctx, assessmentId: string): Promise<TPlanData | undefined> {
  const plan = await findLatestPlan(ctx.db.kysely, assessmentId);
  return plan && loadPlanData(ctx, plan);
}

/** The adopted plan of an assessment with its parts, if there is one. */
export async function loadAdoptedPlan(ctx: Ctx, assessmentId: string): Promise<TPlanData | undefined> {
  const plan = await findAdoptedPlan(ctx.db.kysely, assessmentId);
  return plan && loadPlanData(ctx, plan);
}

/** Refuses changes to a plan that is no longer a draft (adopted plans change by status updates or a new version). */
export function assertDraft(plan: PlanRow): void {
  if (plan.status !== 'draft') throw new AppError('conflict', 'error.plan_frozen', { version: plan.version });
}

/** A narrative section of a plan as pages show it. */
export type TPlanSection = PlanSectionRow;

/** A stored plan action as pages show it. */
export type TPlanActionRow = PlanActionRow;
