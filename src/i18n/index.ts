// UI strings: ICU MessageFormat catalogs, one JSON file per language, loaded once and compiled lazily.
// The six UN languages are supported; `ar` is right-to-left.
import { readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { packagePath } from '../lib/paths.ts';

/** The supported UI languages, in the order the switcher shows them (UN alphabetical order by code). */
export const LOCALES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
/** A supported UI language. */
export type TLocale = (typeof LOCALES)[number];
/** The language used when nothing else is known. */
export const DEFAULT_LOCALE: TLocale = 'en';

/** Text direction per language. */
export const DIRECTION: Record<TLocale, 'ltr' | 'rtl'> = { ar: 'rtl', en: 'ltr', es: 'ltr', fr: 'ltr', ru: 'ltr', zh: 'ltr' };

/** Each language's own name, for the switcher. */
export const ENDONYM: Record<TLocale, string> = { ar: 'العربية', en: 'English', es: 'Español', fr: 'Français', ru: 'Русский', zh: '中文' };

// The Intl tag used for numbers and dates. Arabic uses Latin digits by explicit choice (as UN Arabic
// documents mostly do); a deployment wanting Arabic-Indic digits would map ar → ar-EG here.
const INTL_TAG: Record<TLocale, string> = { ar: 'ar-u-nu-latn', en: 'en', es: 'es', fr: 'fr', ru: 'ru', zh: 'zh-Hans' };

/** Whether a string names a supported language. */
export function isLocale(v: unknown): v is TLocale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

type Catalog = Record<string, string>;
const catalogs = new Map<TLocale, Catalog>();
const compiled = new Map<string, IntlMessageFormat>();

/** The raw catalog of a language (key → ICU message). */
export function catalog(locale: TLocale): Catalog {
  let c = catalogs.get(locale);
  if (!c) {
    c = JSON.parse(readFileSync(packagePath(`src/i18n/locales/${locale}.json`), 'utf8')) as Catalog;
    catalogs.set(locale, c);
  }
  return c;
}

// Texts edited in the translators' workbench, stored in the database: they override the bundled catalog of
// their language at run time (see src/domain/translations/ui-overrides.ts, which loads them).
const overrides = new Map<TLocale, Catalog>();

/** Replaces the run-time overrides (language → key → ICU message, each already checked on save). */
export function setCatalogOverrides(next: Map<TLocale, Catalog>): void {
  overrides.clear();
  for (const [l, c] of next) overrides.set(l, c);
  compiled.clear();
}

/** Translates a key; a key missing from the catalog (a bug the catalog test catches) shows as the key. */
export function t(locale: TLocale, key: string, params?: Record<string, string | number | Date>): string {
  const c = catalog(locale);
  const o = overrides.get(locale);
  // Own keys only: a key that names an Object.prototype member ("__proto__", "constructor") is not a message.
  const msg = o && Object.hasOwn(o, key) ? o[key] : Object.hasOwn(c, key) ? c[key] : undefined;
  if (typeof msg !== 'string') return key;
  if (!params && !msg.includes('{')) return msg;
  const id = `${locale}\u0000${key}`;
  let f = compiled.get(id);
  if (!f) {
    f = new IntlMessageFormat(msg, INTL_TAG[locale]);
    compiled.set(id, f);
  }
  return String(f.format(params));
}

/** A translator bound to one language. */
export type TFn = (key: string, params?: Record<string, string | number | Date>) => string;

/** Binds `t` to a language. */
export function translator(locale: TLocale): TFn {
  return (key, params) => t(locale, key, params);
}

/** Formats a number in the language's conventions. */
// The list separators of each script: the Arabic comma and semicolon (، ؛), the Chinese enumeration comma
// and full-width semicolon (、；), the Latin ones elsewhere. Intl.ListFormat adds "and" or drops separators.
const COMMA: Partial<Record<TLocale, string>> = { ar: '، ', zh: '、' };
const SEMICOLON: Partial<Record<TLocale, string>> = { ar: '؛ ', zh: '；' };

/** Words or phrases joined with the language's comma, or with its semicolon when they contain commas. */
export function listOf(locale: TLocale, items: readonly string[], strong = false): string {
  return items.join(strong ? (SEMICOLON[locale] ?? '; ') : (COMMA[locale] ?? ', '));
}

export function formatNumber(locale: TLocale, n: number, opts?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(INTL_TAG[locale], opts).format(n);
}

/** Formats a date-time (ISO string or Date) in the language's conventions, UTC unless told otherwise. */
export function formatDateTime(locale: TLocale, d: string | Date, opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }): string {
  return new Intl.DateTimeFormat(INTL_TAG[locale], opts).format(typeof d === 'string' ? new Date(d) : d);
}

/** A country's name in the language, from its ISO 3166-1 alpha-2 code. */
export function regionName(locale: TLocale, alpha2: string): string {
  return new Intl.DisplayNames([INTL_TAG[locale]], { type: 'region' }).of(alpha2) ?? alpha2;
}

/** Picks the best supported language from an Accept-Language header. */
export function negotiate(acceptLanguage: string | undefined): TLocale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}
