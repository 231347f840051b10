// Use case helper: the uncertainty analysis of an assessment's results (bootstrap intervals, global
// sensitivity, the perception-gap test). It re-consolidates a thousand times, so each result is kept for
// the exact answers, sides and decisions it was computed from: the key is a hash of all of them, so a
// saved answer or a new decision is a new version and nothing stale is ever served. The cache only saves
// work; another instance without it computes the same numbers (the analysis is seeded).
import { createHash } from 'node:crypto';
import { uncertainty, type TUncertainty } from '../../scoring/uncertainty.ts';
import type { AssessmentAccess } from '../kernel/access.ts';
import type { TAnswerSet } from './load-answer-set.ts';
import { decisionOf } from '../workshop/record-consensus.ts';

/** Results kept; each is a few kilobytes. Enough for a programme view of a few hundred assessments in
 * progress (bench/programme.ts): with fewer, each visit would push out the results the next one needs. */
const KEEP = 512;
const cache = new Map<string, TUncertainty>();

function versionOf(access: AssessmentAccess, set: TAnswerSet): string {
  const h = createHash('sha256');
  h.update(`${access.assessment.id}\n${access.instrument.key} ${access.instrument.version} ${access.instrument.minCoverage ?? ''}\n`);
  for (const r of set.respondents) {
    if (r.answers.size === 0) continue;
    h.update(`${r.userId} ${r.government}\n`);
    for (const [id, a] of r.answers) h.update(`${id}=${JSON.stringify(a.value)}\n`);
  }
  for (const [id, d] of set.current) h.update(`consensus ${id}=${JSON.stringify(decisionOf(d).value)}\n`);
  return h.digest('base64url');
}

/** The uncertainty of the results of an answer set, computed once per version of its answers and decisions. */
export function uncertaintyOf(access: AssessmentAccess, set: TAnswerSet): TUncertainty {
  const key = versionOf(access, set);
  const hit = cache.get(key);
  if (hit) {
    // Most recently used last, so the oldest is dropped first.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const consensus = new Map([...set.current].map(([item, d]) => [item, decisionOf(d).value]));
  const value = uncertainty(access.instrument, set.respondents.filter((r) => r.answers.size > 0), consensus, set.consolidation.scores);
  cache.set(key, value);
  if (cache.size > KEEP) cache.delete(cache.keys().next().value as string);
  return value;
}
