// An answer or an answer bucket in words, in the reader's language.
import type { TInstrument, TItem } from '../../instrument/schema.ts';
import type { TValue } from '../../scoring/types.ts';
import { formatNumber, listOf, type TFn, type TLocale } from '../../i18n/index.ts';
import { isolate } from './bidi.tsx';
import { txt } from './instrument-text.tsx';

/** The label of one distribution bucket (see scoring/distribution.ts). */
export function bucketLabel(t: TFn, locale: TLocale, inst: TInstrument, item: TItem, key: string): string {
  if (key === 'dont_know' || key === 'not_applicable') return t(`answer.${key}`);
  switch (item.type) {
    case 'status':
      return t(`answer.${key}`);
    case 'level':
      return levelText(t, key);
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
      return levelText(t, v.level);
    case 'number':
      // A number with its unit is one unit of text: in Arabic the unit stays on the number's side.
      return isolate(`${formatNumber(locale, v.number)} ${item.type === 'number' ? txt(inst, item.unit, locale) : ''}`.trim());
    case 'checklist':
      return v.checked.length ? listOf(locale, v.checked.map((c) => bucketLabel(t, locale, inst, item, c)), true) : t('q.none_of_these');
    case 'text':
      return isolate(v.text);
  }
}

/** "2 · Developing", isolated so that the level number stays beside its label inside any sentence or cell. */
export function levelText(t: TFn, level: string | number): string {
  return isolate(`${level} · ${t(`level.${level}`)}`);
}
