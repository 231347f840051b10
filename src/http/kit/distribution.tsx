// How answers to an item are distributed, overall and per stakeholder side, as a table.
import type { TInstrument, TItem } from '../../instrument/schema.ts';
import type { TDistribution } from '../../scoring/distribution.ts';
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { DataTable } from './table.tsx';
import { bucketLabel } from './answer-text.tsx';

/** A count with a bar as long as its share of the largest count (the bar is decoration; the number speaks). */
export function CountBar(p: { locale: TLocale; n: number; max: number }) {
  return (
    <>
      <span class="bar" aria-hidden="true">
        <span class={`w${Math.round((p.n / Math.max(1, p.max)) * 10)}`}></span>
      </span>
      {formatNumber(p.locale, p.n)}
    </>
  );
}

/** A distribution as a table with a bar per row: total, government and non-government counts. */
export function DistributionTable(p: { t: TFn; locale: TLocale; inst: TInstrument; item: TItem; d: TDistribution; caption: string; highlight?: string[] | undefined }) {
  const { t, locale } = p;
  const max = Math.max(1, ...p.d.buckets.map((b) => b.total));
  const hl = (key: string) => p.highlight?.includes(key) ?? false;
  return (
    <DataTable
      t={t}
      class="dist"
      caption={p.caption}
      rows={p.d.buckets}
      rowClass={(b) => (hl(b.key) ? 'hl' : undefined)}
      columns={[
        {
          head: t('ws.answer'),
          rowHeader: true,
          cell: (b) => (
            <>
              {bucketLabel(t, locale, p.inst, p.item, b.key)}
              {hl(b.key) && <span class="visually-hidden">{` (${t('ws.default_answer')})`}</span>}
            </>
          ),
        },
        { head: t('ws.all'), num: true, cell: (b) => <CountBar locale={locale} n={b.total} max={max} /> },
        { head: t('group.government'), num: true, cell: (b) => formatNumber(locale, b.government) },
        { head: t('group.non_government'), num: true, cell: (b) => formatNumber(locale, b.nonGovernment) },
      ]}
    />
  );
}
