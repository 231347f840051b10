// Use case: the coordinator decides whether the workshop shows who said what. Named by default, as in
// the METEP workshop; anonymised when participants would otherwise not speak freely.
import { z } from 'zod';
import { setAnonymise as save } from '../../db/repositories/assessments.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { parseInput } from '../kernel/validate.ts';

const ZAnonymise = z.object({ anonymise: z.enum(['0', '1'], { error: 'error.bad_request' }) });

/** Sets the assessment's anonymisation of the workshop. */
export async function setAnonymise(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<boolean> {
  const { assessment, actor: me } = await loadAssessment(ctx, actor, assessmentId, 'assessment.update');
  const on = parseInput(ZAnonymise, input).anonymise === '1';
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await save(trx, assessment.id, on, at);
    await audit(trx, { at, actorId: me.id, action: 'assessment.anonymise', entityType: 'assessment', entityId: assessment.id, before: { anonymise: assessment.anonymise === 1 }, after: { anonymise: on } });
  });
  return on;
}
