// Assessments area: the list with the form to create one (mounted at MOUNT.assessments), an assessment's
// overview, its state changes and the validation screen (mounted at MOUNT.assessment). Each route parses,
// calls one use case, presents.
import { Hono, type Context } from 'hono';
import { acceptConsensualDefaults } from '../../domain/assessments/accept-consensual-defaults.ts';
import { changeAssessmentState } from '../../domain/assessments/change-assessment-state.ts';
import { createAssessment } from '../../domain/assessments/create-assessment.ts';
import { getDashboard } from '../../domain/assessments/get-dashboard.ts';
import { getValidation } from '../../domain/assessments/get-validation.ts';
import { listAssessments } from '../../domain/assessments/list-assessments.ts';
import { listCountryChoices } from '../../domain/assessments/list-country-choices.ts';
import { updateSettings } from '../../domain/assessments/update-assessment-settings.ts';
import { listInstruments } from '../../domain/instruments/list-instruments.ts';
import { getPublicationInfo } from '../../domain/publication/get-public-report.ts';
import { updatePublication } from '../../domain/publication/update-publication.ts';
import { loadAssessment } from '../../domain/kernel/access.ts';
import { AppError } from '../../domain/kernel/errors.ts';
import { can } from '../../domain/kernel/policies.ts';
import { countryName } from '../../i18n/countries.ts';
import type { AppEnv } from '../env.ts';
import { assessmentPaths } from '../paths.ts';
import { fieldErrors, flash, formFields, page, param } from '../request.ts';
import { SettingsPage } from './settings-views.tsx';
import { ValidationPage } from './validation-views.tsx';
import { AssessmentListPage, AssessmentOverviewPage } from './views.tsx';

type TFormState = { values?: Record<string, string>; error?: string; fields?: Record<string, string>; consensualError?: string };

/** The list of assessments and the creation form (mounted at MOUNT.assessments). */
export const assessmentListRoutes = new Hono<AppEnv>();

async function listPage(c: Context<AppEnv>, extra: TFormState = {}, status = 200) {
  const rows = await listAssessments(c.var.ctx, c.var.actor);
  // Newest first: the first is the default (the current bundled revision unless a newer one was imported).
  const versions = (await listInstruments(c.var.ctx)).filter((r) => r.instrument_key === 'metep' && r.status === 'published').map((r) => r.version);
  return page(c, c.var.t('asm.list_title'), <AssessmentListPage t={c.var.t} locale={c.var.locale} rows={rows} canCreate={can(c.var.actor, 'assessment.create')} countries={await listCountryChoices(c.var.ctx, c.var.locale)} versions={versions} {...extra} />, { status });
}

assessmentListRoutes.get('/', (c) => listPage(c));

assessmentListRoutes.post('/', async (c) => {
  const form = await formFields(c);
  try {
    const id = await createAssessment(c.var.ctx, c.var.actor, form);
    flash(c, 'flash.assessment_created');
    return c.redirect(assessmentPaths(id).participants, 303);
  } catch (e) {
    return listPage(c, { values: form, ...fieldErrors(c, e) }, 400);
  }
});

/** One assessment's overview, state changes and validation (mounted at MOUNT.assessment). */
export const assessmentRoutes = new Hono<AppEnv>();

assessmentRoutes.get('/', async (c) => {
  const access = await loadAssessment(c.var.ctx, c.var.actor, param(c, 'id'), 'assessment.read');
  const d = access.may('participants.read') ? await getDashboard(c.var.ctx, c.var.actor, access.assessment.id) : access;
  // Where the public report is and what it shows (the public page itself needs no sign-in).
  const publication = access.assessment.state === 'published' ? await getPublicationInfo(c.var.ctx, access.assessment.id).catch((e: unknown) => {
    if (e instanceof AppError) return undefined;
    throw e;
  }) : undefined;
  return page(c, countryName(c.var.locale, access.assessment.country), <AssessmentOverviewPage t={c.var.t} locale={c.var.locale} d={d} publication={publication} />);
});

assessmentRoutes.post('/state', async (c) => {
  const form = await formFields(c);
  const id = param(c, 'id');
  try {
    await changeAssessmentState(c.var.ctx, c.var.actor, id, form);
    flash(c, 'flash.state_changed');
    return c.redirect(assessmentPaths(id).overview, 303);
  } catch (e) {
    const err = fieldErrors(c, e);
    const d = await getDashboard(c.var.ctx, c.var.actor, id);
    return page(c, countryName(c.var.locale, d.assessment.country), <AssessmentOverviewPage t={c.var.t} locale={c.var.locale} d={d} error={err.error} fields={err.fields} values={form} />, { status: (e as AppError).status ?? 400 });
  }
});

async function settingsPage(c: Context<AppEnv>, extra: TFormState = {}, status = 200) {
  const d = await loadAssessment(c.var.ctx, c.var.actor, param(c, 'id'), 'assessment.update');
  return page(c, c.var.t('edit.settings_title'), <SettingsPage t={c.var.t} locale={c.var.locale} d={d} {...extra} />, { status });
}

assessmentRoutes.get('/settings', (c) => settingsPage(c));

assessmentRoutes.post('/settings', async (c) => {
  const form = await formFields(c);
  try {
    await updateSettings(c.var.ctx, c.var.actor, param(c, 'id'), form);
    flash(c, 'flash.changes_saved');
    return c.redirect(assessmentPaths(param(c, 'id')).overview, 303);
  } catch (e) {
    const err = fieldErrors(c, e);
    const status = (e as AppError).status ?? 400;
    // A stale form comes back with the values a colleague saved; a refused one with what was typed.
    return settingsPage(c, { ...err, values: status === 409 ? {} : form }, status);
  }
});

async function validationPage(c: Context<AppEnv>, extra: TFormState = {}, status = 200) {
  const v = await getValidation(c.var.ctx, c.var.actor, param(c, 'id'));
  return page(c, c.var.t('val.title'), <ValidationPage t={c.var.t} locale={c.var.locale} v={v} {...extra} />, { status });
}

assessmentRoutes.get('/validation', (c) => validationPage(c));

assessmentRoutes.post('/validation', async (c) => {
  const form = await formFields(c);
  const to = assessmentPaths(param(c, 'id'));
  try {
    const state = await changeAssessmentState(c.var.ctx, c.var.actor, param(c, 'id'), form);
    flash(c, 'flash.state_changed');
    return c.redirect(state === 'validated' ? to.results : to.validation, 303);
  } catch (e) {
    return validationPage(c, fieldErrors(c, e), (e as AppError).status ?? 400);
  }
});

assessmentRoutes.post('/validation/accept-defaults', async (c) => {
  const form = await formFields(c);
  try {
    const n = await acceptConsensualDefaults(c.var.ctx, c.var.actor, param(c, 'id'), form, c.var.locale);
    flash(c, n > 0 ? 'flash.consensual_accepted' : 'flash.consensual_none');
    return c.redirect(`${assessmentPaths(param(c, 'id')).validation}#val-nc`, 303);
  } catch (e) {
    return validationPage(c, { consensualError: fieldErrors(c, e).error }, (e as AppError).status ?? 400);
  }
});

// What a published assessment shows the public, and its data licence, changed without withdrawing it.
assessmentRoutes.post('/publication', async (c) => {
  const form = await formFields(c);
  const id = param(c, 'id');
  try {
    await updatePublication(c.var.ctx, c.var.actor, id, form);
    flash(c, 'flash.changes_saved');
    return c.redirect(assessmentPaths(id).overview, 303);
  } catch (e) {
    const err = fieldErrors(c, e);
    const d = await getDashboard(c.var.ctx, c.var.actor, id);
    const publication = await getPublicationInfo(c.var.ctx, id).catch((x: unknown) => {
      if (x instanceof AppError) return undefined;
      throw x;
    });
    return page(c, countryName(c.var.locale, d.assessment.country), <AssessmentOverviewPage t={c.var.t} locale={c.var.locale} d={d} publication={publication} publicationForm={{ values: form, fields: err.fields, error: err.error }} error={publication ? undefined : err.error} />, { status: (e as AppError).status ?? 400 });
  }
});
