// Use case: the coordinator renames an organisation or corrects its stakeholder group. Everyone in it moves
// with it, so the perception gap is recomputed from the corrected group the next time results are read.
import { z } from 'zod';
import { listOrganisations } from '../../db/repositories/assessments.ts';
import { findOrganisation, updateOrganisation } from '../../db/repositories/editing.ts';
import { isUniqueViolation } from '../../db/index.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { assertEditable, StaleEdit, zRevision } from '../kernel/editable.ts';
import { AppError } from '../kernel/errors.ts';
import { parseInput } from '../kernel/validate.ts';
import { ZOrganisation } from './add-organisation.ts';

/** Organisation edit form / API body. */
export const ZOrganisationEdit = ZOrganisation.extend({ revision: zRevision });

const nameTaken = () => new AppError('conflict', 'error.organisation_name_taken', {}, { name: 'error.organisation_name_taken' });

/** Saves the organisation's new name and group; throws StaleEdit when someone saved first. */
export async function editOrganisation(ctx: Ctx, actor: Actor | undefined, assessmentId: string, organisationId: string, input: z.input<typeof ZOrganisationEdit> | Record<string, unknown>): Promise<void> {
  const { assessment: a, actor: me } = await loadAssessment(ctx, actor, assessmentId, 'participants.manage');
  const org = await findOrganisation(ctx.db.kysely, a.id, organisationId);
  if (!org) throw new AppError('not_found', 'error.not_found');
  assertEditable(a);
  const data = parseInput(ZOrganisationEdit, input);
  const others = (await listOrganisations(ctx.db.kysely, a.id)).filter((o) => o.id !== org.id);
  if (others.some((o) => o.name.toLowerCase() === data.name.toLowerCase())) throw nameTaken();
  const at = ctx.now().toISOString();
  try {
    await ctx.db.kysely.transaction().execute(async (trx) => {
      if (!(await updateOrganisation(trx, org.id, data.revision, { name: data.name, group_code: data.group }))) throw new StaleEdit();
      await audit(trx, { at, actorId: me.id, action: 'organisation.edit', entityType: 'assessment', entityId: a.id, before: { organisation: org.id, name: org.name, group: org.group_code }, after: { organisation: org.id, name: data.name, group: data.group } });
    });
  } catch (e) {
    // Another organisation took the name at the same moment.
    if (isUniqueViolation(e)) throw nameTaken();
    throw e;
  }
}
