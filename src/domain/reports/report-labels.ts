// Answer and bucket labels in the report's language. The report model resolves every label itself (the
// report's language is chosen independently of the reader's interface), so these are plain strings; the
// web kit has its own versions with bidi isolation for pages (http/kit/answer-text.tsx).
import { formatNumber, t, type TLocale } from '../../i18n/index.ts';
import type { TI18nText, TInstrument, TItem, TLang } from '../../instrument/schema.ts';
import type { TValue } from '../../scoring/types.ts';

/** An instrument text in the report's language, falling back to the instrument's source language. */
export function text(inst: TInstrument, value: TI18nText | undefined, locale: TLocale): string {
  return value?.[locale as TLang] ?? value?.[inst.sourceLanguage] ?? '';
}

/** "2 · Developing". */
export function levelLabel(locale: TLocale, level: string | number): string {
  return `${level} · ${t(locale, `level.${level}`)}`;
}

/** The label of one distribution bucket (scoring/distribution.ts). */
export function bucketText(locale: TLocale, inst: TInstrument, item: TItem, key: string): string {
  if (key === 'dont_know' || key === 'not_applicable') return t(locale, `answer.${key}`);
  switch (item.type) {
    case 'status':
      return t(locale, `answer.${key}`);
    case 'level':
      return levelLabel(locale, key);
    case 'number': {
      const lvl = Number(key);
      return lvl === 0 ? t(locale, 'ws.number_below', { min: formatNumber(locale, item.thresholds[0] ?? 0) }) : t(locale, 'ws.number_at_least', { level: lvl, min: formatNumber(locale, item.thresholds[lvl - 1] ?? 0) });
    }
    case 'checklist':
      return text(inst, item.options.find((o) => o.id === key)?.label, locale) || key;
    case 'text':
      return key;
  }
}

/** An answer in words; a free-text answer is not shown (it may name people). */
export function answerLabel(locale: TLocale, inst: TInstrument, item: TItem, v: TValue | null | undefined): string {
  if (!v) return t(locale, 'ws.no_answer');
  switch (v.kind) {
    case 'excluded':
      return t(locale, `answer.${v.reason}`);
    case 'status':
      return t(locale, `answer.${v.status}`);
    case 'level':
      return levelLabel(locale, v.level);
    case 'number':
      return `${formatNumber(locale, v.number)} ${item.type === 'number' ? text(inst, item.unit, locale) : ''}`.trim();
    case 'checklist':
      return v.checked.length ? v.checked.map((c) => bucketText(locale, inst, item, c)).join('; ') : t(locale, 'q.none_of_these');
    case 'text':
      return '';
  }
}
