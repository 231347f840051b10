// Use case: the coordinator corrects a person's role or organisation (and with it their stakeholder group).
// Results read groups from the memberships every time, so a respondent moved from a ministry to a civil
// society organisation counts on the other side of the perception gap at once.
import { z } from 'zod';
import { findMembership, listOrganisations } from '../../db/repositories/assessments.ts';
import { countCoordinators, updateMembership } from '../../db/repositories/editing.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { assertEditable, StaleEdit, zRevision } from '../kernel/editable.ts';
import { AppError } from '../kernel/errors.ts';
import { ROLES } from '../kernel/policies.ts';
import { parseInput } from '../kernel/validate.ts';

/** Member edit form / API body: role, organisation id ('' for none) and the revision the form showed. */
export const ZMemberEdit = z.object({
  role: z.enum(ROLES, { error: 'error.role_invalid' }),
  organisation: z.string().max(64).optional().transform((v) => v || null),
  revision: zRevision,
});

/** Saves a member's role and organisation; throws StaleEdit when someone saved first. */
export async function changeMember(ctx: Ctx, actor: Actor | undefined, assessmentId: string, userId: string, input: unknown): Promise<void> {
  const { assessment: a, actor: me } = await loadAssessment(ctx, actor, assessmentId, 'participants.manage');
  const db = ctx.db.kysely;
  const m = userId.length <= 64 ? await findMembership(db, a.id, userId) : undefined;
  if (!m) throw new AppError('not_found', 'error.not_found');
  assertEditable(a);
  const data = parseInput(ZMemberEdit, input);
  const orgs = await listOrganisations(db, a.id);
  const org = data.organisation ? orgs.find((o) => o.id === data.organisation) : null;
  if (org === undefined) throw new AppError('invalid_input', 'error.form_invalid', {}, { organisation: 'error.organisation_unknown' });
  const at = ctx.now().toISOString();
  await db.transaction().execute(async (trx) => {
    // An assessment always keeps someone who can manage it.
    if (m.role === 'coordinator' && data.role !== 'coordinator' && (await countCoordinators(trx, a.id)) <= 1) throw new AppError('conflict', 'error.last_coordinator', {}, { role: 'error.last_coordinator' });
    if (!(await updateMembership(trx, m.id, data.revision, { role: data.role, organisation_id: org?.id ?? null }))) throw new StaleEdit();
    const was = orgs.find((o) => o.id === m.organisation_id);
    await audit(trx, {
      at,
      actorId: me.id,
      action: 'member.change',
      entityType: 'assessment',
      entityId: a.id,
      before: { user: m.user_id, role: m.role, organisation: was?.name ?? null, group: was?.group_code ?? null },
      after: { user: m.user_id, role: data.role, organisation: org?.name ?? null, group: org?.group_code ?? null },
    });
  });
}
