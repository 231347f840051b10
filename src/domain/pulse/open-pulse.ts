// Use case: the coordinator opens (or re-times) the citizen pulse of an assessment: opening and closing
// dates, the regions people may say they live in, and whether answering needs a one-time code. The public
// code is made once and never changes, so printed posters stay valid.
import { z } from 'zod';
import { findPulseOfAssessment, savePulse } from '../../db/repositories/pulses.ts';
import { newId } from '../../lib/tokens.ts';
import { CURRENT_PULSE_VERSION } from '../../instrument/pulse/loader.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { parseInput } from '../kernel/validate.ts';
import { randomCode } from './pulse-codes.ts';

const ZDay = z.iso.date({ error: 'error.date_invalid' });

/** The pulse settings form (dates as YYYY-MM-DD; the pulse opens at 00:00 UTC and closes at the end of the closing day). */
export const ZPulseSettings = z.object({
  opens: ZDay,
  closes: ZDay,
  regions: z
    .string()
    .max(4000, { error: 'error.too_long' })
    .default('')
    .transform((s) => [...new Set(s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))])
    .refine((r) => r.length <= 60 && r.every((l) => l.length <= 80), { error: 'pulse.error.regions' }),
  codesRequired: z.union([z.literal('on'), z.literal('1'), z.literal(''), z.boolean()]).optional().transform((v) => v === 'on' || v === '1' || v === true),
});

/** Opens or re-times the pulse; returns its public code. */
export async function openPulse(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<{ code: string }> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'pulse.manage');
  const v = parseInput(ZPulseSettings, input);
  if (v.closes < v.opens) throw new AppError('invalid_input', 'error.form_invalid', {}, { closes: 'pulse.error.closes_before_opens' });
  const existing = await findPulseOfAssessment(ctx.db.kysely, assessmentId);
  const now = ctx.now().toISOString();
  const row = {
    id: existing?.id ?? newId(),
    assessment_id: assessmentId,
    code: existing?.code ?? randomCode(6),
    instrument_version: existing?.instrument_version ?? CURRENT_PULSE_VERSION,
    opens_at: `${v.opens}T00:00:00.000Z`,
    closes_at: new Date(Date.parse(`${v.closes}T00:00:00.000Z`) + 24 * 3600_000).toISOString(),
    regions: v.regions,
    codesRequired: v.codesRequired,
    updated_by: access.actor.id,
    updated_at: now,
  };
  await ctx.db.kysely.transaction().execute(async (tx) => {
    await savePulse(tx, row);
    await audit(tx, { at: now, actorId: access.actor.id, action: existing ? 'pulse.update' : 'pulse.open', entityType: 'assessment', entityId: assessmentId, before: existing ?? null, after: { opens_at: row.opens_at, closes_at: row.closes_at, regions: row.regions, codesRequired: row.codesRequired } });
  });
  return { code: row.code };
}
