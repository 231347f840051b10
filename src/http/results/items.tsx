// Every scored item of every pillar, folded per pillar: score, where the answer came from, agreement and
// evidence, each item linking to the trace of its score. On a page of its own: the question texts of every
// item were a quarter of the results page's bytes (bench/README.md, page weight); the results page links here.
import { formatNumber } from '../../i18n/index.ts';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { assessmentPaths } from '../paths.ts';
import { pct, score } from '../kit/format.ts';
import { Tx } from '../kit/instrument-text.tsx';
import { DataTable } from '../kit/table.tsx';
import { itemsAnchor, type TResultsView } from './view.tsx';

/** On the results page: where every item's score is. */
export function ItemTablesLink(p: { v: TResultsView }) {
  const { t, a } = p.v;
  return (
    <section aria-labelledby="items-h">
      <h3 id="items-h">{t('res.items')}</h3>
      <p>
        <a href={assessmentPaths(a.id).resultsItems}>{t('res.items_link')}</a>
      </p>
    </section>
  );
}

/** The page of every item: one folded table of items per pillar. */
export function ItemTablesPage(p: { v: TResultsView }) {
  const { t, locale, res, a } = p.v;
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={res.access} current={assessmentPaths(a.id).results} />
      <p>
        <a href={assessmentPaths(a.id).results}>{t('res.back')}</a>
      </p>
      <h2>{t('res.items')}</h2>
      {res.provisional && <p class="provisional" role="note">{t('res.provisional', { state: t(`state.${a.state}`) })}</p>}
      <ItemTables v={p.v} />
    </>
  );
}

/** One folded table of items per pillar. */
function ItemTables(p: { v: TResultsView }) {
  const { t, locale, res, inst, s, pillars, pillarName, trace } = p.v;
  return (
    <section aria-label={t('res.items')}>
      {pillars.map((pl) => (
        <details id={itemsAnchor(pl.id)}>
          <summary>{pillarName(pl.id)}</summary>
          <DataTable
            t={t}
            caption={pillarName(pl.id)}
            captionStyle="hidden"
            rows={pl.items.filter((i) => i.type !== 'text').map((i) => ({ i, ir: s.items.find((x) => x.id === i.id), ci: res.items.find((x) => x.id === i.id) }))}
            columns={[
              {
                head: t('ws.item'),
                rowHeader: true,
                cell: ({ i }) => (
                  <>
                    <a href={trace(i.id)}>{i.id}</a> <Tx text={i.question} locale={locale} inst={inst} />
                  </>
                ),
              },
              { head: t('res.score'), num: true, cell: ({ ir }) => score(locale, ir?.score) },
              { head: t('res.source'), cell: ({ ci }) => (ci?.source ? t(`res.source.${ci.source}`) : '–') },
              { head: t('res.agreement'), num: true, cell: ({ ci }) => pct(locale, ci?.agreement) },
              { head: t('res.with_evidence'), num: true, cell: ({ ir, ci }) => `${formatNumber(locale, ci?.withEvidence ?? 0)}${ir?.unsupported ? ` (${t('res.unsupported_one')})` : ''}` },
            ]}
          />
        </details>
      ))}
    </section>
  );
}
