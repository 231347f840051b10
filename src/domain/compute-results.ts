// Use case: the results of an assessment from its respondents' answers (provisional until the workshop's
// agreed answers exist), for the results page, the API and `metep results`.
import { listAllAnswers, listEvidenceOf } from '../db/repositories/answers.ts';
import { listMembers } from '../db/repositories/assessments.ts';
import { consolidate, type TConsolidation } from '../scoring/consolidate.ts';
import type { TAnswer, TValue } from '../scoring/types.ts';
import { loadAssessment, type AssessmentAccess } from './assessment-access.ts';
import type { Actor, Ctx } from './context.ts';
import { isGovernment } from './groups.ts';

/** Results with the assessment they belong to. */
export interface TResults extends TConsolidation {
  access: AssessmentAccess;
  provisional: boolean;
  respondents: number;
}

/** Consolidates and scores every respondent's answers. */
export async function computeResults(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<TResults> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'results.read');
  const [rows, evidence, members] = await Promise.all([listAllAnswers(ctx.db.kysely, assessmentId), listEvidenceOf(ctx.db.kysely, assessmentId), listMembers(ctx.db.kysely, assessmentId)]);
  const evCount = new Map<string, number>();
  for (const e of evidence) evCount.set(`${e.user_id}\u0000${e.item_id}`, (evCount.get(`${e.user_id}\u0000${e.item_id}`) ?? 0) + 1);
  const byUser = new Map<string, Map<string, TAnswer>>();
  for (const r of rows) {
    const value = JSON.parse(r.value_json) as TValue | null;
    if (!value) continue;
    let m = byUser.get(r.user_id);
    if (!m) byUser.set(r.user_id, (m = new Map()));
    m.set(r.item_id, { value, evidence: evCount.get(`${r.user_id}\u0000${r.item_id}`) ?? 0 });
  }
  const respondents = members
    .filter((m) => m.role === 'respondent' && byUser.has(m.userId))
    .map((m) => ({ government: isGovernment(m.groupCode ?? ''), answers: byUser.get(m.userId) as Map<string, TAnswer> }));
  return { ...consolidate(access.instrument, respondents), access, provisional: !['validated', 'published'].includes(access.assessment.state), respondents: respondents.length };
}
