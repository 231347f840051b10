// Action plan routes (mounted at MOUNT.assessment): the plan page and timeline, drafting it from the
// results, adding and editing actions and sections (stale saves get 409 with the newer version and what was
// typed kept), adopting, starting a new version, recording progress, and the plan as XLSX, CSV and JSON;
// and the plan in the API (src/http/api/operations.ts). Each route parses, calls one use case, presents.
import { Hono, type Context } from 'hono';
import { addPlanAction } from '../../domain/plans/add-plan-action.ts';
import { adoptPlan } from '../../domain/plans/adopt-plan.ts';
import { createPlanDraft } from '../../domain/plans/create-plan-draft.ts';
import { getPlan } from '../../domain/plans/get-plan.ts';
import { getPlanAction } from '../../domain/plans/get-plan-action.ts';
import { getPlanDocument } from '../../domain/plans/get-plan-document.ts';
import { getPlanSection } from '../../domain/plans/get-plan-section.ts';
import { recordPlanUpdate } from '../../domain/plans/record-plan-update.ts';
import { PlanActionConflict, savePlanAction } from '../../domain/plans/save-plan-action.ts';
import { PlanSectionConflict, savePlanSection } from '../../domain/plans/save-plan-section.ts';
import { startPlanVersion } from '../../domain/plans/start-plan-version.ts';
import type { AppError } from '../../domain/kernel/errors.ts';
import { planCsv, planJson, planXlsx } from '../../reports/plan-export.ts';
import { isLocale, translator, type TLocale } from '../../i18n/index.ts';
import type { AppEnv } from '../env.ts';
import { assessmentPaths } from '../paths.ts';
import { fieldErrors, flash, formFields, page, param, readForm } from '../request.ts';
import { ActionPage, NewActionPage, type TFormState, type TFormValues } from './action-views.tsx';
import { quarterLabel } from '../kit/format.ts';
import { SectionPage } from './section-views.tsx';
import { TimelinePage } from './timeline.tsx';
import { PlanPage } from './views.tsx';

/** Plan pages and downloads (mounted at MOUNT.assessment). */
export const planRoutes = new Hono<AppEnv>();

/** A form body with repeated fields (checkboxes) as lists. */
async function formValues(c: Context<AppEnv>): Promise<TFormValues> {
  const body = await readForm(c, { all: true });
  const out: TFormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

async function planPage(c: Context<AppEnv>, error?: string, status = 200) {
  const pg = await getPlan(c.var.ctx, c.var.actor, param(c, 'id'));
  return page(c, c.var.t('plan.title'), <PlanPage t={c.var.t} locale={c.var.locale} pg={pg} error={error} />, { status });
}

planRoutes.get('/plan', (c) => planPage(c));

planRoutes.get('/plan/timeline', async (c) => {
  const pg = await getPlan(c.var.ctx, c.var.actor, param(c, 'id'));
  return page(c, c.var.t('plan.timeline'), <TimelinePage t={c.var.t} locale={c.var.locale} pg={pg} />);
});

// The three buttons of the plan page: on a refusal the page comes back with the reason at the top.
for (const [path, run, done] of [
  ['/plan/generate', (c: Context<AppEnv>, form: Record<string, string>) => createPlanDraft(c.var.ctx, c.var.actor, param(c, 'id'), form), 'flash.plan_generated'],
  ['/plan/adopt', (c: Context<AppEnv>) => adoptPlan(c.var.ctx, c.var.actor, param(c, 'id')), 'flash.plan_adopted'],
  ['/plan/versions', (c: Context<AppEnv>) => startPlanVersion(c.var.ctx, c.var.actor, param(c, 'id')), 'flash.plan_version_started'],
] as const) {
  planRoutes.post(path, async (c) => {
    const form = await formFields(c);
    try {
      await run(c, form);
    } catch (e) {
      const err = fieldErrors(c, e);
      return planPage(c, Object.values(err.fields)[0] ?? err.error, (e as AppError).status);
    }
    flash(c, done);
    return c.redirect(assessmentPaths(param(c, 'id')).plan, 303);
  });
}

async function newActionPage(c: Context<AppEnv>, state?: TFormState, status = 200) {
  const pg = await getPlan(c.var.ctx, c.var.actor, param(c, 'id'));
  if (!pg.own) return c.redirect(assessmentPaths(param(c, 'id')).plan, 303);
  return page(c, c.var.t('plan.add_action'), <NewActionPage t={c.var.t} locale={c.var.locale} pg={pg} state={state} />, { status });
}

planRoutes.get('/plan/actions/new', (c) => newActionPage(c));

planRoutes.post('/plan/actions', async (c) => {
  const values = await formValues(c);
  try {
    const { actionId } = await addPlanAction(c.var.ctx, c.var.actor, param(c, 'id'), values);
    flash(c, 'flash.plan_action_added');
    return c.redirect(`${assessmentPaths(param(c, 'id')).plan}#action-${actionId}`, 303);
  } catch (e) {
    return newActionPage(c, { ...fieldErrors(c, e), values }, (e as AppError).status);
  }
});

async function actionPage(c: Context<AppEnv>, extra: { state?: TFormState; update?: TFormState; conflict?: PlanActionConflict['newer'] } = {}, status = 200) {
  const pa = await getPlanAction(c.var.ctx, c.var.actor, param(c, 'id'), c.req.param('action') as string);
  return page(c, `${c.var.t('plan.title')} · ${pa.action.position}`, <ActionPage t={c.var.t} locale={c.var.locale} pa={pa} {...extra} />, { status });
}

planRoutes.get('/plan/actions/:action', (c) => actionPage(c));

planRoutes.post('/plan/actions/:action', async (c) => {
  const values = await formValues(c);
  try {
    await savePlanAction(c.var.ctx, c.var.actor, param(c, 'id'), c.req.param('action'), values);
    flash(c, 'flash.plan_action_saved');
    return c.redirect(assessmentPaths(param(c, 'id')).planAction(c.req.param('action')), 303);
  } catch (e) {
    const conflict = e instanceof PlanActionConflict ? e.newer : undefined;
    return actionPage(c, { state: { ...fieldErrors(c, e), values }, ...(conflict ? { conflict } : {}) }, (e as AppError).status);
  }
});

planRoutes.post('/plan/actions/:action/updates', async (c) => {
  const values = await formValues(c);
  try {
    await recordPlanUpdate(c.var.ctx, c.var.actor, param(c, 'id'), c.req.param('action'), values);
    flash(c, 'flash.plan_progress_saved');
    return c.redirect(assessmentPaths(param(c, 'id')).planAction(c.req.param('action')), 303);
  } catch (e) {
    return actionPage(c, { update: { ...fieldErrors(c, e), values } }, (e as AppError).status);
  }
});

async function sectionPage(c: Context<AppEnv>, extra: { error?: string; fields?: Record<string, string>; body?: string; conflict?: PlanSectionConflict['newer'] } = {}, status = 200) {
  const ps = await getPlanSection(c.var.ctx, c.var.actor, param(c, 'id'), c.req.param('key') as string);
  return page(c, c.var.t('plan.title'), <SectionPage t={c.var.t} locale={c.var.locale} ps={ps} {...extra} />, { status });
}

planRoutes.get('/plan/sections/:key', (c) => sectionPage(c));

planRoutes.post('/plan/sections/:key', async (c) => {
  const form = await formFields(c);
  try {
    await savePlanSection(c.var.ctx, c.var.actor, param(c, 'id'), c.req.param('key'), form);
    flash(c, 'flash.plan_section_saved');
    return c.redirect(assessmentPaths(param(c, 'id')).plan, 303);
  } catch (e) {
    const conflict = e instanceof PlanSectionConflict ? e.newer : undefined;
    return sectionPage(c, { ...fieldErrors(c, e), body: form.body ?? '', ...(conflict ? { conflict } : {}) }, (e as AppError).status);
  }
});

const exportName = (id: string, ext: string) => `attachment; filename="metep-plan-${id.slice(0, 8)}.${ext}"`;

/** The language of a download's labels: `?language=` when it names one, else the reader's interface language. */
function exportLanguage(c: Context<AppEnv>): TLocale {
  const asked = c.req.query('language');
  return isLocale(asked) ? asked : c.var.locale;
}

planRoutes.get('/plan.json', async (c) => {
  const doc = await getPlanDocument(c.var.ctx, c.var.actor, param(c, 'id'));
  c.header('Cache-Control', 'no-store');
  c.header('Content-Disposition', exportName(doc.assessment.id, 'json'));
  return c.json(planJson(doc.assessment, doc.plan));
});

planRoutes.get('/plan.csv', async (c) => {
  const doc = await getPlanDocument(c.var.ctx, c.var.actor, param(c, 'id'));
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Cache-Control', 'no-store');
  c.header('Content-Disposition', exportName(doc.assessment.id, 'csv'));
  return c.body(`\uFEFF${planCsv(doc.assessment, doc.plan, doc.instrument, exportLanguage(c))}`);
});

planRoutes.get('/plan.xlsx', async (c) => {
  const doc = await getPlanDocument(c.var.ctx, c.var.actor, param(c, 'id'));
  const language = exportLanguage(c);
  const t = translator(language);
  const body = await planXlsx(t, language, doc.plan, doc.instrument, (q) => quarterLabel(t, q));
  c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  c.header('Cache-Control', 'no-store');
  c.header('Content-Disposition', exportName(doc.assessment.id, 'xlsx'));
  return c.body(new Uint8Array(body));
});
