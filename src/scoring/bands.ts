// Bands: four equal quarters of METEP's absolute 0–1 scale. They are named for the extent of practice the
// items describe, not after the UN E-Government Survey's groups: the UN indices are relative (normalised
// per edition), METEP scores are absolute, so shared names would suggest a comparability that does not
// exist (docs/METHODOLOGY.md §3).
import type { TBand } from './types.ts';

/** The band of a score: < 0.25 minimal, 0.25–0.50 limited, 0.50–0.75 substantial, ≥ 0.75 extensive. */
export function band(score: number): TBand {
  if (score < 0.25) return 'minimal';
  if (score < 0.5) return 'limited';
  if (score < 0.75) return 'substantial';
  return 'extensive';
}
