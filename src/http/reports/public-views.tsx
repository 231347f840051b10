// The public side of the country report (no sign-in): the bar above a published report (its languages and
// its files) and the index of published assessments. They are given only the redacted model's publication
// facts or the index entries (domain/publication), never anything with people in it.
import type { TPublishedEntry } from '../../domain/publication/list-publications.ts';
import { LICENCE_NAME, type TLicence, type TPublicationLevel } from '../../domain/publication/publication-levels.ts';
import { DIRECTION, ENDONYM, LOCALES, type TFn, type TLocale } from '../../i18n/index.ts';
import { AssessmentName } from '../kit/assessment-header.tsx';
import { Ltr } from '../kit/bidi.tsx';
import { date, score } from '../kit/format.ts';
import { DataTable } from '../kit/table.tsx';
import { paths } from '../paths.ts';

/** One download of a public report. */
export interface TDownload {
  href: string;
  label: string;
}

/**
 * The files of a public report in one language. Every public download is listed here (and only made from
 * the redacted model): the open-data package under the publication's licence among them.
 */
export function publicDownloads(t: TFn, id: string, language: TLocale): TDownload[] {
  return [
    { href: paths.publicReportPdf(id, language), label: t('report.download_pdf') },
    { href: paths.publicReportXlsx(id, language), label: t('report.download_xlsx') },
    { href: paths.publicReportZip(id, language), label: t('report.download_datapackage') },
    { href: paths.publicApiAssessment(id, language), label: t('pub.download_json') },
  ];
}

/** The bar above a public report, in the reader's interface language: the report's languages, its files. */
export function PublicToolbar(p: { t: TFn; ui: TLocale; id: string; language: TLocale; level: TPublicationLevel; licence: TLicence; publishedAt: string }) {
  const { t } = p;
  return (
    <nav class="report-bar" lang={p.ui} dir={DIRECTION[p.ui]} aria-label={t('pub.bar_label')}>
      <ul>
        <li><a href={paths.publicAssessments}>{t('pub.all_published')}</a></li>
        {publicDownloads(t, p.id, p.language).map((d) => (
          <li><a href={d.href}>{d.label}</a></li>
        ))}
      </ul>
      <ul aria-label={t('pub.languages')}>
        {LOCALES.map((l) => (
          <li>
            <a href={paths.publicAssessment(p.id, l)} lang={l} hreflang={l} aria-current={l === p.language ? 'page' : undefined}>{ENDONYM[l]}</a>
          </li>
        ))}
      </ul>
      <p>
        {t('pub.published_on', { date: date(p.ui, p.publishedAt, 'long') })} · {t(`pub.level.${p.level}`)} · {t('pub.licence_note')} <Ltr>{LICENCE_NAME[p.licence]}</Ltr>
      </p>
    </nav>
  );
}

/** The public index: every published assessment with its index and band. */
export function PublicIndexPage(p: { t: TFn; locale: TLocale; rows: TPublishedEntry[] }) {
  const { t, locale } = p;
  return (
    <>
      <h1>{t('pub.index_title')}</h1>
      <p>{t('pub.index_intro')}</p>
      <DataTable
        t={t}
        caption={t('pub.index_caption')}
        rows={p.rows}
        empty={t('pub.none')}
        columns={[
          { head: t('pub.col_assessment'), rowHeader: true, cell: (r) => <a href={paths.publicAssessment(r.id)}><AssessmentName locale={locale} a={{ country: r.country, scope: r.scope, cycle_year: r.cycleYear }} /></a> },
          { head: t('pub.col_published'), cell: (r) => date(locale, r.publishedAt, 'long') },
          // The index with its band in one column: four columns do not fit a 360 px phone.
          { head: t('res.index'), cell: (r) => <><span class="num">{score(locale, r.index)}</span> · {r.band ? t(`band.${r.band}`) : t('res.insufficient')}</> },
        ]}
      />
      <p>
        <a href={paths.publicApi}>{t('pub.index_json')}</a>
      </p>
    </>
  );
}

