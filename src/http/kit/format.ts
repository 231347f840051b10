// Locale formatting of scores and shares, so every page prints them alike.
import { formatNumber, type TLocale } from '../../i18n/index.ts';

/** A 0–1 score as the UN indices show it (two decimals), or an en dash when there is none. */
export function score(locale: TLocale, x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : formatNumber(locale, x, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A share as a whole percentage. */
export function pct(locale: TLocale, x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : formatNumber(locale, x, { style: 'percent', maximumFractionDigits: 0 });
}
