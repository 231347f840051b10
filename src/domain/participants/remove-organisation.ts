// Use case: the coordinator removes an organisation listed by mistake. One that still has people (or open
// invitations) is refused: silently leaving those people without a stakeholder group would take their
// answers out of the perception gap, so the coordinator moves them first (the page says so and links them).
import { countOrganisationPeople, deleteOrganisation, findOrganisation } from '../../db/repositories/editing.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { assertEditable, StaleEdit, zRevision } from '../kernel/editable.ts';
import { AppError } from '../kernel/errors.ts';
import { parseInput } from '../kernel/validate.ts';
import { z } from 'zod';

const ZRemove = z.object({ revision: zRevision });

/** Removes an empty organisation; throws conflict while people or open invitations belong to it. */
export async function removeOrganisation(ctx: Ctx, actor: Actor | undefined, assessmentId: string, organisationId: string, input: unknown): Promise<void> {
  const { assessment: a, actor: me } = await loadAssessment(ctx, actor, assessmentId, 'participants.manage');
  const org = await findOrganisation(ctx.db.kysely, a.id, organisationId);
  if (!org) throw new AppError('not_found', 'error.not_found');
  assertEditable(a);
  const { revision } = parseInput(ZRemove, input);
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const left = await countOrganisationPeople(trx, org.id);
    if (left.members + left.invitations > 0) throw new AppError('conflict', 'error.organisation_not_empty', { members: left.members, invitations: left.invitations });
    if (!(await deleteOrganisation(trx, org.id, revision))) throw new StaleEdit();
    await audit(trx, { at, actorId: me.id, action: 'organisation.remove', entityType: 'assessment', entityId: a.id, before: { organisation: org.id, name: org.name, group: org.group_code } });
  });
}
