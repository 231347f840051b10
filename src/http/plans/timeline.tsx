// The plan's timeline by quarter: a server-made SVG chart (time runs from the page's start side, like the
// other charts) and a table of the same actions and quarters beside it.
import type { TPlanPage } from '../../domain/plans/get-plan.ts';
import { quarterIndex, type TPlanData } from '../../domain/plans/plan-model.ts';
import { DIRECTION, type TFn, type TLocale } from '../../i18n/index.ts';
import { timelineSvg, type TTimelineRow } from '../../reports/charts.ts';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { UserText } from '../kit/bidi.tsx';
import { DataTable } from '../kit/table.tsx';
import { assessmentPaths } from '../paths.ts';
import { quarterLabel } from '../kit/format.ts';
import { Chart } from '../kit/chart.tsx';

const KINDS = new Set<string>(['planned', 'in_progress', 'done', 'dropped']);

/** The chart's quarters: from the earliest start to the latest end of the plan's actions. */
function span(d: TPlanData): { first: number; last: number } | undefined {
  const starts = d.actions.map((a) => quarterIndex(a.start_q)).filter(Number.isFinite);
  const ends = d.actions.map((a) => quarterIndex(a.end_q)).filter(Number.isFinite);
  return starts.length ? { first: Math.min(...starts), last: Math.max(...ends, ...starts) } : undefined;
}

/** The timeline of a plan: chart and table. */
export function Timeline(p: { t: TFn; locale: TLocale; d: TPlanData; assessmentId: string; heading: string }) {
  const { t, d } = p;
  const s = span(d);
  let svg = '';
  if (s) {
    const columns: string[] = [];
    const groups: { label: string; span: number }[] = [];
    for (let q = s.first; q <= s.last; q++) {
      const year = String(Math.floor(q / 4));
      columns.push(t('plan.quarter_short', { q: String((q % 4) + 1) }));
      const g = groups[groups.length - 1];
      if (g && g.label === year) g.span++;
      else groups.push({ label: year, span: 1 });
    }
    const rows: TTimelineRow[] = d.actions.map((a) => ({ label: String(a.position), from: quarterIndex(a.start_q) - s.first, to: quarterIndex(a.end_q) - s.first, kind: (KINDS.has(a.currentStatus) ? a.currentStatus : 'planned') as TTimelineRow['kind'] }));
    // Drawn at phone width, so its text is full size where it is read most; it scales up on larger screens.
    svg = timelineSvg({ id: 'timeline-title', title: t('plan.timeline_chart') }, groups, columns, rows, { planned: t('plan.status.planned'), in_progress: t('plan.status.in_progress'), done: t('plan.status.done'), dropped: t('plan.status.dropped') }, { width: 340, dir: DIRECTION[p.locale] });
  }
  return (
    <section aria-labelledby="timeline-h">
      <h3 id="timeline-h">{p.heading}</h3>
      {svg && <Chart svg={svg} table="timeline-table" label={t('res.see_table')} />}
      <DataTable
        t={t}
        id="timeline-table"
        caption={t('plan.timeline_caption')}
        rows={d.actions}
        empty={t('plan.no_actions')}
        columns={[
          // The number is the chart's; the long title comes last so that the quarters stay in view on a phone.
          { head: '#', num: true, cell: (a) => String(a.position) },
          { head: t('plan.field.start'), cell: (a) => quarterLabel(t, a.start_q) },
          { head: t('plan.field.end'), cell: (a) => quarterLabel(t, a.end_q) },
          { head: t('plan.field.status'), cell: (a) => t(`plan.status.${a.currentStatus}`) },
          { head: t('plan.field.title'), rowHeader: true, cell: (a) => <a href={assessmentPaths(p.assessmentId).planAction(a.id)}><UserText as="span">{a.title}</UserText></a> },
        ]}
      />
    </section>
  );
}

/** The timeline page: the assessment's own plan, else the one it carries over. */
export function TimelinePage(p: { t: TFn; locale: TLocale; pg: TPlanPage }) {
  const { t, locale, pg } = p;
  const a = pg.access.assessment;
  const d = pg.own ?? pg.carried?.plan;
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={pg.access} current={assessmentPaths(a.id).plan} />
      <h2>{t('plan.timeline')}</h2>
      <p>
        <a href={assessmentPaths(a.id).plan}>{t('plan.back')}</a>
      </p>
      {d ? (
        <Timeline t={t} locale={locale} d={d} assessmentId={a.id} heading={pg.own ? t('plan.version', { version: d.plan.version }) : t('plan.carried_title', { year: pg.carried?.access.assessment.cycle_year ?? '' })} />
      ) : (
        <p class="notice">{t('plan.none_yet')}</p>
      )}
    </>
  );
}
