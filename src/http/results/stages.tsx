// The results by stage of public participation (information, consultation, decision-making), and the matrix
// of those stages against the policy cycle.
import { DIRECTION } from '../../i18n/index.ts';
import { POLICY_STAGES } from '../../instrument/schema.ts';
import { barSvg } from '../../reports/charts.ts';
import { num, score } from '../kit/format.ts';
import { DataTable } from '../kit/table.tsx';
import type { TResultsView } from './view.tsx';
import { Chart } from '../kit/chart.tsx';

const STAGES = ['e_information', 'e_consultation', 'e_decision_making'] as const;

/** Stage × policy-cycle matrix: each cell's score, shaded, with how many of its items are scored. */
function MatrixTable(p: { v: TResultsView }) {
  const { t, locale, r } = p.v;
  return (
    <DataTable
      t={t}
      id="matrix"
      caption={t('res.matrix_caption')}
      rows={r.matrix}
      columns={[
        { head: t('res.stage'), rowHeader: true, cell: (row) => t(`epi_stage.${row.stage}`) },
        ...POLICY_STAGES.map((c) => ({
          head: t(`stage.${c}`),
          num: true,
          cellClass: (row: (typeof r.matrix)[number]) => (row.cells[c].score === null ? undefined : `cell-${Math.min(3, Math.floor(row.cells[c].score * 4))}`),
          cell: (row: (typeof r.matrix)[number]) => {
            const cell = row.cells[c];
            return (
              <>
                {cell.items === 0 ? '–' : `${score(locale, cell.score)} `}
                {cell.items > 0 && <span class="muted">{t('res.cell_items', { scored: cell.scored, items: cell.items })}</span>}
              </>
            );
          },
        })),
      ]}
    />
  );
}

/** The stages: bar chart, table (with the previous cycle) and the matrix. */
export function StagesSection(p: { v: TResultsView }) {
  const { t, locale, a, s, prev } = p.v;
  const stageBars = barSvg(
    { id: 'stages-title', title: t('res.stages_title') },
    STAGES.map((k) => t(`epi_stage.${k}`)),
    [{ name: t('res.this_cycle', { year: a.cycle_year }), values: STAGES.map((k) => s.stages[k]) }, ...(prev ? [{ name: t('res.this_cycle', { year: prev.access.assessment.cycle_year }), values: STAGES.map((k) => prev.scores.stages[k]) }] : [])],
    // Drawn at a phone's width, so its labels keep their size there (drawn at 480 they shrank to 8 px).
    { dir: DIRECTION[locale], width: 360, height: 260 },
  );
  return (
    <section aria-labelledby="stg-h">
      <h3 id="stg-h">{t('res.stages_title')}</h3>
      <p>{t('res.stages_explain')}</p>
      <Chart svg={stageBars} table="stg-table" label={t('res.see_table')} narrow />
      <DataTable
        t={t}
        id="stg-table"
        caption={t('res.stages_caption')}
        rows={STAGES}
        columns={[
          { head: t('res.stage'), rowHeader: true, cell: (k) => t(`epi_stage.${k}`) },
          { head: t('res.percent'), num: true, cell: (k) => num(locale, s.stages[k]) },
          prev && { head: t('res.previous', { year: prev.access.assessment.cycle_year }), num: true, cell: (k) => num(locale, prev.scores.stages[k]) },
        ]}
      />
      <MatrixTable v={p.v} />
    </section>
  );
}
