// The coordinator's pulse pages and the pulse results (mounted at MOUNT.assessment), and the pulse results
// in the JSON API (src/http/api/operations.ts).
import { Hono, type Context } from 'hono';
import { generatePulseCodes } from '../../domain/pulse/generate-pulse-codes.ts';
import { getPulseAdmin } from '../../domain/pulse/get-pulse-admin.ts';
import { getPulseResults } from '../../domain/pulse/get-pulse-results.ts';
import { openPulse } from '../../domain/pulse/open-pulse.ts';
import type { AppEnv } from '../env.ts';
import { assessmentPaths } from '../paths.ts';
import { fieldErrors, flash, formFields, page, param } from '../request.ts';
import { CodesPage, PulseAdminPage, type TSettingsState } from './admin-views.tsx';
import { PulseResultsPage } from './results-views.tsx';

/** The pulse pages of an assessment (mounted at MOUNT.assessment). */
export const pulseRoutes = new Hono<AppEnv>();

async function adminPage(c: Context<AppEnv>, s?: TSettingsState, status = 200) {
  const d = await getPulseAdmin(c.var.ctx, c.var.actor, param(c, 'id'));
  return page(c, c.var.t('pulse.admin_title'), <PulseAdminPage t={c.var.t} locale={c.var.locale} d={d} s={s} />, { status });
}

pulseRoutes.get('/pulse', (c) => adminPage(c));

pulseRoutes.post('/pulse', async (c) => {
  const form = await formFields(c);
  try {
    await openPulse(c.var.ctx, c.var.actor, param(c, 'id'), form);
  } catch (e) {
    const err = fieldErrors(c, e);
    return adminPage(c, { values: form, ...err }, (e as { status: number }).status);
  }
  flash(c, 'flash.pulse_saved');
  return c.redirect(assessmentPaths(param(c, 'id')).pulse, 303);
});

pulseRoutes.post('/pulse/codes', async (c) => {
  const form = await formFields(c);
  let made: Awaited<ReturnType<typeof generatePulseCodes>>;
  try {
    made = await generatePulseCodes(c.var.ctx, c.var.actor, param(c, 'id'), form);
  } catch (e) {
    const err = fieldErrors(c, e);
    return adminPage(c, { values: form, ...err }, (e as { status: number }).status);
  }
  return page(c, c.var.t('pulse.codes_title'), <CodesPage t={c.var.t} codes={made.codes} link={c.var.ctx.links.pulse(made.pulseCode)} />);
});

pulseRoutes.get('/pulse/results', async (c) => {
  const r = await getPulseResults(c.var.ctx, c.var.actor, param(c, 'id'));
  return page(c, c.var.t('pulse.results_title'), <PulseResultsPage t={c.var.t} locale={c.var.locale} r={r} />);
});
