// The country report as one standalone HTML document in the report's language (<html lang dir> of the
// report, not of the reader's interface): the page the browser shows and prints, and what Chromium prints
// to PDF (reports/pdf.ts) and the CLI writes. Its stylesheet is linked on the site (strict CSP) and
// inlined in files that must stand alone.
import type { Child } from 'hono/jsx';
import type { TReport } from '../../domain/reports/get-report.ts';
import { DIRECTION, translator } from '../../i18n/index.ts';
import { neutraliseBidi } from '../request.ts';
import { Benchmarks, Items, Methodology, Participants, Plan } from './report-annexes.tsx';
import { Cover, Decisions, PerceptionGaps, Results, StrengthsGaps, Summary } from './report-sections.tsx';

/** How the document gets its stylesheet: a link on the site, or the CSS itself in a standalone file. */
export type TReportCss = { href: string } | { inline: string };

/** The table of contents: the chapters this report has, in order. */
function contents(r: TReport): [id: string, key: string][] {
  return [
    ['summary', 'report.summary'],
    ['results', 'report.results'],
    ['strengths', 'res.strengths_gaps'],
    ['perception', 'res.gap_title'],
    ['decisions', 'report.decisions'],
    ...(r.plan ? ([['plan', 'plan.title']] as [string, string][]) : []),
    ...(r.benchmarks ? ([['benchmarks', 'cal.title']] as [string, string][]) : []),
    ['methodology', 'report.methodology'],
    ['participants', 'report.participants'],
    ['items', 'report.items'],
  ];
}

/** The report as a complete HTML document (doctype included); `toolbar` is the site's bar above it, if any. */
export function reportHtml(r: TReport, opts: { generatedAt: string; css: TReportCss; toolbar?: Child }): string {
  const t = translator(r.locale);
  const title = `${t('report.title')}: ${r.cover.country} ${r.cover.cycleYear}`;
  const html = (
    <html lang={r.locale} dir={DIRECTION[r.locale]}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — METEP`}</title>
        {'href' in opts.css ? <link rel="stylesheet" href={opts.css.href} /> : <style dangerouslySetInnerHTML={{ __html: opts.css.inline }} />}
      </head>
      <body class="report">
        {opts.toolbar}
        <main id="main">
          <Cover t={t} r={r} generatedAt={opts.generatedAt} />
          <nav aria-labelledby="toc" class="toc">
            <h2 id="toc">{t('report.contents')}</h2>
            <ol>
              {contents(r).map(([id, key]) => (
                <li>
                  <a href={`#${id}`}>{t(key)}</a>
                </li>
              ))}
            </ol>
          </nav>
          <Summary t={t} r={r} />
          <Results t={t} r={r} />
          <StrengthsGaps t={t} r={r} />
          <PerceptionGaps t={t} r={r} />
          <Decisions t={t} r={r} />
          <Plan t={t} r={r} />
          <Benchmarks t={t} r={r} />
          <Methodology t={t} r={r} />
          <Participants t={t} r={r} />
          <Items t={t} r={r} />
        </main>
      </body>
    </html>
  );
  return `<!doctype html>${neutraliseBidi(String(html))}`;
}

/** The running header of printed pages: the report's title. */
export function reportRunningHeader(r: TReport): string {
  return `${translator(r.locale)('report.title')}: ${r.cover.country} ${r.cover.cycleYear}`;
}
