// Countries by ISO 3166-1 alpha-3 code; names come from Intl.DisplayNames in the user's language.
import countries from 'i18n-iso-countries';
import { regionName, t, type TLocale } from './index.ts';

/** Whether a string is an assigned ISO 3166-1 alpha-3 code. */
export function isCountry(code: string): boolean {
  return code === FICTIONAL || (/^[A-Z]{3}$/.test(code) && countries.isValid(code));
}

// ISO 3166 leaves X-codes to users: XDM is "Demoland", the fictional country of the demo and of training
// workshops, named through the locale catalogs.
const FICTIONAL = 'XDM';

/** A country's name in the language (from its alpha-3 code). */
export function countryName(locale: TLocale, alpha3: string): string {
  if (alpha3 === FICTIONAL) return t(locale, 'country.XDM');
  const a2 = countries.alpha3ToAlpha2(alpha3);
  return a2 ? regionName(locale, a2) : alpha3;
}

/** Every country as [alpha-3, name] sorted by name in the language. */
export function countryOptions(locale: TLocale): [string, string][] {
  const collator = new Intl.Collator(locale);
  return [...Object.keys(countries.getAlpha3Codes()), FICTIONAL]
    .map((c) => [c, countryName(locale, c)] as [string, string])
    .sort((a, b) => collator.compare(a[1], b[1]));
}
