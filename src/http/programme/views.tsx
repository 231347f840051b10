// The programme view (every assessment the viewer may read across countries, filters, a comparison chart of
// published results, the open-data export) and the administrators' page granting programme officer rights.
import type { TProgrammeOfficer } from '../../domain/programme/list-programme-officers.ts';
import type { TProgrammeFilter, TProgrammeRow, TProgrammeView } from '../../domain/programme/get-programme-view.ts';
import { countryName } from '../../i18n/countries.ts';
import { DIRECTION, formatNumber, listOf, type TFn, type TLocale } from '../../i18n/index.ts';
import { m49Name } from '../../i18n/regions.ts';
import { barSvg } from '../../reports/charts.ts';
import { Bdi } from '../kit/bidi.tsx';
import { Chart, hundred } from '../kit/chart.tsx';
import { date, num, score } from '../kit/format.ts';
import { ErrorSummary, Field, SelectField } from '../kit/forms.tsx';
import { Progress } from '../kit/progress.tsx';
import { DataTable } from '../kit/table.tsx';
import { assessmentPaths, paths } from '../paths.ts';

/** The filter as a query string (empty values left out), for links that keep it. */
export function filterQuery(f: TProgrammeFilter): string {
  const q = new URLSearchParams();
  if (f.region) q.set('region', f.region);
  if (f.subregion) q.set('subregion', f.subregion);
  if (f.cycle !== undefined) q.set('cycle', String(f.cycle));
  if (f.state) q.set('state', f.state);
  return q.toString();
}

function Filters(p: { t: TFn; locale: TLocale; v: TProgrammeView; f: TProgrammeFilter }) {
  const { t, locale, v, f } = p;
  const all = ['', t('prog.filter_all')] as const;
  return (
    <form method="get" action={paths.programme()} class="filters card">
      <h2>{t('prog.filter_title')}</h2>
      <SelectField name="region" label={t('prog.region')} value={f.region ?? ''} options={[all, ...v.facets.regions.map((r) => [r, m49Name(locale, r)] as const)]} />
      <SelectField name="subregion" label={t('prog.subregion')} value={f.subregion ?? ''} options={[all, ...v.facets.subregions.map((r) => [r, m49Name(locale, r)] as const)]} />
      <SelectField name="cycle" label={t('prog.cycle')} value={f.cycle === undefined ? '' : String(f.cycle)} options={[all, ...v.facets.cycles.map((c) => [String(c), String(c)] as const)]} />
      <SelectField name="state" label={t('prog.state')} value={f.state ?? ''} options={[all, ...v.facets.states.map((s) => [s, t(`state.${s}`)] as const)]} />
      <p>
        <button type="submit">{t('prog.filter_apply')}</button> <a href={paths.programme()}>{t('prog.filter_clear')}</a>
      </p>
    </form>
  );
}

/** "0.52 (0.47 – 0.58)": the index with its 95 % bootstrap interval, written as the results page writes it
 * (the interval isolated, so on an Arabic page its numbers stay together inside the brackets). */
function IndexCell(p: { t: TFn; locale: TLocale; r: TProgrammeRow }) {
  const { t, r, locale } = p;
  if (r.index === null) return <>–</>;
  return (
    <>
      {score(locale, r.index)}
      {r.interval && r.interval.low !== null && r.interval.high !== null && (
        <span class="muted">
          {' ('}
          <bdi>{t('res.interval_value', { low: score(locale, r.interval.low), high: score(locale, r.interval.high) })}</bdi>
          {')'}
        </span>
      )}
    </>
  );
}

function gapText(locale: TLocale, gap: number | null | undefined): string {
  return gap === null || gap === undefined ? '–' : formatNumber(locale, gap * 100, { signDisplay: 'exceptZero', maximumFractionDigits: 0 });
}

/** The programme view. */
export function ProgrammePage(p: { t: TFn; locale: TLocale; v: TProgrammeView; f: TProgrammeFilter; isAdmin: boolean }) {
  const { t, locale, v, f } = p;
  const published = v.rows.filter((r) => r.state === 'published' && r.results && r.index !== null);
  const label = (r: TProgrammeRow) => `${countryName(locale, r.country)} ${r.cycle}`;
  const chart = published.length
    ? barSvg(
        { id: 'prog-chart-title', title: t('prog.chart_title') },
        published.map(label),
        [{ name: t('prog.index'), values: published.map((r) => hundred(r.index)) }],
        { horizontal: true, dir: DIRECTION[locale], height: Math.max(160, 60 + published.length * 34), format: (x) => formatNumber(locale, x / 100, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) },
      )
    : '';
  const q = filterQuery(f);
  return (
    <>
      <h1>{t('prog.title')}</h1>
      <p>{v.all ? t('prog.intro_all') : t('prog.intro_countries', { countries: new Intl.ListFormat(locale, { type: 'conjunction' }).format(v.countries.map((c) => countryName(locale, c))) })}</p>
      {p.isAdmin && (
        <p>
          <a href={paths.programmeOfficers}>{t('prog.manage_officers')}</a>
        </p>
      )}
      <Filters t={t} locale={locale} v={v} f={f} />
      <p role="status">{t('prog.count', { shown: v.rows.length, total: v.total })}</p>
      <section aria-labelledby="prog-cmp-h">
        <h2 id="prog-cmp-h">{t('prog.compare_title')}</h2>
        <p>{t('prog.compare_explain')}</p>
        {published.length ? (
          <>
            <Chart svg={chart} table="prog-cmp-table" label={t('res.see_table')} />
            <DataTable
              t={t}
              id="prog-cmp-table"
              caption={t('prog.compare_caption')}
              rows={published}
              columns={[
                { head: t('prog.country'), rowHeader: true, cell: (r) => label(r) },
                { head: t('prog.index'), num: true, cell: (r) => <IndexCell t={t} locale={locale} r={r} /> },
              ]}
            />
          </>
        ) : (
          <p class="muted">{t('prog.no_published')}</p>
        )}
        <p>
          <a href={paths.programmeCsv(q)} download>
            {t('prog.export')}
          </a>
        </p>
      </section>
      <section aria-labelledby="prog-all-h">
        <h2 id="prog-all-h">{t('prog.all_title')}</h2>
        <p class="muted">{t('prog.all_explain')}</p>
        <DataTable
          t={t}
          id="prog-table"
          caption={t('prog.table_caption')}
          empty={t('prog.empty')}
          rows={v.rows}
          columns={[
            {
              head: t('prog.country'),
              rowHeader: true,
              cell: (r) => <a href={assessmentPaths(r.id).overview}>{countryName(locale, r.country)}</a>,
            },
            { head: t('prog.subregion'), cell: (r) => (r.subregion ? m49Name(locale, r.subregion) : '–') },
            { head: t('prog.cycle'), num: true, cell: (r) => String(r.cycle) },
            { head: t('prog.state'), cell: (r) => t(`state.${r.state}`) },
            { head: t('prog.progress'), cell: (r) => (r.answered !== null && r.expected ? <Progress t={t} locale={locale} answered={r.answered} total={r.expected} label={t('prog.progress_of', { country: countryName(locale, r.country), cycle: r.cycle })} /> : '–') },
            { head: t('prog.index'), num: true, cell: (r) => (r.results ? <a href={assessmentPaths(r.id).results}><IndexCell t={t} locale={locale} r={r} /></a> : <IndexCell t={t} locale={locale} r={r} />) },
            { head: t('epi_stage.e_information'), num: true, cell: (r) => num(locale, r.stages?.e_information) },
            { head: t('epi_stage.e_consultation'), num: true, cell: (r) => num(locale, r.stages?.e_consultation) },
            { head: t('epi_stage.e_decision_making'), num: true, cell: (r) => num(locale, r.stages?.e_decision_making) },
            { head: t('prog.gap'), num: true, cell: (r) => (r.calibration ? <abbr title={r.calibration.reading ? t(`cal.reading.${r.calibration.reading}`) : undefined}>{gapText(locale, r.calibration.gap)}</abbr> : '–') },
            { head: t('prog.pulse'), num: true, cell: (r) => num(locale, r.pulse) },
          ]}
        />
      </section>
    </>
  );
}

/** The administrators' page: who is programme officer for which countries, and the form to change it. */
export function ProgrammeOfficersPage(p: { t: TFn; locale: TLocale; officers: TProgrammeOfficer[]; values?: Record<string, string | undefined>; error?: string | undefined; fields?: Record<string, string> }) {
  const { t, locale } = p;
  return (
    <>
      <p>
        <a href={paths.programme()}>{t('prog.title')}</a>
      </p>
      <h1>{t('prog.officers_title')}</h1>
      <p>{t('prog.officers_intro')}</p>
      <DataTable
        t={t}
        caption={t('prog.officers_caption')}
        empty={t('prog.officers_empty')}
        columns={[
          { head: t('prog.person'), cell: (o: TProgrammeOfficer) => <Bdi>{`${o.name} <${o.email}>`}</Bdi>, rowHeader: true },
          { head: t('prog.countries'), cell: (o) => listOf(locale, o.countries.map((c) => `${countryName(locale, c)} (${c})`)) },
          { head: t('prog.granted'), cell: (o) => date(locale, o.grantedAt) },
        ]}
        rows={p.officers}
      />
      <form method="post" action={paths.programmeOfficers} novalidate class="card">
        <h2>{t('prog.grant_title')}</h2>
        <ErrorSummary message={p.error} />
        <Field name="email" type="email" label={t('prog.email')} value={p.values?.email} error={p.fields?.email} autocomplete="off" />
        <Field name="countries" label={t('prog.countries')} hint={t('prog.countries_hint')} value={p.values?.countries} error={p.fields?.countries} autocomplete="off" />
        <SelectField name="change" label={t('prog.change')} value={p.values?.change ?? 'grant'} options={[['grant', t('prog.change.grant')], ['revoke', t('prog.change.revoke')]]} error={p.fields?.change} />
        <button type="submit">{t('prog.save')}</button>
      </form>
    </>
  );
}
