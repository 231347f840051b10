// The top of the results page: the index with its coverage, agreement and evidence, and the pillars as a
// radar chart with a table of the same numbers (this cycle beside the previous one when it is shown).
import { DIRECTION, formatNumber } from '../../i18n/index.ts';
import { radarSvg } from '../../reports/charts.ts';
import { Pairs } from '../kit/dl.tsx';
import { delta, pct, score } from '../kit/format.ts';
import { DataTable } from '../kit/table.tsx';
import { assessmentPaths } from '../paths.ts';
import type { TResultsView } from './view.tsx';
import { Chart, hundred } from '../kit/chart.tsx';
import { BandBadge, BandCell, indexUncertaintyPairs } from './uncertainty.tsx';

/** The index card: score and band, the figures behind it, target, previous cycle, downloads. */
export function IndexSummary(p: { v: TResultsView }) {
  const { t, locale, res, a, s, prev } = p.v;
  return (
    <section aria-labelledby="idx-h" class="card">
      <h3 id="idx-h">{t('res.index')}</h3>
      <p>
        <span class="score-big">{score(locale, s.score)}</span> <BandBadge t={t} s={s} />
      </p>
      <Pairs
        pairs={[
          [t('res.coverage'), pct(locale, s.coverage)],
          ...indexUncertaintyPairs(t, locale, res),
          [t('res.agreement'), pct(locale, res.agreement.index)],
          [t('res.evidence_strength'), pct(locale, s.evidenceStrength)],
          [t('res.unsupported'), formatNumber(locale, s.unsupported)],
          [t('res.basis'), t('res.basis_value', { respondents: res.respondents, agreed: res.items.filter((i) => i.source === 'consensus').length, items: res.items.filter((i) => i.source !== null).length })],
          a.target_index !== null && [t('asm.target_label'), score(locale, a.target_index)],
          prev && [t('res.previous', { year: prev.access.assessment.cycle_year }), `${score(locale, prev.scores.score)} (${t('res.change')}: ${delta(locale, s.score, prev.scores.score)})`],
        ]}
      />
      <p>
        <a href={assessmentPaths(a.id).report()}>{t('report.title')}</a> · <a href={assessmentPaths(a.id).resultsJson}>{t('res.download_json')}</a> · <a href={assessmentPaths(a.id).resultsCsv}>{t('res.download_csv')}</a>
      </p>
    </section>
  );
}

/** The pillars: radar chart (with the previous cycle) and the table with every pillar figure. */
export function PillarSection(p: { v: TResultsView }) {
  const { t, locale, res, a, s, pillars, prev, prevPillar, pillarName } = p.v;
  const thisCycle = { name: t('res.this_cycle', { year: a.cycle_year }), values: s.pillars.map((x) => hundred(x.score)) };
  const radar = radarSvg(
    { id: 'radar-title', title: t('res.radar_title') },
    // Letters on the axes: the names are in the table below, and a phone shows the picture at its own size.
    pillars.map((x) => x.id),
    [thisCycle, ...(prev ? [{ name: t('res.this_cycle', { year: prev.access.assessment.cycle_year }), values: pillars.map((x) => hundred(prevPillar(x.id))) }] : [])],
    { dir: DIRECTION[locale], noScore: t('res.no_score'), width: 360, height: 330 },
  );
  return (
    <section aria-labelledby="pil-h">
      <h3 id="pil-h">{t('res.pillars')}</h3>
      <Chart svg={radar} table="pil-table" label={t('res.see_table')} narrow />
      <DataTable
        t={t}
        id="pil-table"
        caption={t('res.pillars_caption')}
        rows={s.pillars}
        columns={[
          { head: t('ws.pillar'), rowHeader: true, cell: (x) => <a href={assessmentPaths(a.id).resultsPillarItems(x.id)}>{pillarName(x.id)}</a> },
          { head: t('res.score'), num: true, cell: (x) => score(locale, x.score) },
          { head: t('res.band'), cell: (x) => <BandCell t={t} s={x} /> },
          { head: t('res.coverage'), num: true, cell: (x) => pct(locale, x.coverage) },
          { head: t('res.agreement'), num: true, cell: (x) => pct(locale, res.agreement.pillars[x.id]) },
          { head: t('res.evidence_strength'), num: true, cell: (x) => pct(locale, x.evidenceStrength) },
          { head: t('res.unsupported'), num: true, cell: (x) => formatNumber(locale, x.unsupported) },
          prev && { head: t('res.previous', { year: prev.access.assessment.cycle_year }), num: true, cell: (x) => score(locale, prevPillar(x.id)) },
          prev && { head: t('res.change'), num: true, cell: (x) => delta(locale, x.score, prevPillar(x.id)) },
        ]}
      />
    </section>
  );
}
