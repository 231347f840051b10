// Use case: the coordinator changes an assessment's settings after creation — extends (or sets) the
// deadline, changes the target E-Participation score — with the before/after in the audit log.
import { updateAssessmentSettings as updateRow } from '../../db/repositories/editing.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { assertEditable, StaleEdit, zRevision } from '../kernel/editable.ts';
import { parseInput } from '../kernel/validate.ts';
import { ZNewAssessment } from './create-assessment.ts';

/** Settings form / API body: the same rules as at creation, plus the revision the form showed. */
export const ZSettings = ZNewAssessment.pick({ targetIndex: true, deadline: true }).extend({ revision: zRevision });

/** Saves deadline and target; throws StaleEdit when someone saved first. */
export async function updateSettings(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<void> {
  const { assessment: a, actor: me } = await loadAssessment(ctx, actor, assessmentId, 'assessment.update');
  assertEditable(a);
  const data = parseInput(ZSettings, input);
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await updateRow(trx, a.id, data.revision, { deadline: data.deadline, target_index: data.targetIndex }, at))) throw new StaleEdit();
    await audit(trx, { at, actorId: me.id, action: 'assessment.settings', entityType: 'assessment', entityId: a.id, before: { deadline: a.deadline, targetIndex: a.target_index }, after: { deadline: data.deadline, targetIndex: data.targetIndex } });
  });
}
