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
import { zLabel } from '../kernel/schemas.ts';
import { isUniqueViolation } from '../../db/index.ts';

/** Organisation form / API body. */
export const ZOrganisation = z.object({
  name: zLabel(200),
  group: z.enum(GROUPS, { error: 'error.group_invalid' }),
});

/** Adds the organisation (or returns the existing one of that name) and returns its id. */
export async function addOrganisation(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<string> {
  const { assessment, actor: me } = await loadAssessment(ctx, actor, assessmentId, 'participants.manage');
  const data = parseInput(ZOrganisation, input);
  const existing = async () => {
    const o = (await listOrganisations(ctx.db.kysely, assessment.id)).find((x) => x.name.toLowerCase() === data.name.toLowerCase());
    if (o && o.group_code !== data.group) throw new AppError('conflict', 'error.organisation_group_clash', { name: o.name }, { group: 'error.organisation_group_clash' });
    return o?.id;
  };
  const found = await existing();
  if (found) return found;
  const id = newId();
  const at = ctx.now().toISOString();
  try {
    await ctx.db.kysely.transaction().execute(async (trx) => {
      await insertOrganisation(trx, { id, assessment_id: assessment.id, name: data.name, group_code: data.group, created_at: at });
      await audit(trx, { at, actorId: me.id, action: 'organisation.add', entityType: 'assessment', entityId: assessment.id, after: data });
    });
  } catch (e) {
    // Someone added the same name at the same moment: theirs stands, and this request gets the same answer
    // it would have got a moment later.
    if (!isUniqueViolation(e)) throw e;
    const raced = await existing();
    if (raced) return raced;
    throw e;
  }
  return id;
}
