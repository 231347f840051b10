// What the results mean: strongest and weakest items with their recommended actions, the perception gap
// between government and non-government respondents, and how sensitive the index is to the method's choices.
import { DIRECTION, formatNumber } from '../../i18n/index.ts';
import { WEAK_AGREEMENT, type TRanked } from '../../domain/results/get-results-page.ts';
import { barSvg } from '../../reports/charts.ts';
import { change3, pct, score } from '../kit/format.ts';
import { Tx } from '../kit/instrument-text.tsx';
import { DataTable } from '../kit/table.tsx';
import type { TResultsView } from './view.tsx';
import { Chart } from '../kit/chart.tsx';
import { GapTest } from './gap-test.tsx';

/** What a strength rests on weakly: respondents who disagree, or no evidence behind the answers. */
function StrengthFlags(p: { t: TResultsView['t']; locale: TResultsView['locale']; x: TRanked }) {
  const { t, locale, x } = p;
  const weak = x.agreement !== null && x.agreement < WEAK_AGREEMENT;
  if (!weak && x.withEvidence > 0) return null;
  return (
    <>
      {weak && <span class="badge">{t('res.flag_weak_agreement', { agreement: pct(locale, x.agreement) })}</span>}{' '}
      {x.withEvidence === 0 && <span class="badge">{t('res.flag_no_evidence')}</span>}
    </>
  );
}

/** A ranked list of items with their scores; for gaps, each with its recommended actions; for strengths, their flags. */
function RankedItems(p: { v: TResultsView; rows: TRanked[]; actions?: boolean; flags?: boolean }) {
  const { t, locale, inst, trace } = p.v;
  if (!p.rows.length) return <p>{t('res.none')}</p>;
  return (
    <ul>
      {p.rows.map((x) => (
        <li>
          <a href={trace(x.item.id)}>{x.item.id}</a> <Tx text={x.item.question} locale={locale} inst={inst} /> — {score(locale, x.result.score)}
          {p.flags && <StrengthFlags t={t} locale={locale} x={x} />}
          {p.actions && x.item.actions.length > 0 && (
            <ul>
              {x.item.actions.map((act) => (
                <li>
                  <Tx text={act.text} locale={locale} inst={inst} /> <span class="muted">{t('inst.action_meta', { lead: t(`lead.${act.lead}`), horizon: t(`horizon.${act.horizon}`) })}</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The strongest items, and the weakest with what to do about them. */
export function StrengthsGaps(p: { v: TResultsView }) {
  const { t, r } = p.v;
  return (
    <section aria-labelledby="sg-h">
      <h3 id="sg-h">{t('res.strengths_gaps')}</h3>
      <h4>{t('res.strengths')}</h4>
      <RankedItems v={p.v} rows={r.strengths} flags />
      <h4>{t('res.gaps')}</h4>
      <RankedItems v={p.v} rows={r.gaps} actions />
    </section>
  );
}

/** Government and non-government scores per pillar, as bars and as a table. */
export function PerceptionGaps(p: { v: TResultsView }) {
  const { t, locale, res, pillars, pillarName } = p.v;
  const gapOf = (id: string) => res.gaps.pillars.find((g) => g.id === id);
  const gapBars = barSvg(
    { id: 'gap-title', title: t('res.gap_title') },
    pillars.map((x) => x.id),
    [
      { name: t('group.government'), values: pillars.map((x) => gapOf(x.id)?.government ?? null) },
      { name: t('group.non_government'), values: pillars.map((x) => gapOf(x.id)?.nonGovernment ?? null) },
    ],
    // The same 0–1 scale and number format as the table below it.
    { horizontal: true, dir: DIRECTION[locale], max: 1, format: (v) => score(locale, v) },
  );
  return (
    <section aria-labelledby="gap-h">
      <h3 id="gap-h">{t('res.gap_title')}</h3>
      <p>{t('res.gap_explain')}</p>
      <Chart svg={gapBars} table="gap-table" label={t('res.see_table')} />
      <DataTable
        t={t}
        id="gap-table"
        caption={t('res.gap_caption')}
        rows={res.gaps.pillars}
        columns={[
          { head: t('ws.pillar'), rowHeader: true, cell: (g) => pillarName(g.id) },
          { head: t('group.government'), num: true, cell: (g) => score(locale, g.government) },
          { head: t('group.non_government'), num: true, cell: (g) => score(locale, g.nonGovernment) },
          { head: t('ws.gap'), num: true, cell: (g) => score(locale, g.gap) },
        ]}
      />
      <GapTest t={t} locale={locale} r={res} pillarName={pillarName} />
    </section>
  );
}

/** The index under each alternative choice of method, and whether the order of pillars changes. */
export function Sensitivity(p: { v: TResultsView }) {
  const { t, locale, r } = p.v;
  return (
    <section aria-labelledby="sens-h">
      <h3 id="sens-h">{t('res.sensitivity')}</h3>
      <p>{t('res.sensitivity_explain', { max: formatNumber(locale, r.sensitivity.maxAbsDelta, { minimumFractionDigits: 3, maximumFractionDigits: 3 }) })}</p>
      <DataTable
        t={t}
        caption={t('res.sensitivity_caption')}
        rows={r.sensitivity.scenarios}
        columns={[
          { head: t('res.scenario'), rowHeader: true, cell: (sc) => (sc.pillarId ? t(`res.scenario.${sc.id}`, { pillar: sc.pillarId }) : t(`res.scenario.${sc.id}`)) },
          { head: t('res.index'), num: true, cell: (sc) => score(locale, sc.index) },
          { head: t('res.change'), num: true, cell: (sc) => change3(locale, sc.delta) },
          { head: t('res.order_changed'), cell: (sc) => (sc.orderChanged ? t('res.yes') : t('res.no')) },
        ]}
      />
    </section>
  );
}
