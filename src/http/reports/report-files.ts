// The country report as files: the standalone HTML (stylesheet inlined) and the PDF Chromium prints from
// it, kept per assessment, language and content fingerprint. Shared by the report routes and `metep report`.
import type { TReport } from '../../domain/reports/get-report.ts';
import type { Ctx } from '../../domain/kernel/context.ts';
import { DIRECTION, t } from '../../i18n/index.ts';
import { cachedPdf, printPdf } from '../../reports/pdf.ts';
import { getAsset } from '../assets.ts';
import { reportHtml, reportRunningHeader } from './report-document.tsx';

function css(): string {
  const a = getAsset('report.css');
  return a ? new TextDecoder().decode(a.body) : '';
}

/** The report as one self-contained HTML file. */
export function reportFile(r: TReport, generatedAt: string, extraCss = ''): string {
  return reportHtml(r, { generatedAt, css: { inline: css() + extraCss } });
}

/** The report as a PDF; throws PdfUnavailable when Chromium is missing. */
export function reportPdf(ctx: Ctx, r: TReport): Promise<Buffer> {
  // Keyed by content, not by time: a kept PDF says on its cover when it was made.
  return cachedPdf(`${r.cover.assessmentId}:${r.locale}:${r.fingerprint}`, () =>
    printPdf(ctx.config.chromiumPath, reportFile(r, ctx.now().toISOString()), { lang: r.locale, dir: DIRECTION[r.locale], header: reportRunningHeader(r), pageOf: t(r.locale, 'report.page_of', { page: '{page}', pages: '{pages}' }) }),
  );
}
