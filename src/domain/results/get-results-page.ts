// Use case: everything the results page shows beyond the scores — sensitivity, strengths and gaps with their
// recommended actions, the stage × policy-cycle matrix, and the previous cycle when the person may see it.
// Scores come from `resultsOf`, as for `metep results`, so page and command line agree.
import { findPreviousCycle } from '../../db/repositories/assessments.ts';
import { locateItem } from '../../instrument/model.ts';
import type { TItem, TPillar } from '../../instrument/schema.ts';
import type { TItemResult } from '../../scoring/aggregate.ts';
import { stageMatrix, type TMatrix } from '../../scoring/matrix.ts';
import { sensitivity } from '../../scoring/sensitivity.ts';
import { loadAssessment } from '../kernel/access.ts';
import { fullResultsOf, resultsOf, type TFullResults, type TResults } from './compute-results.ts';
import { computeCalibration } from './compute-calibration.ts';
import { pulseResultsOf } from '../pulse/compute-pulse-results.ts';
import { compareAcrossVersions, type TCycleComparison } from './cycle-comparison.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { getPlanEffects, type TPlanEffects } from '../plans/get-plan-effects.ts';

/** An item among the strengths or gaps. */
export interface TRanked {
  item: TItem;
  pillar: TPillar;
  result: TItemResult;
  /** The respondents' agreement on the item (METHODOLOGY §5), null with fewer than two answers. */
  agreement: number | null;
  /** Respondents who attached evidence to a substantive answer. */
  withEvidence: number;
}

/** Below this agreement a strength is flagged as resting on weak agreement (METHODOLOGY §10). */
export const WEAK_AGREEMENT = 0.667;

/** The results page. */
export interface TResultsPage {
  results: TFullResults;
  sensitivity: ReturnType<typeof sensitivity>;
  strengths: TRanked[];
  gaps: TRanked[];
  matrix: TMatrix;
  previous: TResults | undefined;
  /** The previous cycle's adopted action plan with before/after per action, when there is one to show. */
  planEffects: TPlanEffects | undefined;
  /** When the previous cycle used another instrument version: the comparison through the crosswalk. */
  acrossVersions: TCycleComparison | undefined;
}

/** How many strengths and gaps to list. */
const RANKED = 5;

/** Builds the results page for an actor who may read results. */
export async function getResultsPage(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<TResultsPage> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'results.read');
  const results = await fullResultsOf(ctx, access);
  results.calibration = await computeCalibration(ctx, access.actor, results);
  results.pulse = await pulseResultsOf(ctx, access, results.gaps.pillars);
  const inst = access.instrument;
  const consolidated = new Map(results.items.map((i) => [i.id, i]));
  const ranked = results.scores.items
    .filter((r) => r.score !== null && r.weight > 0)
    .map((result) => {
      const c = consolidated.get(result.id);
      return { ...(locateItem(inst, result.id) as { item: TItem; pillar: TPillar }), result, agreement: c?.agreement ?? null, withEvidence: c?.withEvidence ?? 0 };
    })
    // Heavier items first among equal scores: they move the index most.
    .sort((a, b) => (b.result.score as number) - (a.result.score as number) || b.result.weight - a.result.weight || a.item.id.localeCompare(b.item.id));
  const strengths = ranked.filter((r) => (r.result.score as number) >= 0.75).slice(0, RANKED);
  const gaps = ranked
    .filter((r) => (r.result.score as number) < 0.5)
    .sort((a, b) => (a.result.score as number) - (b.result.score as number) || b.result.weight - a.result.weight || a.item.id.localeCompare(b.item.id))
    .slice(0, RANKED);
  let previous: TResults | undefined;
  const prev = await findPreviousCycle(ctx.db.kysely, access.assessment);
  if (prev) {
    // Shown only to people who may read that cycle's results too.
    try {
      previous = await resultsOf(ctx, await loadAssessment(ctx, actor, prev.id, 'results.read'));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
    }
  }
  const acrossVersions = previous ? await compareAcrossVersions(ctx, results, previous) : undefined;
  return { results, sensitivity: sensitivity(inst, results.answers), strengths, gaps, matrix: stageMatrix(inst, results.scores), previous, acrossVersions, planEffects: await getPlanEffects(ctx, results, previous) };
}
