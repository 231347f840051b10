// The later chapters of the country report: the action plan, the benchmarks, and the annexes (method,
// participants, every item with its answer distribution). Labels come in the report's language.
import { formatNumber } from '../../i18n/index.ts';
import { Bdi, UserText } from '../kit/bidi.tsx';
import { Pairs } from '../kit/dl.tsx';
import { num, pct, quarterLabel, score } from '../kit/format.ts';
import { DataTable } from '../kit/table.tsx';
import type { TSectionProps } from './report-sections.tsx';

/** The action plan, when the assessment has one (and the reader may read plans). */
export function Plan(p: TSectionProps) {
  const { t, r } = p;
  const plan = r.plan;
  if (!plan) return null;
  return (
    <section aria-labelledby="plan" class="chapter">
      <h2 id="plan">{t('plan.title')}</h2>
      <p>
        {t('plan.version', { version: plan.version })} · {plan.state}
      </p>
      <DataTable
        t={t}
        caption={t('plan.objectives_actions', { count: plan.actions.length })}
        rows={plan.actions}
        empty={t('plan.no_actions')}
        columns={[
          { head: t('plan.field.title'), rowHeader: true, cell: (x) => <UserText as="span">{x.title}</UserText> },
          { head: t('plan.field.lead'), cell: (x) => (x.lead ? <Bdi>{x.lead}</Bdi> : t('plan.not_decided')) },
          { head: t('plan.period'), cell: (x) => `${quarterLabel(t, x.start)} – ${quarterLabel(t, x.end)}` },
          { head: t('plan.field.items'), cell: (x) => <Bdi>{x.items.join(', ')}</Bdi> },
          { head: t('plan.field.status'), cell: (x) => x.status },
        ]}
      />
    </section>
  );
}

/** The country beside the UN E-Participation Index, when the loaded Survey editions cover it. */
export function Benchmarks(p: TSectionProps) {
  const { t, r } = p;
  const b = r.benchmarks;
  const l = r.locale;
  if (!b) return null;
  return (
    <section aria-labelledby="benchmarks" class="chapter">
      <h2 id="benchmarks">{t('cal.title')}</h2>
      {b.fictional && <p class="notice">{t('cal.fictional')}</p>}
      <Pairs
        pairs={[
          [t('cal.epi', { year: b.edition }), score(l, b.epi)],
          b.epiRank !== null && [t('res.rank_range'), t('report.epi_rank', { rank: b.epiRank, of: b.epiOf })],
          [t('cal.epi_percentile'), pct(l, b.epiPercentile)],
          [t('cal.part_ii'), score(l, b.partII)],
          [t('cal.self_position'), pct(l, b.selfPosition)],
          [t('cal.gap'), b.gap === null ? '–' : t('cal.gap_value', { points: num(l, b.gap * 100) })],
        ]}
      />
      {b.reading && <p>{b.reading}</p>}
      <p>{t('cal.prompt')}</p>
      <DataTable
        t={t}
        caption={t('cal.trend_caption')}
        rows={b.editions}
        columns={[
          { head: t('cal.year'), rowHeader: true, cell: (x) => formatNumber(l, x.year, { useGrouping: false }) },
          { head: t('cal.series_epi'), num: true, cell: (x) => pct(l, x.epiPercentile) },
          { head: t('cal.epi', { year: '' }).trim(), num: true, cell: (x) => score(l, x.epi) },
        ]}
      />
    </section>
  );
}

const METHOD_PARTS = ['items', 'pillars', 'bands', 'default', 'workshop', 'agreement', 'evidence', 'uncertainty', 'sensitivity', 'calibration'] as const;

/** The methodology annex: the method in words and the settings this report was computed with. */
export function Methodology(p: TSectionProps) {
  const { t, r } = p;
  const m = r.methodology;
  const l = r.locale;
  return (
    <section aria-labelledby="methodology" class="chapter">
      <h2 id="methodology">{t('report.methodology')}</h2>
      <p>{t('method.intro')}</p>
      {METHOD_PARTS.map((k) => (
        <>
          <h3>{t(`method.${k}_title`)}</h3>
          <p>{t(`method.${k}`)}</p>
        </>
      ))}
      <h3>{t('report.method_figures')}</h3>
      <Pairs
        pairs={[
          [t('res.min_coverage'), pct(l, m.minCoverage)],
          [t('report.bootstrap'), t('report.bootstrap_value', { resamples: formatNumber(l, m.resamples), seed: m.bootstrapSeed })],
          [t('res.global_range'), `${formatNumber(l, m.draws)} · ±${pct(l, m.weightChange)}`],
          [t('res.p_value'), t('report.gap_test_value', { permutations: formatNumber(l, m.permutations), alpha: formatNumber(l, m.alpha), min: m.minGroupSize })],
        ]}
      />
    </section>
  );
}

/** The participants annex: organisations, and people only where they agreed to be named. */
export function Participants(p: TSectionProps) {
  const { t, r } = p;
  const l = r.locale;
  const pa = r.participants;
  return (
    <section aria-labelledby="participants" class="chapter">
      <h2 id="participants">{t('report.participants')}</h2>
      <DataTable
        t={t}
        caption={t('report.organisations_caption')}
        rows={pa.organisations}
        columns={[
          { head: t('asm.organisation'), rowHeader: true, cell: (x) => <Bdi>{x.name}</Bdi> },
          { head: t('asm.group'), cell: (x) => x.group },
          { head: t('report.people'), num: true, cell: (x) => formatNumber(l, x.people) },
        ]}
      />
      <h3>{t('report.named')}</h3>
      {pa.named.length === 0 ? (
        <p>{t('report.no_named')}</p>
      ) : (
        <ul>
          {pa.named.map((x) => (
            <li>
              <Bdi>{x.name}</Bdi>
              {x.organisation && <> (<Bdi>{x.organisation}</Bdi>)</>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The item annex: every scored item with its answer, score, agreement and the distribution of every answer,
 * as one table per pillar (a row per item; the distribution as "answer: all (government / non-government)"
 * lines in one cell). A block and a table per item filled 30 of 44 A4 pages and most of the PDF's print time
 * (bench/README.md); the rows carry the same figures. */
export function Items(p: TSectionProps) {
  const { t, r } = p;
  const l = r.locale;
  const byPillar = new Map<string, typeof r.items>();
  for (const it of r.items) byPillar.set(it.pillarId, [...(byPillar.get(it.pillarId) ?? []), it]);
  const title = new Map(r.pillars.map((x) => [x.id, x.title]));
  // A public report published with scores only has no distributions (domain/publication): no empty column.
  const withDist = r.items.some((it) => it.buckets.length > 0);
  const distHead = `${t('ws.all')} (${t('group.government')} / ${t('group.non_government')})`;
  return (
    <section aria-labelledby="items" class="chapter">
      <h2 id="items">{t('report.items')}</h2>
      {withDist && <p class="muted">{t('ws.distribution')}: {distHead}</p>}
      {[...byPillar].map(([pillarId, items]) => (
        <>
        <DataTable
          t={t}
          class="item-annex"
          caption={`${pillarId} · ${title.get(pillarId) ?? ''}`}
          rows={items}
          columns={[
            { head: t('res.items'), rowHeader: true, cell: (it) => <>{it.id} {it.question}</> },
            { head: t('res.scored_answer'), cell: (it) => <>{it.answer || t('ws.no_answer')}{it.source && <span class="muted"> ({it.source})</span>}</> },
            { head: t('res.score'), num: true, cell: (it) => score(l, it.score) },
            { head: t('res.agreement'), num: true, cell: (it) => pct(l, it.agreement) },
            ...(withDist
              ? [
                {
                  head: distHead,
                  cell: (it: (typeof r.items)[number]) => (
                    <>
                      <span class="bucket">{t('report.answered', { count: it.answered })}</span>
                      {it.buckets.map((b) => (
                        <>
                          {' '}
                          <span class="bucket">
                            {b.label}: <span class="num">{`${formatNumber(l, b.total)} (${formatNumber(l, b.government)} / ${formatNumber(l, b.nonGovernment)})`}</span>
                          </span>
                        </>
                      ))}
                    </>
                  ),
                },
                ]
              : [{ head: t('pulse.responses'), num: true, cell: (it: (typeof r.items)[number]) => formatNumber(l, it.answered) }]),
          ]}
        />
        {/* Comments appear only in a report published with comments, or inside (domain/publication). */}
        {items.some((it) => it.comments.length > 0) && (
          <ul class="report-comments">
            {items.flatMap((it) =>
              it.comments.map((x) => (
                <li>
                  <Bdi>{it.id}</Bdi>: <UserText as="span">{x}</UserText>
                </li>
              )),
            )}
          </ul>
        )}
        </>
      ))}
    </section>
  );
}
