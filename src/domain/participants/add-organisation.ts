// Use case: the coordinator lists a participating organisation with its stakeholder group.
import { z } from 'zod';
import { insertOrganisation, listOrganisations } from '../../db/repositories/assessments.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { GROUPS } from '../kernel/groups.ts';
import { newId } from '../../lib/tokens.ts';
import { parseInput } from '../kernel/validate.ts';

/** Organisation form / API body. */
export const ZOrganisation = z.object({
  name: z.string({ error: 'error.name_required' }).trim().min(1, { error: 'error.name_required' }).max(200, { error: 'error.too_long' }),
  group: z.enum(GROUPS, { error: 'error.group_invalid' }),
});

/** Adds the organisation (or returns the existing one of that name) and returns its id. */
export async function addOrganisation(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<string> {
  const { assessment, actor: me } = await loadAssessment(ctx, actor, assessmentId, 'participants.manage');
  const data = parseInput(ZOrganisation, input);
  const existing = (await listOrganisations(ctx.db.kysely, assessment.id)).find((o) => o.name.toLowerCase() === data.name.toLowerCase());
  if (existing) {
    if (existing.group_code !== data.group) throw new AppError('conflict', 'error.organisation_group_clash', { name: existing.name }, { group: 'error.organisation_group_clash' });
    return existing.id;
  }
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await insertOrganisation(trx, { id, assessment_id: assessment.id, name: data.name, group_code: data.group, created_at: at });
    await audit(trx, { at, actorId: me.id, action: 'organisation.add', entityType: 'assessment', entityId: assessment.id, after: data });
  });
  return id;
}
