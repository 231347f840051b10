// The country report as a PDF download, for members and for the public alike: without Chromium on the
// server, a page that says so and links the same report as HTML (503), never a crash.
import type { Context } from 'hono';
import type { TReport } from '../../domain/reports/get-report.ts';
import { PdfUnavailable } from '../../reports/pdf.ts';
import type { AppEnv } from '../env.ts';
import { page } from '../request.ts';
import { reportPdf } from './report-files.ts';

/** Answers with the report's PDF as `fileName`, or with the HTML fallback at `htmlHref`. */
export async function pdfResponse(c: Context<AppEnv>, r: TReport, fileName: string, htmlHref: string): Promise<Response> {
  try {
    const pdf = await reportPdf(c.var.ctx, r);
    c.header('Content-Type', 'application/pdf');
    c.header('Cache-Control', 'no-store');
    c.header('Content-Disposition', `attachment; filename="${fileName}"`);
    return c.body(new Uint8Array(pdf));
  } catch (e) {
    if (!(e instanceof PdfUnavailable)) throw e;
    c.var.ctx.log.warn('pdf unavailable', { reason: e.message });
    const t = c.var.t;
    return page(
      c,
      t('report.title'),
      <section>
        <h1>{t('report.title')}</h1>
        <p class="notice">{t('report.pdf_unavailable')}</p>
        <p>
          <a href={htmlHref}>{t('report.open_html')}</a>
        </p>
      </section>,
      { status: 503 },
    );
  }
}
