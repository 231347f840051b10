// Use case: the citizen pulse results of an assessment for anyone who may read its results — the model of
// compute-pulse-results.ts (answers per day, distributions with Wilson intervals, breakdowns, and the three-way
// comparison per stage), for the pulse results page, the API and the country report.
import { loadAssessment } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { resultsOf } from '../results/compute-results.ts';
import { pulseResultsOf, type TPulseResults } from './compute-pulse-results.ts';

export type { TPulseResults, TThreeWay, TPulseQuestionResult } from './compute-pulse-results.ts';

/** The pulse results of an assessment, for anyone who may read its results. */
export async function getPulseResults(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<TPulseResults> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'results.read');
  const res = await resultsOf(ctx, access);
  return pulseResultsOf(ctx, access, res.gaps.pillars);
}
