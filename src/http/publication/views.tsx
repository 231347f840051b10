// Publication views: the public index of published assessments, the bar above a public report (its
// languages and downloads), the publish choices and the public-report card on the coordinator's overview,
// and a respondent's consent to be named. Public views are given only the redacted model or the index
// entries (domain/publication), never anything with people in it.
import type { TPublishedEntry } from '../../domain/publication/list-publications.ts';
import { LICENCES, PUBLICATION_LEVELS, type TLicence, type TPublicationLevel } from '../../domain/publication/publication-levels.ts';
import type { TConsent } from '../../domain/publication/get-consent.ts';
import { DIRECTION, ENDONYM, LOCALES, type TFn, type TLocale } from '../../i18n/index.ts';
import { AssessmentHeader, AssessmentName } from '../kit/assessment-header.tsx';
import { Ltr } from '../kit/bidi.tsx';
import { ErrorSummary } from '../kit/forms.tsx';
import { date, score } from '../kit/format.ts';
import { DataTable } from '../kit/table.tsx';
import { assessmentPaths, paths } from '../paths.ts';

/** Licence names as their authors write them (proper names: not translated). */
export const LICENCE_NAME: Record<TLicence, string> = { 'CC-BY-4.0': 'CC BY 4.0', 'CC-BY-SA-4.0': 'CC BY-SA 4.0', 'CC0-1.0': 'CC0 1.0', 'ODbL-1.0': 'ODbL 1.0' };

/** One download of a public report. */
export interface TDownload {
  href: string;
  label: string;
}

/**
 * The files of a public report in one language. Every public download is listed here (and only made from
 * the redacted model): the open-data package's link is added to this list when it exists.
 */
export function publicDownloads(t: TFn, id: string, language: TLocale): TDownload[] {
  return [
    { href: paths.publicReportPdf(id, language), label: t('report.download_pdf') },
    { href: paths.publicReportXlsx(id, language), label: t('report.download_xlsx') },
    // DATA PACKAGE: the Frictionless data package download goes here (src/reports/datapackage.ts).
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
          { head: t('pub.col_published'), cell: (r) => date(locale, r.publishedAt, 'medium') },
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

/** The choices of the publish form on the overview: what becomes public and the data licence. */
export function PublishFields(p: { t: TFn; values?: Record<string, string> | undefined; fields?: Record<string, string> | undefined }) {
  const { t } = p;
  const level = p.values?.level ?? 'scores';
  const licence = p.values?.licence ?? LICENCES[0];
  return (
    <>
      <fieldset class={p.fields?.level ? 'field has-error' : 'field'}>
        <legend>{t('pub.level_legend')}</legend>
        <p class="hint">{t('pub.level_hint')}</p>
        {p.fields?.level && <p class="error">{p.fields.level}</p>}
        {PUBLICATION_LEVELS.map((l) => (
          <div class="choice">
            <input type="radio" id={`f-level-${l}`} name="level" value={l} checked={l === level} />
            <label for={`f-level-${l}`}>{t(`pub.level.${l}`)}</label>
          </div>
        ))}
      </fieldset>
      <div class={p.fields?.licence ? 'field has-error' : 'field'}>
        <label for="f-licence">{t('pub.licence')}</label>
        <p class="hint" id="f-licence-hint">{t('pub.licence_hint')}</p>
        {p.fields?.licence && <p class="error">{p.fields.licence}</p>}
        <select id="f-licence" name="licence" aria-describedby="f-licence-hint">
          {LICENCES.map((l) => (
            <option value={l} selected={l === licence}>{LICENCE_NAME[l]}</option>
          ))}
        </select>
      </div>
    </>
  );
}

/** On the overview of a published assessment: where its public page is and what it shows. */
export function PublicationCard(p: { t: TFn; locale: TLocale; id: string; publication: { level: TPublicationLevel; licence: TLicence; publishedAt: string }; canChange: boolean; values?: Record<string, string> | undefined; fields?: Record<string, string> | undefined; error?: string | undefined }) {
  const { t } = p;
  return (
    <section aria-labelledby="pub-h" class="card">
      <h2 id="pub-h">{t('pub.card_title')}</h2>
      <p>
        {t('pub.published_on', { date: date(p.locale, p.publication.publishedAt, 'long') })} · {t(`pub.level.${p.publication.level}`)} · {t('pub.licence_note')} <Ltr>{LICENCE_NAME[p.publication.licence]}</Ltr>
      </p>
      <p>
        <a href={paths.publicAssessment(p.id)}>{t('pub.public_page')}</a>
      </p>
      {p.canChange && (
        <form method="post" action={assessmentPaths(p.id).publication}>
          <ErrorSummary message={p.error} />
          <PublishFields t={t} values={p.values ?? { level: p.publication.level, licence: p.publication.licence }} fields={p.fields} />
          <button type="submit" class="secondary">{t('pub.update')}</button>
        </form>
      )}
      <p class="hint">{t('pub.withdraw_hint')}</p>
    </section>
  );
}

/** A respondent's consent to be named in the report's participants annex. */
export function ConsentPage(p: { t: TFn; locale: TLocale; c: TConsent; error?: string | undefined }) {
  const { t, locale, c } = p;
  const a = c.access.assessment;
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={c.access} current={assessmentPaths(a.id).consent} />
      <h2>{t('consent.title')}</h2>
      <p>{t('consent.explain')}</p>
      <p>{t('consent.withdraw_any_time')}</p>
      <p class="notice" role="status">
        {t(c.named ? 'consent.now_named' : 'consent.not_named')}
        {c.public && <> {t('consent.public_now')}</>}
      </p>
      {c.public && (
        <p>
          <a href={paths.publicAssessment(a.id)}>{t('pub.public_page')}</a>
        </p>
      )}
      <ErrorSummary message={p.error} />
      <form method="post" action={assessmentPaths(a.id).consent}>
        <div class="choice">
          <input type="checkbox" id="f-named" name="named" value="1" checked={c.named} />
          <label for="f-named">{t('consent.label')}</label>
        </div>
        <button type="submit">{t('consent.save')}</button>
      </form>
    </>
  );
}
