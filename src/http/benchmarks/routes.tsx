// Benchmarks area: the public country profiles beside the UN E-Government Survey (mounted at
// MOUNT.countries), their figures as JSON (the API, src/http/api/operations.ts), and the administrators' list of the editions
// loaded (MOUNT.benchmarksAdmin).
import { Hono } from 'hono';
import { getCountryProfile } from '../../domain/benchmarks/get-country-profile.ts';
import { listBenchmarkCountries } from '../../domain/benchmarks/list-benchmark-countries.ts';
import { listBenchmarkEditions } from '../../domain/benchmarks/list-benchmark-editions.ts';
import { can } from '../../domain/kernel/policies.ts';
import { countryName } from '../../i18n/countries.ts';
import type { AppEnv } from '../env.ts';
import { page } from '../request.ts';
import { CountryListPage, EditionsPage } from './views.tsx';
import { CountryProfilePage } from './profile-views.tsx';

/** Country pages (mounted at MOUNT.countries). */
export const countryRoutes = new Hono<AppEnv>();

countryRoutes.get('/', async (c) => {
  const list = await listBenchmarkCountries(c.var.ctx);
  return page(c, c.var.t('bm.list_title'), <CountryListPage t={c.var.t} locale={c.var.locale} list={list} canManage={can(c.var.actor, 'benchmark.manage')} />);
});

countryRoutes.get('/:iso3', async (c) => {
  const profile = await getCountryProfile(c.var.ctx, c.req.param('iso3'), c.req.query());
  return page(c, countryName(c.var.locale, profile.iso3), <CountryProfilePage t={c.var.t} locale={c.var.locale} p={profile} />);
});

/** The editions loaded, for administrators (mounted at MOUNT.benchmarksAdmin). */
export const benchmarksAdminRoutes = new Hono<AppEnv>();

benchmarksAdminRoutes.get('/', async (c) => {
  const rows = await listBenchmarkEditions(c.var.ctx, c.var.actor);
  return page(c, c.var.t('bm.editions_title'), <EditionsPage t={c.var.t} locale={c.var.locale} rows={rows} />);
});
