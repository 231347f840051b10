// Use case: the coordinator makes N one-time codes for a controlled sample (printed and handed out, or sent
// by SMS by the country). Only their hashes are stored: the codes are shown once, to print.
import { z } from 'zod';
import { findPulseOfAssessment, insertPulseCodes } from '../../db/repositories/pulses.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { parseInput } from '../kernel/validate.ts';
import { codeHash, randomCode } from './pulse-codes.ts';
import { typedNumber } from '../kernel/schemas.ts';

/** How many codes may be made at once. */
export const MAX_CODES = 2000;

const ZCount = z.object({ count: z.preprocess(typedNumber, z.coerce.number({ error: 'pulse.error.count' }).int({ error: 'pulse.error.count' }).min(1, { error: 'pulse.error.count' }).max(MAX_CODES, { error: 'pulse.error.count' })) });

/** Makes `count` new codes and returns them (the only time they are readable). */
export async function generatePulseCodes(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<{ codes: string[]; pulseCode: string }> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'pulse.manage');
  const { count } = parseInput(ZCount, input);
  const pulse = await findPulseOfAssessment(ctx.db.kysely, assessmentId);
  if (!pulse) throw new AppError('conflict', 'pulse.error.no_pulse');
  // 8 characters of a 27-letter alphabet: 2.8 × 10¹¹ codes, so guessing one of a few thousand is hopeless
  // within the rate limit.
  const codes = [...new Set(Array.from({ length: count }, () => randomCode(8)))];
  const now = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (tx) => {
    await insertPulseCodes(tx, pulse.id, codes.map(codeHash), now);
    await audit(tx, { at: now, actorId: access.actor.id, action: 'pulse.codes', entityType: 'assessment', entityId: assessmentId, after: { count: codes.length } });
  });
  return { codes, pulseCode: pulse.code };
}
