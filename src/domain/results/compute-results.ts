// Use case: the results of an assessment — the workshop's agreed answers where recorded, the computed
// default answers elsewhere — for the results page, the API and `metep results`. Provisional until the
// coordinator validates.
import { loadAnswerSet, type TAnswerSet } from './load-answer-set.ts';
import { loadAssessment, type AssessmentAccess } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import type { TConsolidation } from '../../scoring/consolidate.ts';
import { computeCalibration, type TCalibration } from './compute-calibration.ts';

/** Results with the assessment they belong to. */
export interface TResults extends TConsolidation {
  access: AssessmentAccess;
  provisional: boolean;
  respondents: number;
  set: TAnswerSet;
  /** Beside the UN E-Participation Index (set by computeResults and the results page; absent without an EPI). */
  calibration?: TCalibration | undefined;
}

/** Whether results of an assessment in this state are final. */
export function isFinal(state: string): boolean {
  return state === 'validated' || state === 'published';
}

/** Results from an already-authorised access (shared with the results page and the previous cycle). */
export async function resultsOf(ctx: Ctx, access: AssessmentAccess): Promise<TResults> {
  const set = await loadAnswerSet(ctx, access);
  return { ...set.consolidation, access, provisional: !isFinal(access.assessment.state), respondents: set.respondents.filter((r) => r.answers.size > 0).length, set };
}

/** Consolidates and scores every respondent's answers with the agreed answers. */
export async function computeResults(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<TResults> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'results.read');
  const res = await resultsOf(ctx, access);
  return { ...res, calibration: await computeCalibration(ctx, access.actor, res) };
}
