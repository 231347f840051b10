// Results area: the page, the trace of one item's score, and the same numbers as JSON and CSV (mounted at
// MOUNT.assessment) — identical to `metep results` and to the API (src/http/api/operations.ts).
import { Hono } from 'hono';
import { computeResults } from '../../domain/results/compute-results.ts';
import { getItemTrace } from '../../domain/results/get-item-trace.ts';
import { getResultsPage } from '../../domain/results/get-results-page.ts';
import { resultsCsv, resultsJson } from '../../reports/results-export.ts';
import { isLocale } from '../../i18n/index.ts';
import type { AppEnv } from '../env.ts';
import { page, param } from '../request.ts';
import { ResultsPage } from './views.tsx';
import { TracePage } from './trace-views.tsx';
import { ItemTablesPage } from './items.tsx';
import { resultsView } from './view.tsx';

/** Results pages and downloads (mounted at MOUNT.assessment). */
export const resultsRoutes = new Hono<AppEnv>();

resultsRoutes.get('/results', async (c) => {
  const r = await getResultsPage(c.var.ctx, c.var.actor, param(c, 'id'));
  return page(c, c.var.t('res.title'), <ResultsPage t={c.var.t} locale={c.var.locale} r={r} />);
});

resultsRoutes.get('/results/items', async (c) => {
  const r = await getResultsPage(c.var.ctx, c.var.actor, param(c, 'id'));
  return page(c, `${c.var.t('res.title')} · ${c.var.t('res.items')}`, <ItemTablesPage v={resultsView(c.var.t, c.var.locale, r)} />);
});

resultsRoutes.get('/results/items/:item', async (c) => {
  const tr = await getItemTrace(c.var.ctx, c.var.actor, param(c, 'id'), c.req.param('item'));
  return page(c, `${c.var.t('res.title')} · ${tr.item.id}`, <TracePage t={c.var.t} locale={c.var.locale} tr={tr} />);
});

const exportName = (id: string, ext: string) => `attachment; filename="metep-results-${id.slice(0, 8)}.${ext}"`;

resultsRoutes.get('/results.json', async (c) => {
  const res = await computeResults(c.var.ctx, c.var.actor, param(c, 'id'));
  c.header('Cache-Control', 'no-store');
  c.header('Content-Disposition', exportName(param(c, 'id'), 'json'));
  return c.json(resultsJson(res));
});

resultsRoutes.get('/results.csv', async (c) => {
  const res = await computeResults(c.var.ctx, c.var.actor, param(c, 'id'));
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Cache-Control', 'no-store');
  c.header('Content-Disposition', exportName(param(c, 'id'), 'csv'));
  // Labels in `?language=` when it names one, else in the reader's interface language.
  const language = c.req.query('language');
  return c.body(`\uFEFF${resultsCsv(res, isLocale(language) ? language : c.var.locale)}`);
});
