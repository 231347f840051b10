// The results page: index, parts, pillars, stages, matrix, strengths and gaps, perception gaps, sensitivity
// and the previous cycle, each chart with a table of the same numbers.
import type { TResultsPage } from '../../domain/results/get-results-page.ts';
import { POLICY_STAGES } from '../../instrument/schema.ts';
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { barSvg, radarSvg } from '../../reports/charts.ts';
import { pct, score } from '../kit/format.ts';
import { txt, Tx } from '../kit/instrument-text.tsx';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { TableWrap } from '../kit/table.tsx';
import { assessmentPaths } from '../paths.ts';
import { allPillars } from '../../instrument/model.ts';
import { AgreementSection } from './agreement.tsx';
import { GapTest } from './gap-test.tsx';
import { BandBadge, BandCell, IndexUncertainty, UncertaintySection } from './uncertainty.tsx';

const hundred = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1000) / 10);

function Chart(p: { svg: string; table: string; label: string }) {
  return (
    <figure class="chart" dir="ltr">
      {/* The SVG is produced by reports/charts.ts, which escapes every label and emits no script or style. */}
      <div dangerouslySetInnerHTML={{ __html: p.svg }} />
      <figcaption dir="auto">
        <a href={`#${p.table}`}>{p.label}</a>
      </figcaption>
    </figure>
  );
}

function Delta(p: { locale: TLocale; now: number | null | undefined; before: number | null | undefined }) {
  if (p.now === null || p.now === undefined || p.before === null || p.before === undefined) return <>–</>;
  const d = p.now - p.before;
  return <>{formatNumber(p.locale, d, { signDisplay: 'exceptZero', minimumFractionDigits: 2, maximumFractionDigits: 2 })}</>;
}

/** The results page. */
export function ResultsPage(p: { t: TFn; locale: TLocale; r: TResultsPage }) {
  const { t, locale, r } = p;
  const res = r.results;
  const a = res.access.assessment;
  const inst = res.access.instrument;
  const s = res.scores;
  const pillars = allPillars(inst);
  const prev = r.previous;
  const prevPillar = (id: string) => prev?.scores.pillars.find((x) => x.id === id)?.score;
  const gapOf = (id: string) => res.gaps.pillars.find((g) => g.id === id);
  const trace = (id: string) => assessmentPaths(a.id).resultsItem(id);
  const pillarName = (id: string) => `${id} · ${txt(inst, pillars.find((x) => x.id === id)?.title, locale)}`;
  const stages = ['e_information', 'e_consultation', 'e_decision_making'] as const;
  const radar = radarSvg(
    { id: 'radar-title', title: t('res.radar_title') },
    pillars.map((x) => pillarName(x.id)),
    [{ name: t('res.this_cycle', { year: a.cycle_year }), values: s.pillars.map((x) => hundred(x.score)) }, ...(prev ? [{ name: t('res.this_cycle', { year: prev.access.assessment.cycle_year }), values: pillars.map((x) => hundred(prevPillar(x.id))) }] : [])],
  );
  const stageBars = barSvg(
    { id: 'stages-title', title: t('res.stages_title') },
    stages.map((k) => t(`epi_stage.${k}`)),
    [{ name: t('res.this_cycle', { year: a.cycle_year }), values: stages.map((k) => s.stages[k]) }, ...(prev ? [{ name: t('res.this_cycle', { year: prev.access.assessment.cycle_year }), values: stages.map((k) => prev.scores.stages[k]) }] : [])],
  );
  const gapBars = barSvg(
    { id: 'gap-title', title: t('res.gap_title') },
    pillars.map((x) => x.id),
    [
      { name: t('group.government'), values: pillars.map((x) => hundred(gapOf(x.id)?.government)) },
      { name: t('group.non_government'), values: pillars.map((x) => hundred(gapOf(x.id)?.nonGovernment)) },
    ],
    { horizontal: true },
  );
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={res.access} current={assessmentPaths(a.id).results} />
      <h2>{t('res.title')}</h2>
      {res.provisional ? <p class="provisional" role="note">{t('res.provisional', { state: t(`state.${a.state}`) })}</p> : <p class="notice">{t('res.validated')}</p>}
      <section aria-labelledby="idx-h" class="card">
        <h3 id="idx-h">{t('res.index')}</h3>
        <p>
          <span class="score-big">{score(locale, s.score)}</span> <BandBadge t={t} s={s} />
        </p>
        <dl class="pairs">
          <dt>{t('res.coverage')}</dt>
          <dd>{pct(locale, s.coverage)}</dd>
          <IndexUncertainty t={t} locale={locale} r={res} />
          <dt>{t('res.agreement')}</dt>
          <dd>{pct(locale, res.agreement.index)}</dd>
          <dt>{t('res.evidence_strength')}</dt>
          <dd>{pct(locale, s.evidenceStrength)}</dd>
          <dt>{t('res.unsupported')}</dt>
          <dd>{formatNumber(locale, s.unsupported)}</dd>
          <dt>{t('res.basis')}</dt>
          <dd>{t('res.basis_value', { respondents: res.respondents, agreed: res.items.filter((i) => i.source === 'consensus').length, items: res.items.filter((i) => i.source !== null).length })}</dd>
          {a.target_index !== null && (
            <>
              <dt>{t('asm.target_index')}</dt>
              <dd>{score(locale, a.target_index)}</dd>
            </>
          )}
          {prev && (
            <>
              <dt>{t('res.previous', { year: prev.access.assessment.cycle_year })}</dt>
              <dd>
                {score(locale, prev.scores.score)} ({t('res.change')}: <Delta locale={locale} now={s.score} before={prev.scores.score} />)
              </dd>
            </>
          )}
        </dl>
        <p>
          <a href={assessmentPaths(a.id).resultsJson}>{t('res.download_json')}</a> · <a href={assessmentPaths(a.id).resultsCsv}>{t('res.download_csv')}</a>
        </p>
      </section>

      <section aria-labelledby="pil-h">
        <h3 id="pil-h">{t('res.pillars')}</h3>
        <Chart svg={radar} table="pil-table" label={t('res.see_table')} />
        <TableWrap t={t}>
          <table id="pil-table">
            <caption>{t('res.pillars_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ws.pillar')}</th>
                <th scope="col" class="num">{t('res.score')}</th>
                <th scope="col">{t('res.band')}</th>
                <th scope="col" class="num">{t('res.coverage')}</th>
                <th scope="col" class="num">{t('res.agreement')}</th>
                <th scope="col" class="num">{t('res.evidence_strength')}</th>
                <th scope="col" class="num">{t('res.unsupported')}</th>
                {prev && <th scope="col" class="num">{t('res.previous', { year: prev.access.assessment.cycle_year })}</th>}
                {prev && <th scope="col" class="num">{t('res.change')}</th>}
              </tr>
            </thead>
            <tbody>
              {s.pillars.map((x) => (
                <tr>
                  <th scope="row">
                    <a href={`#items-${x.id}`}>{pillarName(x.id)}</a>
                  </th>
                  <td class="num">{score(locale, x.score)}</td>
                  <td>
                    <BandCell t={t} s={x} />
                  </td>
                  <td class="num">{pct(locale, x.coverage)}</td>
                  <td class="num">{pct(locale, res.agreement.pillars[x.id])}</td>
                  <td class="num">{pct(locale, x.evidenceStrength)}</td>
                  <td class="num">{formatNumber(locale, x.unsupported)}</td>
                  {prev && <td class="num">{score(locale, prevPillar(x.id))}</td>}
                  {prev && (
                    <td class="num">
                      <Delta locale={locale} now={x.score} before={prevPillar(x.id)} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>

      <UncertaintySection t={t} locale={locale} r={res} pillarName={pillarName} />
      <AgreementSection t={t} locale={locale} r={res} pillarName={pillarName} />

      <section aria-labelledby="stg-h">
        <h3 id="stg-h">{t('res.stages_title')}</h3>
        <p>{t('res.stages_explain')}</p>
        <Chart svg={stageBars} table="stg-table" label={t('res.see_table')} />
        <TableWrap t={t}>
          <table id="stg-table">
            <caption>{t('res.stages_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('res.stage')}</th>
                <th scope="col" class="num">{t('res.percent')}</th>
                {prev && <th scope="col" class="num">{t('res.previous', { year: prev.access.assessment.cycle_year })}</th>}
              </tr>
            </thead>
            <tbody>
              {stages.map((k) => (
                <tr>
                  <th scope="row">{t(`epi_stage.${k}`)}</th>
                  <td class="num">{s.stages[k] === null ? '–' : formatNumber(locale, s.stages[k] as number, { maximumFractionDigits: 0 })}</td>
                  {prev && <td class="num">{prev.scores.stages[k] === null ? '–' : formatNumber(locale, prev.scores.stages[k] as number, { maximumFractionDigits: 0 })}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <TableWrap t={t}>
          <table id="matrix">
            <caption>{t('res.matrix_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('res.stage')}</th>
                {POLICY_STAGES.map((c) => (
                  <th scope="col" class="num">{t(`stage.${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {r.matrix.map((row) => (
                <tr>
                  <th scope="row">{t(`epi_stage.${row.stage}`)}</th>
                  {POLICY_STAGES.map((c) => {
                    const cell = row.cells[c];
                    return (
                      <td class={`num${cell.score === null ? '' : ` cell-${Math.min(3, Math.floor(cell.score * 4))}`}`}>
                        {cell.items === 0 ? '–' : `${score(locale, cell.score)} `}
                        {cell.items > 0 && <span class="muted">{t('res.cell_items', { scored: cell.scored, items: cell.items })}</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>

      <section aria-labelledby="sg-h">
        <h3 id="sg-h">{t('res.strengths_gaps')}</h3>
        <h4>{t('res.strengths')}</h4>
        {r.strengths.length ? (
          <ul>
            {r.strengths.map((x) => (
              <li>
                <a href={trace(x.item.id)}>{x.item.id}</a> <Tx text={x.item.question} locale={locale} inst={inst} /> — {score(locale, x.result.score)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('res.none')}</p>
        )}
        <h4>{t('res.gaps')}</h4>
        {r.gaps.length ? (
          <ul>
            {r.gaps.map((x) => (
              <li>
                <a href={trace(x.item.id)}>{x.item.id}</a> <Tx text={x.item.question} locale={locale} inst={inst} /> — {score(locale, x.result.score)}
                {x.item.actions.length > 0 && (
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
        ) : (
          <p>{t('res.none')}</p>
        )}
      </section>

      <section aria-labelledby="gap-h">
        <h3 id="gap-h">{t('res.gap_title')}</h3>
        <p>{t('res.gap_explain')}</p>
        <Chart svg={gapBars} table="gap-table" label={t('res.see_table')} />
        <TableWrap t={t}>
          <table id="gap-table">
            <caption>{t('res.gap_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ws.pillar')}</th>
                <th scope="col" class="num">{t('group.government')}</th>
                <th scope="col" class="num">{t('group.non_government')}</th>
                <th scope="col" class="num">{t('ws.gap')}</th>
              </tr>
            </thead>
            <tbody>
              {res.gaps.pillars.map((g) => (
                <tr>
                  <th scope="row">{pillarName(g.id)}</th>
                  <td class="num">{score(locale, g.government)}</td>
                  <td class="num">{score(locale, g.nonGovernment)}</td>
                  <td class="num">{score(locale, g.gap)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <GapTest t={t} locale={locale} r={res} pillarName={pillarName} />
      </section>

      <section aria-labelledby="sens-h">
        <h3 id="sens-h">{t('res.sensitivity')}</h3>
        <p>{t('res.sensitivity_explain', { max: score(locale, r.sensitivity.maxAbsDelta) })}</p>
        <TableWrap t={t}>
          <table>
            <caption>{t('res.sensitivity_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('res.scenario')}</th>
                <th scope="col" class="num">{t('res.index')}</th>
                <th scope="col" class="num">{t('res.change')}</th>
                <th scope="col">{t('res.order_changed')}</th>
              </tr>
            </thead>
            <tbody>
              {r.sensitivity.scenarios.map((sc) => (
                <tr>
                  <th scope="row">{sc.pillarId ? t(`res.scenario.${sc.id}`, { pillar: sc.pillarId }) : t(`res.scenario.${sc.id}`)}</th>
                  <td class="num">{score(locale, sc.index)}</td>
                  <td class="num">
                    <Delta locale={locale} now={sc.index} before={r.sensitivity.baseline.index} />
                  </td>
                  <td>{sc.orderChanged ? t('res.yes') : t('res.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>

      <section aria-labelledby="items-h">
        <h3 id="items-h">{t('res.items')}</h3>
        {pillars.map((pl) => (
          <details id={`items-${pl.id}`}>
            <summary>{pillarName(pl.id)}</summary>
            <TableWrap t={t}>
              <table>
                <caption class="visually-hidden">{pillarName(pl.id)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('ws.item')}</th>
                    <th scope="col" class="num">{t('res.score')}</th>
                    <th scope="col">{t('res.source')}</th>
                    <th scope="col" class="num">{t('res.agreement')}</th>
                    <th scope="col" class="num">{t('res.with_evidence')}</th>
                  </tr>
                </thead>
                <tbody>
                  {pl.items
                    .filter((i) => i.type !== 'text')
                    .map((i) => {
                      const ir = s.items.find((x) => x.id === i.id);
                      const ci = res.items.find((x) => x.id === i.id);
                      return (
                        <tr>
                          <th scope="row">
                            <a href={trace(i.id)}>{i.id}</a> <Tx text={i.question} locale={locale} inst={inst} />
                          </th>
                          <td class="num">{score(locale, ir?.score)}</td>
                          <td>{ci?.source ? t(`res.source.${ci.source}`) : '–'}</td>
                          <td class="num">{pct(locale, ci?.agreement)}</td>
                          <td class="num">
                            {formatNumber(locale, ci?.withEvidence ?? 0)}
                            {ir?.unsupported ? ` (${t('res.unsupported_one')})` : ''}
                          </td>
                        </tr>
                      );
                    })}
                </tbody>
              </table>
            </TableWrap>
          </details>
        ))}
      </section>
    </>
  );
}
