// The programme view and its export (mounted at MOUNT.programme), and the administrators' page granting
// programme officer rights (MOUNT.programmeAdmin). Routes parse, call one use case, present.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { getProgrammeView, PROGRAMME_STATES, type TProgrammeFilter } from '../../domain/programme/get-programme-view.ts';
import { grantProgrammeCountries } from '../../domain/programme/grant-programme-countries.ts';
import { listProgrammeOfficers } from '../../domain/programme/list-programme-officers.ts';
import { countryName } from '../../i18n/countries.ts';
import { m49Name } from '../../i18n/regions.ts';
import { programmeCsv } from '../../reports/programme-export.ts';
import type { AppEnv } from '../env.ts';
import { paths } from '../paths.ts';
import { fieldErrors, flash, formFields, page } from '../request.ts';
import { ProgrammeOfficersPage, ProgrammePage } from './views.tsx';

// The filter comes from a GET form anyone can edit: a value that is not one the form offers is dropped
// (the view then shows everything on that axis) rather than turned into an error page.
const ZM49 = z.string().regex(/^\d{3}$/);
const ZCycle = z.coerce.number().int().min(1990).max(2100);
const ZState = z.enum(PROGRAMME_STATES);

function filterOf(c: Context<AppEnv>): TProgrammeFilter {
  const q = c.req.query();
  const ok = <T,>(s: z.ZodType<T>, v: string | undefined): T | undefined => {
    if (v === undefined || v === '') return undefined;
    const r = s.safeParse(v);
    return r.success ? r.data : undefined;
  };
  return { region: ok(ZM49, q.region), subregion: ok(ZM49, q.subregion), cycle: ok(ZCycle, q.cycle), state: ok(ZState, q.state) };
}

/** The programme view (mounted at MOUNT.programme). */
export const programmeRoutes = new Hono<AppEnv>();

programmeRoutes.get('/', async (c) => {
  const f = filterOf(c);
  const v = await getProgrammeView(c.var.ctx, c.var.actor, f);
  return page(c, c.var.t('prog.title'), <ProgrammePage t={c.var.t} locale={c.var.locale} v={v} f={f} isAdmin={!!c.var.actor?.isAdmin} />);
});

programmeRoutes.get('/results.csv', async (c) => {
  // Only published results leave as open data, whatever state the filter names.
  const v = await getProgrammeView(c.var.ctx, c.var.actor, { ...filterOf(c), state: 'published' });
  const locale = c.var.locale;
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Cache-Control', 'no-store');
  c.header('Content-Disposition', `attachment; filename="metep-published-results-${locale}.csv"`);
  return c.body(`\uFEFF${programmeCsv(v.rows, { t: c.var.t, country: (iso3) => countryName(locale, iso3), area: (m49) => m49Name(locale, m49) })}`);
});

/** Granting programme officer rights (mounted at MOUNT.programmeAdmin). */
export const programmeAdminRoutes = new Hono<AppEnv>();

programmeAdminRoutes.get('/', async (c) => {
  const officers = await listProgrammeOfficers(c.var.ctx, c.var.actor);
  return page(c, c.var.t('prog.officers_title'), <ProgrammeOfficersPage t={c.var.t} locale={c.var.locale} officers={officers} />);
});

programmeAdminRoutes.post('/', async (c) => {
  const form = await formFields(c);
  try {
    await grantProgrammeCountries(c.var.ctx, c.var.actor, { email: form.email, countries: form.countries, change: form.change }, c.var.ip);
    flash(c, form.change === 'revoke' ? 'flash.programme_revoked' : 'flash.programme_granted');
    return c.redirect(paths.programmeOfficers, 303);
  } catch (e) {
    const { error, fields } = fieldErrors(c, e);
    const officers = await listProgrammeOfficers(c.var.ctx, c.var.actor);
    return page(c, c.var.t('prog.officers_title'), <ProgrammeOfficersPage t={c.var.t} locale={c.var.locale} officers={officers} values={form} error={error} fields={fields} />, { status: 400 });
  }
});
