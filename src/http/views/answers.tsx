// How answers, distributions and scores read on workshop, room and results pages: one place, so the
// same value is worded the same way everywhere.
import type { TI18nText, TInstrument, TItem, TLang } from '../../instrument/schema.ts';
import type { TDistribution } from '../../scoring/distribution.ts';
import type { TValue } from '../../scoring/types.ts';
import type { TEvidenceRow } from '../../domain/answer-set.ts';
import type { TConflict } from '../../domain/record-consensus.ts';
import { formatDateTime, formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { TableWrap } from './forms.tsx';

/** An instrument text as a plain string (for chart labels and attributes), with the source-language fallback. */
export function txt(inst: TInstrument, text: TI18nText | undefined, locale: TLocale): string {
  return text?.[locale as TLang] ?? text?.[inst.sourceLanguage] ?? '';
}

/** A 0–1 score as the UN indices show it (two decimals), or an en dash when there is none. */
export function score(locale: TLocale, x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : formatNumber(locale, x, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A share as a whole percentage. */
export function pct(locale: TLocale, x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : formatNumber(locale, x, { style: 'percent', maximumFractionDigits: 0 });
}

/** The label of one distribution bucket (see scoring/distribution.ts). */
export function bucketLabel(t: TFn, locale: TLocale, inst: TInstrument, item: TItem, key: string): string {
  if (key === 'dont_know' || key === 'not_applicable') return t(`answer.${key}`);
  switch (item.type) {
    case 'status':
      return t(`answer.${key}`);
    case 'level':
      return `${key} · ${t(`level.${key}`)}`;
    case 'number': {
      const lvl = Number(key);
      return lvl === 0 ? t('ws.number_below', { min: formatNumber(locale, item.thresholds[0] ?? 0) }) : t('ws.number_at_least', { level: lvl, min: formatNumber(locale, item.thresholds[lvl - 1] ?? 0) });
    }
    case 'checklist':
      return txt(inst, item.options.find((o) => o.id === key)?.label, locale) || key;
    case 'text':
      return key;
  }
}

/** An answer in words. */
export function answerText(t: TFn, locale: TLocale, inst: TInstrument, item: TItem, v: TValue | null | undefined): string {
  if (!v) return t('ws.no_answer');
  switch (v.kind) {
    case 'excluded':
      return t(`answer.${v.reason}`);
    case 'status':
      return t(`answer.${v.status}`);
    case 'level':
      return `${v.level} · ${t(`level.${v.level}`)}`;
    case 'number':
      return `${formatNumber(locale, v.number)} ${item.type === 'number' ? txt(inst, item.unit, locale) : ''}`.trim();
    case 'checklist':
      return v.checked.length ? v.checked.map((c) => bucketLabel(t, locale, inst, item, c)).join('; ') : t('q.none_of_these');
    case 'text':
      return v.text;
  }
}

/** One piece of evidence: a link opens in a new tab; a document downloads, for those who may open it. */
export function EvidenceLink(p: { e: TEvidenceRow; assessmentId: string; canOpenFiles?: boolean; label?: string }) {
  const label = p.label ?? p.e.title;
  if (p.e.kind === 'link') return <a href={p.e.url ?? '#'} rel="noopener noreferrer nofollow" target="_blank">{label}</a>;
  return p.canOpenFiles === false ? <>{label}</> : <a href={`/assessments/${p.assessmentId}/files/${p.e.file_id}`}>{label}</a>;
}

/** A workshop decision: the agreed answer, rationale, dissent, who recorded it and when. */
export function Decision(p: { t: TFn; locale: TLocale; inst: TInstrument; item: TItem; d: TConflict }) {
  const { t, locale } = p;
  return (
    <dl class="pairs">
      <dt>{t('ws.agreed_answer')}</dt>
      <dd>{answerText(t, locale, p.inst, p.item, p.d.value)}</dd>
      <dt>{t('ws.rationale')}</dt>
      <dd>{p.d.rationale}</dd>
      {p.d.dissent && (
        <>
          <dt>{t('ws.dissent')}</dt>
          <dd>{p.d.dissent}</dd>
        </>
      )}
      <dt>{t('ws.decided')}</dt>
      <dd>{t('ws.decided_by', { name: p.d.decidedBy ?? '?', at: formatDateTime(locale, p.d.decidedAt), revision: p.d.revision })}</dd>
    </dl>
  );
}

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
