// Where a country stands in an edition: rank and percentile by EGDI and by EPI among the real countries of
// that edition (docs/METHODOLOGY.md §14), and its EGDI group. A fictional row (the demo's Demoland) is
// placed among the real countries without being counted among them.
import type { BenchmarkValueRow } from '../../db/repositories/benchmarks.ts';
import { percentileAmong, rankAmong } from '../../scoring/calibration.ts';

/** The UN E-Government Survey's own EGDI groups (its names: these are the UN's classes of a UN index, unlike
 * METEP's bands, which are named apart because METEP scores are absolute). */
export type TEgdiGroup = 'low' | 'middle' | 'high' | 'very_high';

/** The EGDI group of a value: < 0.25 low, 0.25–0.50 middle, 0.50–0.75 high, ≥ 0.75 very high (UN cut-offs). */
export function egdiGroupOf(egdi: number): TEgdiGroup {
  return egdi >= 0.75 ? 'very_high' : egdi >= 0.5 ? 'high' : egdi >= 0.25 ? 'middle' : 'low';
}

/** One country's figures and position in one edition. */
export interface TStanding {
  year: number;
  iso3: string;
  fictional: boolean;
  egdi: number | null;
  epi: number | null;
  osi: number | null;
  hci: number | null;
  tii: number | null;
  /** The Survey's published EGDI rank; computed the same way for a fictional row. */
  egdiRank: number | null;
  /** Countries ranked by EGDI in the edition. */
  egdiOf: number;
  egdiPercentile: number | null;
  /** Rank by EPI (1 = highest, ties share), computed: the Survey files carry no EPI rank. */
  epiRank: number | null;
  epiOf: number;
  epiPercentile: number | null;
  /** The EGDI group (very high ≥ 0.75, high ≥ 0.50, middle ≥ 0.25, low), as the Survey groups countries. */
  egdiGroup: TEgdiGroup | null;
}

/** The other real countries' values of an index in an edition. */
export function othersOf(edition: readonly BenchmarkValueRow[], iso3: string, index: 'egdi' | 'epi'): number[] {
  return edition.filter((r) => !r.fictional && r.iso3 !== iso3 && r[index] !== null).map((r) => r[index] as number);
}

/** A row's standing among the real countries of its edition (all rows of that edition). */
export function standingOf(row: BenchmarkValueRow, edition: readonly BenchmarkValueRow[]): TStanding {
  const egdiOthers = othersOf(edition, row.iso3, 'egdi');
  const epiOthers = othersOf(edition, row.iso3, 'epi');
  return {
    year: row.year,
    iso3: row.iso3,
    fictional: row.fictional,
    egdi: row.egdi,
    epi: row.epi,
    osi: row.osi,
    hci: row.hci,
    tii: row.tii,
    egdiRank: row.egdi === null ? null : (row.fictional ? null : row.egdi_rank) ?? rankAmong(row.egdi, egdiOthers),
    egdiOf: egdiOthers.length + (row.egdi !== null && !row.fictional ? 1 : 0),
    egdiPercentile: row.egdi === null ? null : percentileAmong(row.egdi, egdiOthers),
    epiRank: row.epi === null ? null : rankAmong(row.epi, epiOthers),
    epiOf: epiOthers.length + (row.epi !== null && !row.fictional ? 1 : 0),
    epiPercentile: row.epi === null ? null : percentileAmong(row.epi, epiOthers),
    egdiGroup: row.egdi === null ? null : egdiGroupOf(row.egdi),
  };
}
