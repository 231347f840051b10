// Results routes: the page, the trace of one item's score, and the same numbers as JSON and CSV (for the
// page's download links and for programs; identical to `metep results`).
import { Hono } from 'hono';
import { computeResults } from '../../domain/results/compute-results.ts';
import { getItemTrace } from '../../domain/results/get-item-trace.ts';
import { getResultsPage } from '../../domain/results/get-results-page.ts';
import { resultsCsv, resultsJson } from '../../reports/results-export.ts';
import type { AppEnv } from '../env.ts';
import { page } from '../request.ts';
import { ResultsPage } from './views.tsx';
import { TracePage } from './trace-views.tsx';

/** Results routes. */
export const resultsRoutes = new Hono<AppEnv>();

resultsRoutes.get('/assessments/:id/results', async (c) => {
  const r = await getResultsPage(c.var.ctx, c.var.actor, c.req.param('id'));
  return page(c, c.var.t('res.title'), <ResultsPage t={c.var.t} locale={c.var.locale} r={r} />);
});

resultsRoutes.get('/assessments/:id/results/items/:item', async (c) => {
  const tr = await getItemTrace(c.var.ctx, c.var.actor, c.req.param('id'), c.req.param('item'));
  return page(c, `${c.var.t('res.title')} · ${tr.item.id}`, <TracePage t={c.var.t} locale={c.var.locale} tr={tr} />);
});

const exportName = (id: string, ext: string) => `attachment; filename="metep-results-${id.slice(0, 8)}.${ext}"`;

resultsRoutes.get('/assessments/:id/results.json', async (c) => {
  const res = await computeResults(c.var.ctx, c.var.actor, c.req.param('id'));
  c.header('Cache-Control', 'no-store');
  c.header('Content-Disposition', exportName(c.req.param('id'), 'json'));
  return c.json(resultsJson(res));
});

resultsRoutes.get('/assessments/:id/results.csv', async (c) => {
  const res = await computeResults(c.var.ctx, c.var.actor, c.req.param('id'));
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Cache-Control', 'no-store');
  c.header('Content-Disposition', exportName(c.req.param('id'), 'csv'));
  return c.body(`\uFEFF${resultsCsv(res)}`);
});

resultsRoutes.get('/api/v1/assessments/:id/results', async (c) => {
  const res = await computeResults(c.var.ctx, c.var.actor, c.req.param('id'));
  c.header('Cache-Control', 'no-store');
  return c.json(resultsJson(res));
});
