// Countries by ISO 3166-1 alpha-3 code; names are the UN short names where the UN writes them differently
// (un-countries.ts), otherwise Intl.DisplayNames (CLDR) in the user's language.
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { regionName, t, type TLocale } from './index.ts';
import { UN_MEMBER_STATES, UN_OBSERVER_STATES, UN_SHORT_NAMES } from './un-countries.ts';

const UN_STATES = new Set([...UN_MEMBER_STATES, ...UN_OBSERVER_STATES]);

/** Whether a code is one an assessment can be created for: a UN Member or observer State, or the demo country. */
export function isAssessmentCountry(code: string): boolean {
  return code === FICTIONAL || UN_STATES.has(code);
}

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
  const un = UN_SHORT_NAMES[alpha3]?.[locale];
  if (un) return un;
  const a2 = countries.alpha3ToAlpha2(alpha3);
  return a2 ? regionName(locale, a2) : alpha3;
}

/**
 * The countries an assessment can be created for, as [alpha-3, name] sorted by name in the language: the 193
 * UN Member States and the two observer States, and the fictional demo country only where the demo exists.
 */
export function countryOptions(locale: TLocale, withDemo: boolean): [string, string][] {
  const collator = new Intl.Collator(locale);
  return [...UN_STATES, ...(withDemo ? [FICTIONAL] : [])]
    .map((c) => [c, countryName(locale, c)] as [string, string])
    .sort((a, b) => collator.compare(a[1], b[1]));
}

// The UN's own short names (M49, E-Government Survey files) that i18n-iso-countries' English names and
// aliases do not know, and names earlier Survey editions used. Keys are compared after `nameKey` below.
// i18n-iso-countries already knows e.g. "Türkiye", "Côte d'Ivoire", "Republic of Korea", "United Republic
// of Tanzania", "Lao People's Democratic Republic", "Russian Federation", "Syrian Arab Republic", "Czechia",
// "Eswatini", "North Macedonia", "State of Palestine", "Netherlands (Kingdom of the)".
const UN_NAMES: Record<string, string> = {
  'bolivia (plurinational state of)': 'BOL',
  'iran (islamic republic of)': 'IRN',
  "democratic people's republic of korea": 'PRK',
  'republic of moldova': 'MDA',
  'venezuela (bolivarian republic of)': 'VEN',
  'viet nam': 'VNM',
  'micronesia (federated states of)': 'FSM',
  'united kingdom of great britain and northern ireland': 'GBR',
  'cabo verde': 'CPV',
  'swaziland': 'SWZ',
  'the former yugoslav republic of macedonia': 'MKD',
  'libyan arab jamahiriya': 'LBY',
  'holy see': 'VAT',
  'turkey': 'TUR',
  'democratic republic of congo': 'COD',
  'congo, democratic republic of the': 'COD',
  'korea, republic of': 'KOR',
  "korea, democratic people's republic of": 'PRK',
};

// Case, spacing, typographic apostrophes and accents do not distinguish country names.
function nameKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

let englishRegistered = false;

/** The ISO 3166-1 alpha-3 code of a country named in English as the UN writes it, or undefined. */
export function countryCodeFromName(name: string): string | undefined {
  const key = nameKey(name);
  if (!key) return undefined;
  const un = UN_NAMES[key];
  if (un) return un;
  if (!englishRegistered) {
    // Only the importer needs English names: the catalogue of names is loaded on first use.
    countries.registerLocale(createRequire(import.meta.url)('i18n-iso-countries/langs/en.json'));
    englishRegistered = true;
  }
  const found = countries.getAlpha3Code(name.replace(/[’‘`´]/g, "'").replace(/\s+/g, ' ').trim(), 'en');
  if (found) return found;
  const names = countries.getNames('en', { select: 'all' }) as Record<string, string[]>;
  for (const [a2, list] of Object.entries(names)) if (list.some((n) => nameKey(n) === key)) return countries.alpha2ToAlpha3(a2);
  return undefined;
}
