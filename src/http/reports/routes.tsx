// Report area: the country report as a page in a language chosen apart from the interface (`?language=`),
// as a PDF printed by Chromium, as an XLSX workbook and as open data (a Frictionless data package in a ZIP) (mounted at MOUNT.assessment). Whoever may read the results may read
// the report (getReport checks `results.read`).
import { Hono } from 'hono';
import { getReport } from '../../domain/reports/get-report.ts';
import { DIRECTION, ENDONYM, isLocale, LOCALES, type TFn, type TLocale } from '../../i18n/index.ts';
import { dataPackageZip } from '../../reports/datapackage.ts';
import { reportXlsx } from '../../reports/report-xlsx.ts';
import { assetUrl } from '../assets.ts';
import type { AppEnv } from '../env.ts';
import { assessmentPaths } from '../paths.ts';
import { page, param } from '../request.ts';
import { reportHtml } from './report-document.tsx';
import { pdfResponse } from './pdf-response.tsx';

/** Report pages and files (mounted at MOUNT.assessment). */
export const reportRoutes = new Hono<AppEnv>();

/** The report's language: `?language=` when it names one, else the reader's interface language. */
function reportLanguage(asked: string | undefined, ui: TLocale): TLocale {
  return isLocale(asked) ? asked : ui;
}

/** The bar above the report on the site, in the reader's interface language: language choice and downloads. */
function Toolbar(p: { t: TFn; ui: TLocale; id: string; language: TLocale }) {
  const { t } = p;
  const to = assessmentPaths(p.id);
  return (
    <nav class="report-bar" lang={p.ui} dir={DIRECTION[p.ui]} aria-label={t('report.title')}>
      <ul>
        <li><a href={to.results}>{t('res.back')}</a></li>
        <li><a href={to.reportPdf(p.language)}>{t('report.download_pdf')}</a></li>
        <li><a href={to.reportXlsx(p.language)}>{t('report.download_xlsx')}</a></li>
        <li><a href={to.reportZip(p.language)}>{t('report.download_datapackage')}</a></li>
      </ul>
      <form method="get" action={to.report()}>
        <label for="report-language">{t('report.language')}</label>
        <select id="report-language" name="language">
          {LOCALES.map((l) => (
            <option value={l} lang={l} selected={l === p.language}>{ENDONYM[l]}</option>
          ))}
        </select>
        <button type="submit">{t('report.show')}</button>
      </form>
      <p>{t('report.print_hint')}</p>
    </nav>
  );
}

reportRoutes.get('/report', async (c) => {
  const id = param(c, 'id');
  const language = reportLanguage(c.req.query('language'), c.var.locale);
  const r = await getReport(c.var.ctx, c.var.actor, id, language);
  c.header('Cache-Control', 'no-store');
  return c.html(reportHtml(r, { generatedAt: c.var.ctx.now().toISOString(), css: { href: assetUrl('report.css') }, toolbar: <Toolbar t={c.var.t} ui={c.var.locale} id={id} language={language} /> }));
});

reportRoutes.get('/report.pdf', async (c) => {
  const id = param(c, 'id');
  const language = reportLanguage(c.req.query('language'), c.var.locale);
  const r = await getReport(c.var.ctx, c.var.actor, id, language);
  return pdfResponse(c, r, `metep-report-${r.cover.countryCode}-${r.cover.cycleYear}-${language}.pdf`, assessmentPaths(id).report(language));
});

reportRoutes.get('/report.xlsx', async (c) => {
  const language = reportLanguage(c.req.query('language'), c.var.locale);
  const r = await getReport(c.var.ctx, c.var.actor, param(c, 'id'), language);
  c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  c.header('Cache-Control', 'no-store');
  c.header('Content-Disposition', `attachment; filename="metep-report-${r.cover.countryCode}-${r.cover.cycleYear}-${language}.xlsx"`);
  return c.body(new Uint8Array(await reportXlsx(r)));
});

reportRoutes.get('/report.zip', async (c) => {
  const language = reportLanguage(c.req.query('language'), c.var.locale);
  const r = await getReport(c.var.ctx, c.var.actor, param(c, 'id'), language);
  const zip = await dataPackageZip(r, { language, created: c.var.ctx.now().toISOString() });
  c.header('Content-Type', 'application/zip');
  c.header('Cache-Control', 'no-store');
  c.header('Content-Disposition', `attachment; filename="metep-data-${r.cover.countryCode}-${r.cover.cycleYear}-${language}.zip"`);
  return c.body(new Uint8Array(zip));
});
