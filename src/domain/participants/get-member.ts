// Use case: one person of an assessment as the coordinator edits them — role, organisation (which gives the
// stakeholder group), how much they answered (what removing them would take out of the results).
import { findMembership, listOrganisations } from '../../db/repositories/assessments.ts';
import { findResponse, listAnswersOf } from '../../db/repositories/answers.ts';
import { findUserById } from '../../db/repositories/users.ts';
import { loadAssessment, type AssessmentAccess } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import type { TRole } from '../kernel/policies.ts';

/** A member as the edit page shows them. */
export interface TMember {
  userId: string;
  name: string;
  email: string;
  role: TRole;
  organisationId: string | null;
  revision: number;
  /** Items with a saved answer. */
  answered: number;
  submitted: boolean;
}

/** The person, the assessment's organisations to move them to, and what the coordinator may do. */
export interface TMemberPage {
  access: AssessmentAccess;
  member: TMember;
  organisations: Awaited<ReturnType<typeof listOrganisations>>;
}

/** Loads one member of the assessment for someone who manages participants. */
export async function getMember(ctx: Ctx, actor: Actor | undefined, assessmentId: string, userId: string): Promise<TMemberPage> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'participants.manage');
  const db = ctx.db.kysely;
  const m = userId.length <= 64 ? await findMembership(db, access.assessment.id, userId) : undefined;
  const user = m && (await findUserById(db, m.user_id));
  if (!m || !user) throw new AppError('not_found', 'error.not_found');
  const [answers, response, organisations] = await Promise.all([listAnswersOf(db, m.assessment_id, m.user_id), findResponse(db, m.assessment_id, m.user_id), listOrganisations(db, m.assessment_id)]);
  return {
    access,
    organisations,
    member: { userId: m.user_id, name: user.name, email: user.email, role: m.role, organisationId: m.organisation_id, revision: m.revision, answered: answers.length, submitted: response?.status === 'submitted' },
  };
}
