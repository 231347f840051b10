// Use case: the coordinator drafts the action plan of a validated assessment from its results — the
// instrument's recommended actions for the items below the reference level, merged and in order of
// priority — with narrative sections from the templates, in the language chosen for the plan.
import { z } from 'zod';
import { insertPlan, insertPlanAction, insertPlanSection } from '../../db/repositories/plans.ts';
import { DEFAULT_LOCALE, isLocale, LOCALES, type TLocale } from '../../i18n/index.ts';
import { newId } from '../../lib/tokens.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { parseInput } from '../kernel/validate.ts';
import { isFinal, resultsOf } from '../results/compute-results.ts';
import { draftOf, draftSections, instrumentText } from './plan-draft.ts';
import { defaultQuarters } from './plan-model.ts';

const ZDraftInput = z.object({ language: z.preprocess((v) => (v === '' ? undefined : v), z.enum(LOCALES, { error: 'error.invalid_value' }).optional()) });

/** Creates version 1 of the plan as a draft; refused before validation and when a plan exists. */
export async function createPlanDraft(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<{ planId: string; actions: number }> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'plan.adopt');
  const a = access.assessment;
  if (!isFinal(a.state)) throw new AppError('conflict', 'error.plan_needs_validation', { state: a.state });
  const data = parseInput(ZDraftInput, input);
  const lang: TLocale = data.language ?? (isLocale(access.actor.locale) ? access.actor.locale : DEFAULT_LOCALE);
  const results = await resultsOf(ctx, access);
  const full = draftOf(results);
  const draft = { ...full, actions: full.actions.slice(0, full.size) };
  const sections = draftSections(results, draft, lang);
  const at = ctx.now().toISOString();
  const by = access.actor.id;
  const planId = newId();
  const ok = await ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await insertPlan(trx, { id: planId, assessment_id: a.id, version: 1, status: 'draft', language: lang, created_by: by, created_at: at, adopted_by: null, adopted_at: null }))) return false;
    for (const [i, d] of draft.actions.entries()) {
      const q = defaultQuarters(a.cycle_year, d.recommended.horizon);
      await insertPlanAction(trx, {
        id: newId(), plan_id: planId, position: i + 1, revision: 1, updated_by: by, updated_at: at,
        action_key: d.key, title: instrumentText(access.instrument, d.recommended.text, lang), description: '', lead_org: null, partners: [],
        start_q: q.start, end_q: q.end, indicator: '', indicator_unit: 'percent', baseline: null, target: null, budget: null,
        status: 'planned', drop_reason: null, items: d.items, pillars: d.pillars, sdg: d.sdg, priority: d.priority,
      });
    }
    for (const [key, body] of sections) await insertPlanSection(trx, { plan_id: planId, key, body, revision: 1, updated_by: by, updated_at: at });
    await audit(trx, { at, actorId: by, action: 'plan.generate', entityType: 'plan', entityId: planId, after: { assessmentId: a.id, version: 1, language: lang, actions: draft.actions.map((d) => ({ key: d.key, items: d.items, priority: d.priority })) } });
    return true;
  });
  if (!ok) throw new AppError('conflict', 'error.plan_exists');
  return { planId, actions: draft.actions.length };
}
