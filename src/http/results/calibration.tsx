// The results page's calibration section: the self-assessed Part II score's position beside the country's
// UN E-Participation Index percentile, the gap read in plain words with its caveats, and the trend of METEP
// cycles and EPI editions on one time axis (chart and table of the same numbers).
import type { TResults } from '../../domain/results/compute-results.ts';
import { DIRECTION, formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { timeSvg } from '../../reports/charts.ts';
import { pct, score } from '../kit/format.ts';
import { TableWrap } from '../kit/table.tsx';
import { paths } from '../paths.ts';
import { Chart, hundred } from '../kit/chart.tsx';

/** The calibration section of the results page. */
export function CalibrationSection(p: { t: TFn; locale: TLocale; res: TResults }) {
  const { t, locale } = p;
  const c = p.res.calibration;
  const country = p.res.access.assessment.country;
  if (!c) {
    return (
      <section aria-labelledby="cal-h">
        <h3 id="cal-h">{t('cal.title')}</h3>
        <p>{t('cal.no_epi')}</p>
      </section>
    );
  }
  const years = [...new Set([...c.trend.cycles.map((x) => x.year), ...c.trend.editions.map((x) => x.year)])].sort((a, b) => a - b);
  const cycle = (y: number) => c.trend.cycles.find((x) => x.year === y);
  const edition = (y: number) => c.trend.editions.find((x) => x.year === y);
  const trend = timeSvg({ id: 'cal-trend-title', title: t('cal.trend_chart') }, [
    { name: t('cal.series_epi'), points: c.trend.editions.map((x) => ({ x: x.year, y: hundred(x.epiPercentile) })) },
    { name: t('cal.series_metep'), points: c.trend.cycles.map((x) => ({ x: x.year, y: hundred(x.partII) })) },
  ], { dir: DIRECTION[locale], width: 360 });
  const points = c.gap === null ? '–' : formatNumber(locale, Math.round(c.gap * 100), { signDisplay: 'exceptZero' });
  return (
    <section aria-labelledby="cal-h">
      <h3 id="cal-h">{t('cal.title')}</h3>
      {c.fictional && (
        <p class="warning" role="note">
          {t('cal.fictional')}
        </p>
      )}
      {c.reading && (
        <p class="notice">
          <strong>{t(`cal.reading.${c.reading}`)}</strong>
        </p>
      )}
      <dl class="stacked">
        <dt>{t('cal.part_ii')}</dt>
        <dd>{score(locale, c.partII)}</dd>
        <dt>{t('cal.self_position')}</dt>
        <dd>
          {pct(locale, c.selfPosition)} <span class="muted">{c.method === 'peers' ? t('cal.method_peers', { count: c.peers }) : t('cal.method_scale')}</span>
        </dd>
        <dt>{t('cal.epi', { year: c.edition })}</dt>
        <dd>
          {score(locale, c.epi)} <span class="muted">({t('bm.rank_of', { rank: formatNumber(locale, c.epiRank ?? 0), of: formatNumber(locale, c.epiOf) })})</span>
        </dd>
        <dt>{t('cal.epi_percentile')}</dt>
        <dd>{pct(locale, c.epiPercentile)}</dd>
        <dt>{t('cal.gap')}</dt>
        <dd>{t('cal.gap_value', { points })}</dd>
      </dl>
      <p>{t('cal.prompt')}</p>
      <h4>{t('cal.caveats')}</h4>
      <ul>
        <li>{t('cal.caveat_relative')}</li>
        <li>{t('cal.caveat_editions')}</li>
        <li>{t('cal.caveat_lag', { edition: c.edition, cycle: p.res.access.assessment.cycle_year })}</li>
        {c.method === 'scale' && <li>{t('cal.caveat_scale')}</li>}
      </ul>
      <h4 id="cal-trend-h">{t('cal.trend')}</h4>
      <Chart svg={trend} table="cal-trend-table" label={t('res.see_table')} narrow />
      <TableWrap t={t}>
        <table id="cal-trend-table" class="figures">
          <caption>{t('cal.trend_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cal.year')}</th>
              <th scope="col" class="num">{t('cal.series_metep')}</th>
              <th scope="col" class="num">{t('bm.epi')}</th>
              <th scope="col" class="num">{t('cal.series_epi')}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr>
                <th scope="row">
                  {y}
                  {cycle(y)?.provisional && <span class="muted"> ({t('cal.provisional')})</span>}
                </th>
                <td class="num">{cycle(y) ? score(locale, cycle(y)?.partII) : '–'}</td>
                <td class="num">{edition(y) ? score(locale, edition(y)?.epi) : '–'}</td>
                <td class="num">{edition(y) ? pct(locale, edition(y)?.epiPercentile) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p>
        <a href={paths.country(country)}>{t('cal.profile_link')}</a>
      </p>
    </section>
  );
}

