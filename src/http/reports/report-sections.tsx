// The sections of the country report, each from the report model (domain/reports/get-report.ts) whose
// labels are already in the report's language; `t` and `locale` here are the report's, never the reader's
// interface language. Every chart is shown with a table of the same numbers.
import type { TReport, TReportRanked } from '../../domain/reports/get-report.ts';
import { DIRECTION, formatDateTime, formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { barSvg, radarSvg } from '../../reports/charts.ts';
import { Bdi, UserText } from '../kit/bidi.tsx';
import { Chart, hundred } from '../kit/chart.tsx';
import { Pairs } from '../kit/dl.tsx';
import { num, pct, score } from '../kit/format.ts';
import { DataTable } from '../kit/table.tsx';

/** What every section receives. */
export interface TSectionProps {
  t: TFn;
  r: TReport;
}

const interval = (l: TLocale, low: number | null, high: number | null) => (low === null || high === null ? '–' : `${score(l, low)} – ${score(l, high)}`);
const day = (l: TLocale, d: string | null) => (d ? formatDateTime(l, d, { dateStyle: 'long', timeZone: 'UTC' }) : '–');

/** The cover: country, cycle, instrument version, dates and state. */
export function Cover(p: TSectionProps & { generatedAt: string }) {
  const { t, r } = p;
  const l = r.locale;
  const c = r.cover;
  return (
    <header class="cover">
      <p class="kicker">{t('report.subtitle')}</p>
      <h1>
        {t('report.title')}: <Bdi>{c.country}</Bdi>{c.scope ? <> (<Bdi>{c.scope}</Bdi>)</> : null} {formatNumber(l, c.cycleYear, { useGrouping: false })}
      </h1>
      <Pairs
        pairs={[
          [t('asm.country'), <Bdi>{c.country}</Bdi>],
          [t('asm.cycle_year'), formatNumber(l, c.cycleYear, { useGrouping: false })],
          [t('asm.instrument_version'), <Bdi>{c.instrument}</Bdi>],
          [t('asm.status'), c.stateLabel],
          [t('report.started'), day(l, c.createdAt)],
          c.deadline !== null && [t('asm.deadline'), day(l, c.deadline)],
          [t('report.last_change'), day(l, c.updatedAt)],
        ]}
      />
      <p class="muted">{t('report.generated', { date: day(l, p.generatedAt) })}</p>
      {c.provisional && <p class="notice">{t('res.provisional', { state: c.stateLabel })}</p>}
    </header>
  );
}

/** The executive summary: index, band, interval, coverage, agreement, evidence; calibration; citizens. */
export function Summary(p: TSectionProps) {
  const { t, r } = p;
  const l = r.locale;
  const s = r.summary;
  const b = r.benchmarks;
  return (
    <section aria-labelledby="summary" class="chapter">
      <h2 id="summary">{t('report.summary')}</h2>
      <p>
        <span class="score-big">{score(l, s.score)}</span> <span class={`band band-${s.band ?? 'none'}`}>{s.bandLabel}</span>
      </p>
      <Pairs
        pairs={[
          [t('res.index'), score(l, s.score)],
          [t('res.interval'), interval(l, s.low, s.high)],
          [t('res.coverage'), pct(l, s.coverage)],
          [t('res.agreement'), pct(l, s.agreement)],
          [t('res.evidence_strength'), pct(l, s.evidenceStrength)],
          [t('res.basis'), t('res.basis_value', { respondents: s.respondents, agreed: s.agreedItems, items: s.answeredItems })],
          s.targetIndex !== null && [t('asm.target_label'), score(l, s.targetIndex)],
          b && [t('cal.epi', { year: b.edition }), score(l, b.epi)],
          b && b.gap !== null && [t('cal.gap'), t('cal.gap_value', { points: num(l, b.gap * 100) })],
        ]}
      />
      {b?.reading && <p>{b.reading}</p>}
      {r.citizens && (
        <>
          <h3>{t('pulse.compare_title')}</h3>
          <p>{t('report.citizens_count', { n: r.citizens.respondents })}</p>
          {r.citizens.synthetic > 0 && <p role="note">{t('pulse.synthetic_note', { n: r.citizens.synthetic })}</p>}
          <DataTable
            t={t}
            caption={t('pulse.compare_caption')}
            columns={[
              { head: t('pulse.stage'), cell: (x) => x.label, rowHeader: true },
              { head: t('pulse.government'), cell: (x) => (x.government === null ? '–' : num(l, x.government)), num: true },
              { head: t('pulse.non_government'), cell: (x) => (x.nonGovernment === null ? '–' : num(l, x.nonGovernment)), num: true },
              { head: t('pulse.citizens'), cell: (x) => (x.citizens === null ? '–' : num(l, x.citizens)), num: true },
              { head: t('pulse.n_citizens'), cell: (x) => num(l, x.nCitizens), num: true },
            ]}
            rows={r.citizens.stages}
          />
        </>
      )}
    </section>
  );
}

/** Parts and pillars with a radar chart and their table; the three e-participation stages as bars. */
export function Results(p: TSectionProps) {
  const { t, r } = p;
  const l = r.locale;
  // Pillar letters on the axes, as on the results page: the table below names them, and the names around
  // the picture made it too small to read on a phone.
  const radar = radarSvg({ id: 'report-radar', title: t('res.radar_title') }, r.pillars.map((x) => x.id), [{ name: t('res.this_cycle', { year: r.cover.cycleYear }), values: r.pillars.map((x) => hundred(x.score)) }], { dir: DIRECTION[l], noScore: t('res.no_score'), width: 360, height: 330 });
  const bars = barSvg({ id: 'report-stages', title: t('res.stages_title') }, r.stages.map((x) => x.label), [{ name: t('res.this_cycle', { year: r.cover.cycleYear }), values: r.stages.map((x) => x.percent) }], { dir: DIRECTION[l] });
  return (
    <section aria-labelledby="results" class="chapter">
      <h2 id="results">{t('report.results')}</h2>
      <Chart svg={radar} table="report-pillars" label={t('res.see_table')} />
      <DataTable
        t={t}
        id="report-pillars"
        caption={t('res.pillars_caption')}
        rows={[...r.parts.map((x) => ({ ...x, kind: 'part' as const, agreement: null, evidenceStrength: null })), ...r.pillars.map((x) => ({ ...x, kind: 'pillar' as const }))]}
        columns={[
          { head: t('ws.pillar'), rowHeader: true, cell: (x) => (x.kind === 'part' ? <strong>{t('res.part', { id: x.id })} · {x.title}</strong> : `${x.id} · ${x.title}`) },
          { head: t('res.score'), num: true, cell: (x) => score(l, x.score) },
          { head: t('res.band'), cell: (x) => x.bandLabel },
          { head: t('res.interval'), num: true, cell: (x) => interval(l, x.low, x.high) },
          { head: t('res.coverage'), num: true, cell: (x) => pct(l, x.coverage) },
          { head: t('res.agreement'), num: true, cell: (x) => pct(l, x.agreement) },
          { head: t('res.evidence_strength'), num: true, cell: (x) => pct(l, x.evidenceStrength) },
        ]}
      />
      <h3>{t('res.stages_title')}</h3>
      <Chart svg={bars} table="report-stages-table" label={t('res.see_table')} />
      <DataTable
        t={t}
        id="report-stages-table"
        caption={t('res.stages_caption')}
        rows={r.stages}
        columns={[
          { head: t('res.stage'), rowHeader: true, cell: (x) => x.label },
          { head: t('res.percent'), num: true, cell: (x) => num(l, x.percent, 1) },
        ]}
      />
    </section>
  );
}

function RankedList(p: TSectionProps & { list: TReportRanked[] }) {
  const { t, r } = p;
  if (!p.list.length) return <p>{t('res.none')}</p>;
  return (
    <ol class="ranked">
      {p.list.map((x) => (
        <li>
          <p>
            <strong>{x.itemId}</strong> {x.question} — <span class="num">{score(r.locale, x.score)}</span>
          </p>
          {x.actions.length > 0 && (
            <ul aria-label={t('report.actions')}>
              {x.actions.map((a) => (
                <li>
                  {a.text} <span class="muted">({a.lead}, {a.horizon})</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Strengths and gaps, each gap with the instrument's recommended actions. */
export function StrengthsGaps(p: TSectionProps) {
  const { t, r } = p;
  return (
    <section aria-labelledby="strengths" class="chapter">
      <h2 id="strengths">{t('res.strengths_gaps')}</h2>
      <h3>{t('res.strengths')}</h3>
      <RankedList t={t} r={r} list={r.strengths} />
      <h3>{t('res.gaps')}</h3>
      <RankedList t={t} r={r} list={r.gaps} />
    </section>
  );
}

/** The perception gap between government and non-government respondents, per pillar, with its test. */
export function PerceptionGaps(p: TSectionProps) {
  const { t, r } = p;
  const l = r.locale;
  return (
    <section aria-labelledby="perception" class="chapter">
      <h2 id="perception">{t('res.gap_title')}</h2>
      <p>{t('res.gap_explain')}</p>
      <DataTable
        t={t}
        caption={t('res.gap_caption')}
        rows={r.perceptionGaps}
        columns={[
          { head: t('ws.pillar'), rowHeader: true, cell: (x) => `${x.pillarId} · ${x.title}` },
          { head: t('group.government'), num: true, cell: (x) => score(l, x.government) },
          { head: t('group.non_government'), num: true, cell: (x) => score(l, x.nonGovernment) },
          { head: t('ws.gap'), num: true, cell: (x) => (x.gap === null ? t('res.gap_too_few', { min: r.methodology.minGroupSize }) : score(l, x.gap)) },
          { head: t('res.p_value'), num: true, cell: (x) => num(l, x.p, 3) },
          { head: t('res.reading'), cell: (x) => (x.distinguishable === null ? '–' : t(x.distinguishable ? 'res.gap_real' : 'res.gap_noise')) },
        ]}
      />
    </section>
  );
}

/** The workshop's decisions with their rationale and any dissent. */
export function Decisions(p: TSectionProps) {
  const { t, r } = p;
  return (
    <section aria-labelledby="decisions" class="chapter">
      <h2 id="decisions">{t('report.decisions')}</h2>
      {r.decisions.length === 0 ? (
        <p>{t('report.no_decisions')}</p>
      ) : (
        r.decisions.map((d) => (
          <article class="decision-entry">
            <h3>
              {d.itemId} {d.question}
            </h3>
            <Pairs
              pairs={[
                [t('ws.agreed_answer'), d.answer],
                // A public report without comments carries no rationale (free text): domain/publication.
                d.rationale !== '' && [t('ws.rationale'), <UserText>{d.rationale}</UserText>],
                d.dissent !== null && [t('ws.dissent'), <UserText>{d.dissent}</UserText>],
                [t('ws.decided'), day(r.locale, d.decidedAt)],
              ]}
            />
          </article>
        ))
      )}
    </section>
  );
}
