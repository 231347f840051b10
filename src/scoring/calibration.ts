// Positions among countries and the calibration gap between a self-assessment and the UN E-Participation
// Index (docs/METHODOLOGY.md §14). The EPI is min–max normalised within each edition, so it says where a
// country stands among the others that year, not how much e-participation it has: the comparison is made
// between positions, never between raw values. Pure.

/** Thresholds of the calibration reading (docs/METHODOLOGY.md §14). */
export const CALIBRATION = {
  /** Published METEP results of other countries needed before the self-assessment is placed among them. */
  minPeers: 10,
  /** |gap| below this (in shares of countries, 0.15 = 15 percentile points) reads as consistent. */
  consistent: 0.15,
  /** |gap| from this on reads as much more optimistic / cautious. */
  far: 0.3,
} as const;

/** How the self-assessment compares with the external index. */
export type TCalibrationReading = 'much_more_optimistic' | 'more_optimistic' | 'consistent' | 'more_cautious' | 'much_more_cautious';

/** The calibration of one self-assessment. */
export interface TCalibrationGap {
  /** Position of the self-assessed Part II score, 0..1; null without a Part II score. */
  selfPosition: number | null;
  /** 'peers': among other countries' published METEP results; 'scale': the score itself (too few published results). */
  method: 'peers' | 'scale';
  /** Other countries' published results the position was taken among (0 with the 'scale' method). */
  peers: number;
  /** selfPosition − EPI percentile; positive = the self-assessment places the country higher than the EPI does. */
  gap: number | null;
  reading: TCalibrationReading | null;
}

/**
 * Position of a value among others, in [0, 1]: the share of the others it is above, a tie counting half
 * (mid-rank percentile). The lowest of a set is 0, the highest 1. Null when there are no others.
 */
export function percentileAmong(value: number, others: readonly number[]): number | null {
  if (others.length === 0) return null;
  let below = 0;
  let ties = 0;
  for (const o of others) {
    if (o < value) below++;
    else if (o === value) ties++;
  }
  return (below + ties / 2) / others.length;
}

/** Rank among others as the UN Survey ranks (1 = highest; ties share a rank): 1 + the others strictly above. */
export function rankAmong(value: number, others: readonly number[]): number {
  return 1 + others.filter((o) => o > value).length;
}

/** The reading of a calibration gap. */
export function calibrationReading(gap: number): TCalibrationReading {
  if (gap >= CALIBRATION.far) return 'much_more_optimistic';
  if (gap >= CALIBRATION.consistent) return 'more_optimistic';
  if (gap <= -CALIBRATION.far) return 'much_more_cautious';
  if (gap <= -CALIBRATION.consistent) return 'more_cautious';
  return 'consistent';
}

/**
 * The calibration gap: the self-assessed Part II score's position (among other countries' published METEP
 * results when there are at least CALIBRATION.minPeers, else the score itself on the METEP scale) minus the
 * country's EPI percentile in the edition compared.
 */
export function calibrationGap(input: { partII: number | null; peerScores: readonly number[]; epiPercentile: number | null }): TCalibrationGap {
  const method = input.peerScores.length >= CALIBRATION.minPeers ? 'peers' : 'scale';
  const selfPosition = input.partII === null ? null : method === 'peers' ? percentileAmong(input.partII, input.peerScores) : input.partII;
  const gap = selfPosition === null || input.epiPercentile === null ? null : selfPosition - input.epiPercentile;
  return { selfPosition, method, peers: method === 'peers' ? input.peerScores.length : 0, gap, reading: gap === null ? null : calibrationReading(gap) };
}

/** Minimum, quartiles (linear interpolation between order statistics), median and maximum of a group. */
export function fiveNumbers(values: readonly number[]): { n: number; min: number; q1: number; median: number; q3: number; max: number } | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const q = (p: number) => {
    const h = (s.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    return (s[lo] as number) + (h - lo) * ((s[hi] as number) - (s[lo] as number));
  };
  return { n: s.length, min: s[0] as number, q1: q(0.25), median: q(0.5), q3: q(0.75), max: s[s.length - 1] as number };
}
