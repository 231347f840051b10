// Every scored item of every pillar, folded per pillar: score, where the answer came from, agreement and
// evidence, each item linking to the trace of its score.
import { formatNumber } from '../../i18n/index.ts';
import { pct, score } from '../kit/format.ts';
import { Tx } from '../kit/instrument-text.tsx';
import { DataTable } from '../kit/table.tsx';
import { itemsAnchor, type TResultsView } from './view.tsx';

/** One folded table of items per pillar. */
export function ItemTables(p: { v: TResultsView }) {
  const { t, locale, res, inst, s, pillars, pillarName, trace } = p.v;
  return (
    <section aria-labelledby="items-h">
      <h3 id="items-h">{t('res.items')}</h3>
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
