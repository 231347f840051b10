// Presenters of a country's UN E-Government Survey figures for programs (the API and `metep benchmarks
// show`): a field whitelist as JSON, and the same numbers as tidy CSV (one row per edition and measure).
import type { TCountryProfile } from '../domain/benchmarks/get-country-profile.ts';
import { toCsv } from '../lib/csv.ts';

const r6 = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1e6) / 1e6);

/** A country's figures per edition as a plain JSON-able object. */
export function countryBenchmarksJson(p: TCountryProfile) {
  return {
    country: p.iso3,
    region: p.m49?.region ?? null,
    subregion: p.m49?.subregion ?? null,
    fictional: p.fictional,
    editions: p.series.map((s) => ({
      year: s.year,
      egdi: r6(s.egdi),
      egdiRank: s.egdiRank,
      egdiOf: s.egdiOf,
      egdiPercentile: r6(s.egdiPercentile),
      egdiGroup: s.egdiGroup,
      epi: r6(s.epi),
      epiRank: s.epiRank,
      epiOf: s.epiOf,
      epiPercentile: r6(s.epiPercentile),
      osi: r6(s.osi),
      hci: r6(s.hci),
      tii: r6(s.tii),
      fictional: s.fictional,
    })),
    sources: p.editions.filter((e) => p.series.some((s) => s.year === e.year)).map((e) => ({ year: e.year, source: e.source })),
  };
}

/** The same figures as tidy CSV (country, year, measure, value). */
export function countryBenchmarksCsv(p: TCountryProfile): string {
  const j = countryBenchmarksJson(p);
  const rows: (string | number | null)[][] = [['country', 'year', 'measure', 'value']];
  for (const e of j.editions) {
    for (const k of ['egdi', 'egdiRank', 'egdiOf', 'egdiPercentile', 'egdiGroup', 'epi', 'epiRank', 'epiOf', 'epiPercentile', 'osi', 'hci', 'tii', 'fictional'] as const) {
      const v = e[k];
      rows.push([j.country, e.year, k, typeof v === 'boolean' ? String(v) : v]);
    }
  }
  return toCsv(rows);
}
