// Use case: one organisation as the coordinator edits it — its name and group, and who is still in it
// (people and invitations not used or revoked, expired ones included: they can be sent again), since it can only be removed once empty.
import { listMembers } from '../../db/repositories/assessments.ts';
import { findOrganisation } from '../../db/repositories/editing.ts';
import { listInvitations } from '../../db/repositories/invitations.ts';
import { loadAssessment, type AssessmentAccess } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';

/** The organisation with its people and open invitations. */
export interface TOrganisationPage {
  access: AssessmentAccess;
  organisation: { id: string; name: string; group: string; revision: number };
  people: { userId: string; name: string; role: string }[];
  openInvitations: { id: string; name: string }[];
}

/** Loads one organisation of the assessment for someone who manages participants. */
export async function getOrganisation(ctx: Ctx, actor: Actor | undefined, assessmentId: string, organisationId: string): Promise<TOrganisationPage> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'participants.manage');
  const db = ctx.db.kysely;
  const org = organisationId.length <= 64 ? await findOrganisation(db, access.assessment.id, organisationId) : undefined;
  if (!org) throw new AppError('not_found', 'error.not_found');
  const [members, invitations] = await Promise.all([listMembers(db, org.assessment_id), listInvitations(db, org.assessment_id)]);
  return {
    access,
    organisation: { id: org.id, name: org.name, group: org.group_code, revision: org.revision },
    people: members.filter((m) => m.organisationId === org.id).map((m) => ({ userId: m.userId, name: m.name, role: m.role })),
    openInvitations: invitations.filter((i) => i.organisation_id === org.id && !i.used_at && !i.revoked_at).map((i) => ({ id: i.id, name: i.name })),
  };
}
