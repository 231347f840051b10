// Use case: the demo's action plan — Demoland's validated 2024 cycle gets a plan drafted from its results,
// completed by the coordinator (owners, quarters, indicators, budget bands), adopted, and with progress
// recorded, so the 2026 cycle shows the carried-over plan and the before/after of each action. Built
// through the same use cases as a real plan (so it is audited alike). Idempotent: skipped when the 2024
// cycle already has a plan.
import { listOrganisations } from '../../db/repositories/assessments.ts';
import { findLatestPlan } from '../../db/repositories/plans.ts';
import { findUserByEmail } from '../../db/repositories/users.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { adoptPlan } from './adopt-plan.ts';
import { createPlanDraft } from './create-plan-draft.ts';
import { loadLatestPlan } from './plan-model.ts';
import { recordPlanUpdate } from './record-plan-update.ts';
import { savePlanAction } from './save-plan-action.ts';

// How the coordinator completed the first actions: lead and partner organisations (by name), quarters,
// an output indicator, budget band; then the progress recorded since adoption.
const COMPLETED: { lead: string; partners: string[]; start: string; end: string; indicator: string; unit: 'percent' | 'count' | 'score'; baseline: number; target: number; budget: 'existing' | 'small' | 'medium' | 'large'; progress?: { status: 'planned' | 'in_progress' | 'done' | 'dropped'; completion: 'not_started' | 'limited' | 'substantial' | 'complete'; note: string } }[] = [
  { lead: 'Ministry of Digital Affairs', partners: ['Open Government Network'], start: '2025Q1', end: '2025Q4', indicator: 'Ministries publishing draft rules for comment', unit: 'percent', baseline: 20, target: 80, budget: 'small', progress: { status: 'done', completion: 'complete', note: 'All 18 ministries now publish draft regulations on the portal.' } },
  { lead: 'Public Service Commission', partners: ['State University, School of Governance'], start: '2025Q1', end: '2026Q2', indicator: 'Staff trained in running consultations', unit: 'count', baseline: 0, target: 300, budget: 'small', progress: { status: 'in_progress', completion: 'substantial', note: '210 officials trained so far.' } },
  { lead: 'Association of Municipalities', partners: ['Capital City Council'], start: '2025Q2', end: '2026Q4', indicator: 'Municipalities using the shared platform', unit: 'count', baseline: 2, target: 40, budget: 'medium', progress: { status: 'in_progress', completion: 'limited', note: 'Pilot running in 6 municipalities.' } },
  { lead: 'Ministry of Finance', partners: [], start: '2025Q3', end: '2026Q4', indicator: 'Budget documents published on time', unit: 'percent', baseline: 40, target: 100, budget: 'existing', progress: { status: 'planned', completion: 'not_started', note: 'Waiting for the new budget law.' } },
  { lead: 'Ministry of Digital Affairs', partners: ['Disability Rights Union'], start: '2025Q1', end: '2025Q4', indicator: 'Key public websites meeting WCAG 2.1 AA', unit: 'percent', baseline: 10, target: 60, budget: 'small' },
];

/** Gives the demo's 2024 cycle an adopted plan with progress (once). */
export async function seedDemoPlan(ctx: Ctx, previousCycleId: string, coordinatorEmail: string): Promise<boolean> {
  const db = ctx.db.kysely;
  if (await findLatestPlan(db, previousCycleId)) return false;
  const user = await findUserByEmail(db, coordinatorEmail);
  if (!user) return false;
  const actor: Actor = { id: user.id, isAdmin: false, isCoordinator: true, email: user.email, name: user.name, locale: 'en' };
  await createPlanDraft(ctx, actor, previousCycleId, { language: 'en' });
  const orgs = new Map((await listOrganisations(db, previousCycleId)).map((o) => [o.name, o.id]));
  const plan = await loadLatestPlan(ctx, previousCycleId);
  const done: { id: string; progress: (typeof COMPLETED)[number]['progress'] }[] = [];
  for (const [i, c] of COMPLETED.entries()) {
    const a = plan?.actions[i];
    if (!a) break;
    await savePlanAction(ctx, actor, previousCycleId, a.id, {
      baseRevision: a.revision, title: a.title, description: a.description, leadOrg: orgs.get(c.lead), partners: c.partners.map((p) => orgs.get(p)).filter(Boolean),
      start: c.start, end: c.end, indicator: c.indicator, unit: c.unit, baseline: c.baseline, target: c.target, budget: c.budget, status: 'planned', dropReason: '', items: a.items, pillars: a.pillars, sdg: a.sdg,
    });
    done.push({ id: a.id, progress: c.progress });
  }
  await adoptPlan(ctx, actor, previousCycleId);
  for (const d of done) {
    if (!d.progress) continue;
    const evidenceUrl = d.progress.completion === 'not_started' ? '' : `https://example.org/demoland/plan/${d.id.slice(0, 8)}`;
    await recordPlanUpdate(ctx, actor, previousCycleId, d.id, { status: d.progress.status, completion: d.progress.completion, evidenceUrl, note: d.progress.note });
  }
  return true;
}
