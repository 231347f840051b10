// Use case: whether a respondent agreed to be named in the report's participants annex of an assessment
// they answer in (memberships.named_in_report; nobody is named by default).
import { findMembership } from '../../db/repositories/assessments.ts';
import { findPublished } from '../../db/repositories/publications.ts';
import { loadAssessment, type AssessmentAccess } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';

/** The consent page's content. */
export interface TConsent {
  access: AssessmentAccess;
  named: boolean;
  /** Whether the report is public now (the page says where the name would appear). */
  public: boolean;
}

/** The respondent's own consent; only for respondents of the assessment (answers.write_own). */
export async function getConsent(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<TConsent> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'answers.write_own');
  const m = await findMembership(ctx.db.kysely, assessmentId, access.actor.id);
  if (!m) throw new AppError('not_found', 'error.not_found');
  return { access, named: Number(m.named_in_report) === 1, public: (await findPublished(ctx.db.kysely, assessmentId)) !== undefined };
}
