// The public side of the country report, no sign-in (mounted at MOUNT.publicAssessments): the index of
// published assessments, each report in every language with its PDF and XLSX; the same as JSON
// (API v1: src/http/api/operations.ts). Everything here is made from getPublicReport's redacted model (domain/publication);
// an assessment that is not published is 404 here, whoever asks.
import { Hono } from 'hono';
import { getPublicReport } from '../../domain/publication/get-public-report.ts';
import { listPublications } from '../../domain/publication/list-publications.ts';
import { countryName } from '../../i18n/countries.ts';
import { isLocale, type TLocale } from '../../i18n/index.ts';
import { reportXlsx } from '../../reports/report-xlsx.ts';
import { dataPackageZip } from '../../reports/datapackage.ts';
import { assetUrl } from '../assets.ts';
import type { AppEnv } from '../env.ts';
import { absolute, paths } from '../paths.ts';
import { page, param } from '../request.ts';
import { reportHtml } from './report-document.tsx';
import { pdfResponse } from './pdf-response.tsx';
import { PublicIndexPage, PublicToolbar } from './public-views.tsx';

function language(asked: string | undefined, fallback: TLocale): TLocale {
  return isLocale(asked) ? asked : fallback;
}

const fileName = (r: { cover: { countryCode: string; cycleYear: number } }, l: string, ext: string) => `metep-public-report-${r.cover.countryCode}-${r.cover.cycleYear}-${l}.${ext}`;

/** Public pages (mounted at MOUNT.publicAssessments). */
export const publicRoutes = new Hono<AppEnv>();

publicRoutes.get('/', async (c) => {
  const rows = await listPublications(c.var.ctx);
  return page(c, c.var.t('pub.index_title'), <PublicIndexPage t={c.var.t} locale={c.var.locale} rows={rows} />);
});

publicRoutes.get('/:id', async (c) => {
  const id = param(c, 'id');
  const l = language(c.req.query('language'), c.var.locale);
  const { report, publication } = await getPublicReport(c.var.ctx, id, l);
  c.header('Cache-Control', 'no-store');
  return c.html(
    reportHtml(report, {
      generatedAt: c.var.ctx.now().toISOString(),
      css: { href: assetUrl('report.css') },
      toolbar: <PublicToolbar t={c.var.t} ui={c.var.locale} id={id} language={l} level={publication.level} licence={publication.licence} publishedAt={publication.publishedAt} />,
    }),
  );
});

publicRoutes.get('/:id/report.pdf', async (c) => {
  const id = param(c, 'id');
  const l = language(c.req.query('language'), c.var.locale);
  const { report } = await getPublicReport(c.var.ctx, id, l);
  return pdfResponse(c, report, fileName(report, l, 'pdf'), paths.publicAssessment(id, l));
});

publicRoutes.get('/:id/report.xlsx', async (c) => {
  const l = language(c.req.query('language'), c.var.locale);
  const { report } = await getPublicReport(c.var.ctx, param(c, 'id'), l);
  c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  c.header('Cache-Control', 'no-store');
  c.header('Content-Disposition', `attachment; filename="${fileName(report, l, 'xlsx')}"`);
  return c.body(new Uint8Array(await reportXlsx(report)));
});

publicRoutes.get('/:id/report.zip', async (c) => {
  const l = language(c.req.query('language'), c.var.locale);
  const { report, publication } = await getPublicReport(c.var.ctx, param(c, 'id'), l);
  // The open data carries the licence the coordinator chose when publishing.
  const zip = await dataPackageZip(report, { language: l, licence: publication.licence, created: publication.publishedAt });
  c.header('Content-Type', 'application/zip');
  c.header('Cache-Control', 'no-store');
  c.header('Content-Disposition', `attachment; filename="${fileName(report, l, 'zip')}"`);
  return c.body(new Uint8Array(zip));
});
