// The calibration against the UN E-Participation Index for programs: a field whitelist for the results
// JSON, and the same numbers as tidy CSV rows (level, id, measure, value).
import type { TCalibration } from '../domain/results/compute-calibration.ts';

const r6 = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1e6) / 1e6);

/** The calibration as a plain JSON-able object (null when the country has no EPI). */
export function calibrationJson(c: TCalibration | undefined) {
  if (!c) return null;
  return {
    partII: r6(c.partII),
    edition: c.edition,
    epi: r6(c.epi),
    epiRank: c.epiRank,
    epiOf: c.epiOf,
    epiPercentile: r6(c.epiPercentile),
    selfPosition: r6(c.selfPosition),
    method: c.method,
    peers: c.peers,
    gap: r6(c.gap),
    reading: c.reading,
    lagYears: c.lagYears,
    fictional: c.fictional,
    trend: {
      cycles: c.trend.cycles.map((x) => ({ year: x.year, partII: r6(x.partII), provisional: x.provisional })),
      editions: c.trend.editions.map((x) => ({ year: x.year, epi: r6(x.epi), epiPercentile: r6(x.epiPercentile) })),
    },
  };
}

/** The calibration as tidy CSV rows: one per measure, then the trend (one row per cycle or edition and measure). */
export function calibrationCsvRows(c: ReturnType<typeof calibrationJson>): (string | number | null)[][] {
  if (!c) return [];
  const rows: (string | number | null)[][] = [];
  for (const k of ['partII', 'edition', 'epi', 'epiRank', 'epiOf', 'epiPercentile', 'selfPosition', 'method', 'peers', 'gap', 'reading', 'lagYears', 'fictional'] as const) {
    const v = c[k];
    rows.push(['calibration', 'EPI', k, typeof v === 'boolean' ? String(v) : v]);
  }
  for (const x of c.trend.cycles) rows.push(['trend_cycle', String(x.year), 'partII', x.partII]);
  for (const x of c.trend.editions) {
    rows.push(['trend_edition', String(x.year), 'epi', x.epi]);
    rows.push(['trend_edition', String(x.year), 'epiPercentile', x.epiPercentile]);
  }
  return rows;
}
