// Use case: the assessment's plan as a document for downloads and the API — its latest version with
// actions, progress and sections (no results are computed), and the instrument its items and pillars name.
import type { AssessmentRow } from '../../db/repositories/assessments.ts';
import type { TInstrument } from '../../instrument/schema.ts';
import { loadAssessment } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { loadLatestPlan, type TPlanData } from './plan-model.ts';

/** Loads the latest plan of an assessment for a person who may read plans; not_found when there is none. */
export async function getPlanDocument(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<{ assessment: AssessmentRow; plan: TPlanData; instrument: TInstrument }> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'plan.read');
  const plan = await loadLatestPlan(ctx, assessmentId);
  if (!plan) throw new AppError('not_found', 'error.plan_missing');
  return { assessment: access.assessment, plan, instrument: access.instrument };
}
