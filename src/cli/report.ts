// `metep report <id> --lang ar --format pdf|html|xlsx|datapackage --out FILE`: the country report as a file, in
// any of the six languages, the same document the report page shows (the HTML stands alone, stylesheet
// inlined); `datapackage` is its open data, a Frictionless data package in a ZIP (`--licence` an SPDX id).
import { writeFileSync } from 'node:fs';
import { OPERATOR } from '../domain/kernel/context.ts';
import { AppError } from '../domain/kernel/errors.ts';
import { getReport } from '../domain/reports/get-report.ts';
import { reportFile, reportPdf } from '../http/reports/report-files.ts';
import { isLocale, LOCALES } from '../i18n/index.ts';
import { closePdfBrowser, PdfUnavailable } from '../reports/pdf.ts';
import { dataPackageZip, DEFAULT_LICENCE, isLicence, LICENCES } from '../reports/datapackage.ts';
import { reportXlsx } from '../reports/report-xlsx.ts';
import { withCtx } from './context.ts';
import { UsageError, type CommandRun } from './index.ts';

/** The file formats of the report. */
export const REPORT_FORMATS = ['pdf', 'html', 'xlsx', 'datapackage'] as const;

/** Writes the country report of an assessment to a file. */
export const report: CommandRun = async ({ positionals, values, config }) => {
  const [id] = positionals;
  if (!id) throw new UsageError('give the assessment id (metep assessments list shows them)');
  const lang = values.lang;
  if (!isLocale(lang)) throw new UsageError(`--lang must be one of ${LOCALES.join(', ')}`);
  const format = values.format;
  if (!(REPORT_FORMATS as readonly unknown[]).includes(format)) throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  const licence = values.licence ?? DEFAULT_LICENCE;
  if (!isLicence(licence)) throw new UsageError(`--licence must be one of ${Object.keys(LICENCES).join(', ')}`);
  const out = values.out;
  if (typeof out !== 'string' || !out) throw new UsageError('give the file to write with --out FILE');
  const body = await withCtx(
    config(),
    async (ctx) => {
      const r = await getReport(ctx, OPERATOR, id, lang).catch((e: unknown) => {
        if (e instanceof AppError && e.code === 'not_found') throw new UsageError(`no assessment ${id}`);
        throw e;
      });
      if (format === 'html') return reportFile(r, ctx.now().toISOString());
      if (format === 'xlsx') return reportXlsx(r);
      if (format === 'datapackage') return dataPackageZip(r, { language: lang, licence, created: ctx.now().toISOString() });
      try {
        return await reportPdf(ctx, r);
      } catch (e) {
        if (e instanceof PdfUnavailable) throw new UsageError(`cannot print a PDF: ${e.message}. Set CHROMIUM_PATH, or write --format html and print it from a browser.`);
        throw e;
      } finally {
        await closePdfBrowser();
      }
    },
    { existing: true },
  );
  writeFileSync(out, body);
  process.stdout.write(`${out}\n`);
  return 0;
};
