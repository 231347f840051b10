// Publication area: a respondent's consent to be named in the report's participants annex (mounted at
// MOUNT.assessment). The public pages are in the reports area (reports/public-routes.tsx).
import { Hono } from 'hono';
import { getConsent } from '../../domain/publication/get-consent.ts';
import { setConsent } from '../../domain/publication/set-consent.ts';
import type { AppError } from '../../domain/kernel/errors.ts';
import type { AppEnv } from '../env.ts';
import { assessmentPaths } from '../paths.ts';
import { fieldErrors, flash, formFields, page, param } from '../request.ts';
import { ConsentPage } from './views.tsx';

/** A respondent's consent to be named (mounted at MOUNT.assessment). */
export const consentRoutes = new Hono<AppEnv>();

consentRoutes.get('/consent', async (c) => {
  const consent = await getConsent(c.var.ctx, c.var.actor, param(c, 'id'));
  return page(c, c.var.t('consent.title'), <ConsentPage t={c.var.t} locale={c.var.locale} c={consent} />);
});

consentRoutes.post('/consent', async (c) => {
  const form = await formFields(c);
  const id = param(c, 'id');
  try {
    await setConsent(c.var.ctx, c.var.actor, id, form);
    flash(c, 'flash.consent_saved');
    return c.redirect(assessmentPaths(id).consent, 303);
  } catch (e) {
    const err = fieldErrors(c, e);
    const consent = await getConsent(c.var.ctx, c.var.actor, id);
    return page(c, c.var.t('consent.title'), <ConsentPage t={c.var.t} locale={c.var.locale} c={consent} error={err.error} />, { status: (e as AppError).status ?? 400 });
  }
});

