// Use case: the results of an assessment — the workshop's agreed answers where recorded, the computed
// default answers elsewhere — for the results page, the API and `metep results`, with their uncertainty.
// Provisional until the coordinator validates.
import type { TUncertainty } from '../../scoring/uncertainty.ts';
import { uncertaintyOf } from './compute-uncertainty.ts';
import { loadAnswerSet, type TAnswerSet } from './load-answer-set.ts';
import { loadAssessment, type AssessmentAccess } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import type { TConsolidation } from '../../scoring/consolidate.ts';
import { computeCalibration, type TCalibration } from './compute-calibration.ts';
import { pulseResultsOf, type TPulseResults } from '../pulse/compute-pulse-results.ts';

/** A respondent on neither side of the perception gap, for the coordinator to place in a stakeholder group. */
export interface TUnassigned {
  number: number;
  /** Null where names are not shown (anonymised workshop, or someone who may not read every answer). */
  name: string | null;
  /** The organisation to give a stakeholder group; null when the person has none. */
  organisation: string | null;
}

/** Results with the assessment they belong to. */
export interface TResults extends TConsolidation {
  access: AssessmentAccess;
  provisional: boolean;
  respondents: number;
  /** Respondents with answers whose organisation has no stakeholder group: left out of the perception gap. */
  unassigned: TUnassigned[];
  set: TAnswerSet;
  /** Beside the UN E-Participation Index (set by computeResults and the results page; absent without an EPI). */
  calibration?: TCalibration | undefined;
}

/** Results with their uncertainty analysis, as the page, the exports, the API and `metep results` give them. */
export interface TFullResults extends TResults {
  uncertainty: TUncertainty;
  /** What citizens say beside it (the citizen pulse; set by computeResults and the results page). */
  pulse?: TPulseResults | undefined;
}

/** Whether results of an assessment in this state are final. */
export function isFinal(state: string): boolean {
  return state === 'validated' || state === 'published';
}

/** Results from an already-authorised access (shared with the results page and the previous cycle). */
export async function resultsOf(ctx: Ctx, access: AssessmentAccess): Promise<TResults> {
  const set = await loadAnswerSet(ctx, access);
  const answered = set.respondents.filter((r) => r.answers.size > 0);
  const named = access.assessment.anonymise === 0 && access.may('answers.read_all');
  return {
    ...set.consolidation,
    access,
    provisional: !isFinal(access.assessment.state),
    respondents: answered.length,
    unassigned: answered.filter((r) => r.government === null).map((r) => ({ number: r.number, name: named ? r.name : null, organisation: r.organisation })),
    set,
  };
}

/** Results from an already-authorised access, with their uncertainty analysis. */
export async function fullResultsOf(ctx: Ctx, access: AssessmentAccess): Promise<TFullResults> {
  const res = await resultsOf(ctx, access);
  return { ...res, uncertainty: uncertaintyOf(access, res.set) };
}

/** Consolidates and scores every respondent's answers with the agreed answers, with the uncertainty of the
 * scores and the calibration against the UN E-Participation Index. */
export async function computeResults(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<TFullResults> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'results.read');
  const res = await fullResultsOf(ctx, access);
  return { ...res, calibration: await computeCalibration(ctx, access.actor, res), pulse: await pulseResultsOf(ctx, access, res.gaps.pillars) };
}
