// Use case: a coordinator (or administrator) creates an assessment for a country and cycle; they become
// its coordinator.
import { z } from 'zod';
import { insertAssessment, insertMembership } from '../../db/repositories/assessments.ts';
import { findInstrument, latestInstrument } from '../../db/repositories/instruments.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { isAssessmentCountry } from '../../i18n/countries.ts';
import { AppError } from '../kernel/errors.ts';
import { authorize } from '../kernel/policies.ts';
import { newId } from '../../lib/tokens.ts';
import { parseInput } from '../kernel/validate.ts';
import { typedNumber } from '../kernel/schemas.ts';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'error.too_long' })
    .optional()
    .transform((v) => (v ? v : null));

/** Assessment form / API body. */
export const ZNewAssessment = z.object({
  country: z
    .string({ error: 'error.country_invalid' })
    .trim()
    .toUpperCase()
    .refine(isAssessmentCountry, { error: 'error.country_invalid' }),
  scope: optionalText(200),
  cycleYear: z.preprocess(typedNumber, z.coerce.number({ error: 'error.year_invalid' }).int({ error: 'error.year_invalid' }).min(2000, { error: 'error.year_invalid' }).max(2100, { error: 'error.year_invalid' })),
  /** Omitted: the newest published version (METEP 2026.2 unless a newer one was imported). */
  instrumentVersion: z.string().trim().max(20).optional(),
  targetIndex: z
    .union([z.literal('').transform(() => null), z.preprocess(typedNumber, z.coerce.number().min(0).max(1))], { error: 'error.target_invalid' })
    .optional()
    .transform((v) => v ?? null),
  deadline: z
    .union([z.literal('').transform(() => null), z.iso.date()], { error: 'error.date_invalid' })
    .optional()
    .transform((v) => v ?? null),
});

/** Creates the assessment in state draft and returns its id. */
export async function createAssessment(ctx: Ctx, actor: Actor | undefined, input: unknown): Promise<string> {
  authorize(actor, 'assessment.create');
  const data = parseInput(ZNewAssessment, input);
  const inst = data.instrumentVersion ? await findInstrument(ctx.db.kysely, 'metep', data.instrumentVersion) : await latestInstrument(ctx.db.kysely, 'metep', true);
  if (!inst || inst.status !== 'published') throw new AppError('invalid_input', 'error.form_invalid', {}, { instrumentVersion: 'error.instrument_unpublished' });
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await insertAssessment(trx, {
      id,
      country: data.country,
      scope: data.scope,
      cycle_year: data.cycleYear,
      instrument_id: inst.id,
      target_index: data.targetIndex,
      deadline: data.deadline,
      state: 'draft',
      anonymise: 0,
      room_item: null,
      created_by: actor.id,
      created_at: at,
      updated_at: at,
    });
    if (actor.id !== 'operator') await insertMembership(trx, { id: newId(), assessment_id: id, user_id: actor.id, role: 'coordinator', organisation_id: null, created_at: at });
    await audit(trx, { at, actorId: actor.id, action: 'assessment.create', entityType: 'assessment', entityId: id, after: { ...data, instrument: `${inst.instrument_key} ${inst.version}` } });
  });
  return id;
}
