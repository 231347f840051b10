// How certain the scores are, beside each score on the results page: the band or "insufficient data" (and
// "partial"), the 95 % bootstrap interval, the probability that the band holds, and the range of the
// index and of pillar ranks under other weights and consolidation rules (docs/METHODOLOGY.md §3, §8, §13).
import type { TFullResults } from '../../domain/results/compute-results.ts';
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import type { TCombined, TScored } from '../../scoring/aggregate.ts';
import type { TInterval } from '../../scoring/uncertainty.ts';
import { pct, score } from '../kit/format.ts';
import { TableWrap } from '../kit/table.tsx';
import type { TPair } from '../kit/dl.tsx';

/** A score's band, or "insufficient data" when its coverage is under the minimum (never a band then). */
export function BandCell(p: { t: TFn; s: TScored }) {
  if (p.s.score === null) return <>–</>;
  return p.s.band ? <>{p.t(`band.${p.s.band}`)}</> : <span class="muted">{p.t('res.insufficient')}</span>;
}

/** The index's band badge, "insufficient data" in its place, and "partial" when pillars are missing. */
export function BandBadge(p: { t: TFn; s: TCombined }) {
  return (
    <>
      {p.s.score !== null && <span class="badge">{p.s.band ? p.t(`band.${p.s.band}`) : p.t('res.insufficient')}</span>}
      {p.s.partial && (
        <>
          {' '}
          <span class="badge">{p.t('res.partial', { scored: p.s.pillarsScored, total: p.s.pillarsTotal })}</span>
        </>
      )}
    </>
  );
}

function Interval(p: { t: TFn; locale: TLocale; i: TInterval | undefined }) {
  return p.i?.low === null || p.i?.low === undefined ? <>–</> : <>{p.t('res.interval_value', { low: score(p.locale, p.i.low), high: score(p.locale, p.i.high) })}</>;
}

/** The index's uncertainty as label–value pairs for the index card: minimum coverage, interval, band probability, range under other choices, unsubmitted questionnaires. */
export function indexUncertaintyPairs(t: TFn, locale: TLocale, r: TFullResults): (TPair | false)[] {
  const u = r.uncertainty;
  return [
    [
      t('res.min_coverage'),
      <>
        {pct(locale, r.scores.minCoverage)}
        {!r.scores.sufficient && r.scores.score !== null && <> — {t('res.insufficient')}</>}
      </>,
    ],
    [t('res.interval'), <Interval t={t} locale={locale} i={u.bootstrap.index} />],
    [t('res.band_probability'), pct(locale, u.bootstrap.index.bandProbability)],
    [t('res.global_range'), u.global.index.min === null ? '–' : t('res.interval_value', { low: score(locale, u.global.index.min), high: score(locale, u.global.index.max) })],
    r.basis.unsubmitted > 0 && [t('res.unsubmitted_term'), t('res.unsubmitted', { count: r.basis.unsubmitted })],
  ];
}

/** The uncertainty section: every score with its coverage, band (or insufficient data), interval, band probability and, for pillars, rank range. */
export function UncertaintySection(p: { t: TFn; locale: TLocale; r: TFullResults; pillarName: (id: string) => string }) {
  const { t, locale, r } = p;
  const u = r.uncertainty;
  const s = r.scores;
  const row = (label: string, x: TScored, i: TInterval | undefined, rank?: { baseline: number; min: number; max: number }) => (
    <tr>
      <th scope="row">{label}</th>
      <td class="num">{score(locale, x.score)}</td>
      <td>
        <BandCell t={t} s={x} />
      </td>
      <td class="num">{pct(locale, x.coverage)}</td>
      <td class="num">
        <Interval t={t} locale={locale} i={i} />
      </td>
      <td class="num">{pct(locale, i?.bandProbability)}</td>
      <td class="num">{rank ? t('res.rank_value', { rank: formatNumber(locale, rank.baseline), min: formatNumber(locale, rank.min), max: formatNumber(locale, rank.max) }) : '–'}</td>
    </tr>
  );
  return (
    <section aria-labelledby="unc-h">
      <h3 id="unc-h">{t('res.uncertainty')}</h3>
      <p>{t('res.uncertainty_explain', { resamples: u.bootstrap.resamples, draws: u.global.draws, min: pct(locale, s.minCoverage) })}</p>
      <TableWrap t={t}>
        <table id="unc-table">
          <caption>{t('res.uncertainty_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('res.scope')}</th>
              <th scope="col" class="num">{t('res.score')}</th>
              <th scope="col">{t('res.band')}</th>
              <th scope="col" class="num">{t('res.coverage')}</th>
              <th scope="col" class="num">{t('res.interval')}</th>
              <th scope="col" class="num">{t('res.band_probability')}</th>
              <th scope="col" class="num">{t('res.rank_range')}</th>
            </tr>
          </thead>
          <tbody>
            {row(t('res.index'), s, u.bootstrap.index)}
            {s.parts.map((x) => row(t('res.part', { id: x.id }), x, u.bootstrap.parts[x.id]))}
            {s.pillars.map((x) => row(p.pillarName(x.id), x, u.bootstrap.pillars[x.id], u.global.ranks[x.id]))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
