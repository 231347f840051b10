// Bands as the UN E-Government Survey groups its indices.
import type { TBand } from './types.ts';

/** The band of a score: < 0.25 low, 0.25–0.50 middle, 0.50–0.75 high, ≥ 0.75 very high. */
export function band(score: number): TBand {
  if (score < 0.25) return 'low';
  if (score < 0.5) return 'middle';
  if (score < 0.75) return 'high';
  return 'very_high';
}
