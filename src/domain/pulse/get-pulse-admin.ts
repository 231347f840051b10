// Use case: the coordinator's pulse page — settings, public link, how many answers and codes so far.
import { countPulseCodes, countPulseResponses, findPulseOfAssessment, type PulseRow } from '../../db/repositories/pulses.ts';
import { loadAssessment, type AssessmentAccess } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { pulseState, type TPulseState } from './get-public-pulse.ts';

/** The pulse of an assessment as its coordinator manages it (pulse null before it is opened). */
export interface TPulseAdmin {
  access: AssessmentAccess;
  pulse: (PulseRow & { state: TPulseState; link: string; responses: number; codes: { total: number; used: number } }) | null;
}

/** The pulse settings and counts of an assessment. */
export async function getPulseAdmin(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<TPulseAdmin> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'pulse.manage');
  const p = await findPulseOfAssessment(ctx.db.kysely, assessmentId);
  if (!p) return { access, pulse: null };
  return { access, pulse: { ...p, state: pulseState(p, ctx.now()), link: ctx.links.pulse(p.code), responses: await countPulseResponses(ctx.db.kysely, p.id), codes: await countPulseCodes(ctx.db.kysely, p.id) } };
}
