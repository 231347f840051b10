// UN M49 regions and subregions of countries, from Unicode CLDR's territory containment (the npm package
// cldr-core, which follows the UN Statistics Division's M49 standard), named in every language by Node's
// full-ICU Intl.DisplayNames. Only the one containment file is read, once, on first use.
//
// CLDR places each country in the smallest M49 grouping: the "intermediate region" where M49 has one
// (Eastern Africa, South America, Caribbean) and the subregion otherwise (Western Asia, Northern Europe);
// these are the subregions the UN E-Government Survey reports by. Groupings CLDR marks as such (e.g.
// Sub-Saharan Africa, Latin America and the Caribbean, the EU) are left out.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { regionName, type TLocale } from './index.ts';

/** A country's M49 region and subregion (numeric codes, e.g. '002' Africa, '014' Eastern Africa). */
export interface TM49 {
  region: string;
  subregion: string;
}

let byAlpha2: Map<string, TM49> | undefined;

function load(): Map<string, TM49> {
  const file = createRequire(import.meta.url).resolve('cldr-core/supplemental/territoryContainment.json');
  const tree = (JSON.parse(readFileSync(file, 'utf8')) as { supplemental: { territoryContainment: Record<string, { _contains?: string[]; _grouping?: string }> } }).supplemental.territoryContainment;
  const out = new Map<string, TM49>();
  // Keys like "002-status-grouping" list groupings and deprecated codes: only plain keys form the tree.
  for (const region of tree['001']?._contains ?? []) {
    for (const sub of tree[region]?._contains ?? []) {
      for (const member of tree[sub]?._contains ?? []) if (/^[A-Z]{2}$/.test(member)) out.set(member, { region, subregion: sub });
    }
  }
  return out;
}

/** A country's M49 region and subregion, or undefined (a fictional or unknown code). */
export function m49Of(alpha3: string): TM49 | undefined {
  byAlpha2 ??= load();
  const a2 = countries.alpha3ToAlpha2(alpha3);
  return a2 ? byAlpha2.get(a2) : undefined;
}

/** The name of an M49 area (e.g. '015' Northern Africa) in the language. */
export function m49Name(locale: TLocale, code: string): string {
  return regionName(locale, code);
}
