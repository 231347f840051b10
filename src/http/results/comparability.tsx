// The previous cycle when it was answered on another instrument version: the two cycles are compared only
// through the crosswalk (on the items both versions share), the page says so, and every item without a
// like-for-like counterpart is listed — changed, split or merged, new, or no longer asked.
import type { TTrend, TTrendItem } from '../../scoring/trend.ts';
import { locateItem } from '../../instrument/model.ts';
import { formatNumber } from '../../i18n/index.ts';
import { delta, score } from '../kit/format.ts';
import { Tx } from '../kit/instrument-text.tsx';
import { DataTable } from '../kit/table.tsx';
import type { TResultsView } from './view.tsx';

/** An item id linking to its trace, with its question in this version. */
function ItemRef(p: { v: TResultsView; id: string }) {
  const { inst, locale, trace } = p.v;
  const item = locateItem(inst, p.id)?.item;
  return (
    <>
      <a href={trace(p.id)}>{p.id}</a> {item && <Tx text={item.question} locale={locale} inst={inst} />}
    </>
  );
}

/** Index and pillars of both cycles on the shared items. */
function SharedScores(p: { v: TResultsView; trend: TTrend; year: number }) {
  const { t, locale, a, pillarName } = p.v;
  return (
    <DataTable
      t={t}
      id="cmp-table"
      caption={t('res.cmp_caption', { year: p.year })}
      rows={[p.trend.index, ...p.trend.pillars]}
      columns={[
        { head: t('ws.pillar'), rowHeader: true, cell: (x) => (x.id === 'METEP' ? t('res.index_shared') : pillarName(x.id)) },
        { head: t('res.this_cycle', { year: a.cycle_year }), num: true, cell: (x) => score(locale, x.current) },
        { head: t('res.previous', { year: p.year }), num: true, cell: (x) => score(locale, x.previous) },
        { head: t('res.change'), num: true, cell: (x) => delta(locale, x.current, x.previous) },
        { head: t('res.cmp_items'), num: true, cell: (x) => formatNumber(locale, x.items) },
      ]}
    />
  );
}

/** Items whose counterpart changed, split or merged: both scores side by side, outside the comparison. */
function ChangedItems(p: { v: TResultsView; rows: TTrendItem[]; year: number; from: string }) {
  const { t, locale } = p.v;
  if (!p.rows.length) return null;
  return (
    <DataTable
      t={t}
      caption={t('res.cmp_changed')}
      rows={p.rows}
      columns={[
        { head: t('ws.item'), rowHeader: true, cell: (x) => <ItemRef v={p.v} id={x.id} /> },
        { head: t('res.cmp_kind'), cell: (x) => t(`res.cmp_kind.${x.kind}`) },
        { head: t('res.cmp_counterpart', { version: p.from }), cell: (x) => x.from.map((f) => f.id).join(', ') },
        { head: t('res.this_cycle', { year: p.v.a.cycle_year }), num: true, cell: (x) => score(locale, x.current) },
        { head: t('res.previous', { year: p.year }), num: true, cell: (x) => x.from.map((f) => score(locale, f.score)).join(' · ') },
      ]}
    />
  );
}

/** The comparison with the previous cycle across instrument versions, when there is one. */
export function CycleComparison(p: { v: TResultsView }) {
  const { t, locale, r, a } = p.v;
  const cmp = r.acrossVersions;
  const year = r.previous?.access.assessment.cycle_year;
  if (!cmp || year === undefined) return null;
  if (cmp.kind === 'no_crosswalk') {
    return (
      <section aria-labelledby="cmp-h">
        <h3 id="cmp-h">{t('res.cmp_title', { year })}</h3>
        <p>{t('res.cmp_none', { year, from: cmp.from, to: cmp.to })}</p>
      </section>
    );
  }
  const { trend } = cmp;
  const prevItem = (id: string) => (r.previous ? locateItem(r.previous.access.instrument, id)?.item : undefined);
  return (
    <section aria-labelledby="cmp-h">
      <h3 id="cmp-h">{t('res.cmp_title', { year })}</h3>
      <p>{t('res.cmp_explain', { year, from: trend.from, to: trend.to, thisYear: a.cycle_year })}</p>
      <SharedScores v={p.v} trend={trend} year={year} />
      <ChangedItems v={p.v} rows={trend.changed} year={year} from={trend.from} />
      {trend.added.length > 0 && (
        <>
          <h4>{t('res.cmp_added', { version: trend.from })}</h4>
          <ul>
            {trend.added.map((id) => (
              <li>
                <ItemRef v={p.v} id={id} />
              </li>
            ))}
          </ul>
        </>
      )}
      {trend.dropped.length > 0 && (
        <>
          <h4>{t('res.cmp_dropped', { version: trend.from })}</h4>
          <ul>
            {trend.dropped.map((d) => (
              <li>
                {d.id} <Tx text={prevItem(d.id)?.question} locale={locale} inst={r.previous!.access.instrument} />
                {` — ${t('res.previous', { year })}: ${score(locale, d.previous)}`}
                {d.see.length > 0 && ` · ${t('res.cmp_see', { items: d.see.join(', ') })}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
