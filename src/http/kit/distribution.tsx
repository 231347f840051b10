// How answers to an item are distributed, overall and per stakeholder side, as a table.
import type { TInstrument, TItem } from '../../instrument/schema.ts';
import type { TDistribution } from '../../scoring/distribution.ts';
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { TableWrap } from './table.tsx';
import { bucketLabel } from './answer-text.tsx';

/** A distribution as a table with a bar per row: total, government and non-government counts. */
export function DistributionTable(p: { t: TFn; locale: TLocale; inst: TInstrument; item: TItem; d: TDistribution; caption: string; highlight?: string[] | undefined }) {
  const { t, locale } = p;
  const max = Math.max(1, ...p.d.buckets.map((b) => b.total));
  return (
    <TableWrap t={t}>
      <table class="dist">
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ws.answer')}</th>
            <th scope="col" class="num">{t('ws.all')}</th>
            <th scope="col" class="num">{t('group.government')}</th>
            <th scope="col" class="num">{t('group.non_government')}</th>
          </tr>
        </thead>
        <tbody>
          {p.d.buckets.map((b) => (
            <tr class={p.highlight?.includes(b.key) ? 'hl' : undefined}>
              <th scope="row">
                {bucketLabel(t, locale, p.inst, p.item, b.key)}
                {p.highlight?.includes(b.key) && <span class="visually-hidden">{` (${t('ws.default_answer')})`}</span>}
              </th>
              <td class="num">
                <span class="bar" aria-hidden="true">
                  <span class={`w${Math.round((b.total / max) * 10)}`}></span>
                </span>
                {formatNumber(locale, b.total)}
              </td>
              <td class="num">{formatNumber(locale, b.government)}</td>
              <td class="num">{formatNumber(locale, b.nonGovernment)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
