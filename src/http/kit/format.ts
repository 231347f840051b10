// Locale formatting of the numbers and dates pages show, so every page prints them alike and no view
// formats by hand (toFixed, toLocaleString, string concatenation of raw numbers).
import { formatDateTime, formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { QUARTER } from '../../domain/plans/plan-model.ts';

const none = (x: number | null | undefined): x is null | undefined => x === null || x === undefined;

/** A 0–1 score as the UN indices show it (two decimals), or an en dash when there is none. */
export function score(locale: TLocale, x: number | null | undefined): string {
  return none(x) ? '–' : formatNumber(locale, x, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A share as a whole percentage. */
export function pct(locale: TLocale, x: number | null | undefined): string {
  return none(x) ? '–' : formatNumber(locale, x, { style: 'percent', maximumFractionDigits: 0 });
}

/** A number rounded to `digits` decimals (whole by default), or an en dash when there is none. */
export function num(locale: TLocale, x: number | null | undefined, digits = 0): string {
  return none(x) ? '–' : formatNumber(locale, x, { maximumFractionDigits: digits });
}

// A score in hundredths exactly as `score` prints it: rounded by Intl (0.615 → 0.62), which toFixed is not
// (it rounds the binary value 0.61499… down).
const TWO = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
const hundredths = (x: number) => Math.round(Number(TWO.format(x)) * 100);

/**
 * A change between two scores with its sign (+0.05, −0.10), or an en dash when either is missing. It is the
 * difference of the two scores as printed (two decimals), so it never reads "0.00" beside two scores that
 * visibly differ, nor "+0.01" beside two that print alike.
 */
export function delta(locale: TLocale, now: number | null | undefined, before: number | null | undefined): string {
  return none(now) || none(before) ? '–' : formatNumber(locale, (hundredths(now) - hundredths(before)) / 100, { signDisplay: 'exceptZero', minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/**
 * A change computed elsewhere (the index under another weighting minus the baseline), signed, to three
 * decimals: these changes are often under 0.01, where two-decimal rounding shows 0.00 or ±0.01 for the same
 * size of effect (docs/METHODOLOGY.md §8).
 */
export function change3(locale: TLocale, d: number | null | undefined): string {
  return none(d) ? '–' : formatNumber(locale, d, { signDisplay: 'exceptZero', minimumFractionDigits: 3, maximumFractionDigits: 3 });
}

/** "answered/total", each number in the language's digits. */
export function fraction(locale: TLocale, part: number, whole: number): string {
  return `${formatNumber(locale, part)}/${formatNumber(locale, whole)}`;
}

/** A file size in whole kilobytes (at least 1), with the language's unit. */
export function fileSize(locale: TLocale, bytes: number | null | undefined): string {
  return formatNumber(locale, Math.max(1, Math.round((bytes ?? 0) / 1024)), { style: 'unit', unit: 'kilobyte' });
}

/** A calendar date (an ISO date-time or a YYYY-MM-DD day) in the language, read in UTC. */
export function date(locale: TLocale, iso: string, style: 'medium' | 'long' = 'medium'): string {
  return formatDateTime(locale, /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso, { dateStyle: style, timeZone: 'UTC' });
}

/** A date and time in the language, in UTC. */
export function dateTime(locale: TLocale, at: string | Date): string {
  return formatDateTime(locale, at);
}

/** A time of day with seconds, in UTC (the room's "updated at"). */
export function time(locale: TLocale, at: string | Date): string {
  return formatDateTime(locale, at, { timeStyle: 'medium', timeZone: 'UTC' });
}

/** A byte limit in megabytes as limits are stated to people: one decimal under 10 MB, whole above. */
export function megabytes(bytes: number): number {
  const mb = bytes / 1048576;
  return mb < 10 ? Math.round(mb * 10) / 10 : Math.round(mb);
}

/** A quarter of a plan ("2025Q3") as people read it in the page language (the plan pages and the report). */
export function quarterLabel(t: TFn, q: string): string {
  const m = QUARTER.exec(q);
  return m ? t('plan.quarter', { q: m[2] as string, year: m[1] as string }) : q;
}
