// Use case: a signed-in person creates a personal API token. The secret is returned once and only its
// SHA-256 is stored; the token reaches at most what its owner may see (one assessment, or all), reads
// only or also writes, and expires. A token cannot create tokens.
import { z } from 'zod';
import { insertApiToken } from '../../db/repositories/api-tokens.ts';
import { hashToken, newApiToken, newId } from '../../lib/tokens.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { parseInput } from '../kernel/validate.ts';
import { typedNumber } from '../kernel/schemas.ts';

/** The token form: a name to recognise it by, its scope, its assessment (empty: all) and its validity in days. */
export const ZNewApiToken = z.object({
  name: z.string().trim().min(1, { error: 'error.name_required' }).max(80, { error: 'error.too_long' }),
  scope: z.enum(['read', 'read_write'], { error: 'error.choice_required' }),
  assessmentId: z.string().trim().max(64).optional().transform((v) => v || null),
  days: z.preprocess(typedNumber, z.coerce.number({ error: 'error.number_invalid' }).int({ error: 'error.number_invalid' }).min(1, { error: 'error.number_range' })),
});

/** Creates a token for the actor; returns its id, the secret (shown once) and when it expires. */
export async function createApiToken(ctx: Ctx, actor: Actor | undefined, input: unknown): Promise<{ id: string; token: string; expiresAt: string }> {
  if (!actor) throw new AppError('unauthenticated', 'error.sign_in_required');
  if (actor.token) throw new AppError('forbidden', 'error.forbidden');
  const data = parseInput(ZNewApiToken, input);
  if (data.days > ctx.config.apiTokenMaxDays) throw new AppError('invalid_input', 'error.form_invalid', { max: ctx.config.apiTokenMaxDays }, { days: 'tokens.days_max' });
  if (data.assessmentId) await loadAssessment(ctx, actor, data.assessmentId, 'assessment.read');
  const token = newApiToken();
  const id = newId();
  const now = ctx.now();
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + data.days * 86_400_000).toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await insertApiToken(trx, { id, user_id: actor.id, name: data.name, token_hash: hashToken(token), scope: data.scope, assessment_id: data.assessmentId, created_at: at, expires_at: expiresAt, revoked_at: null, last_used_at: null, last_used_ip: null });
    await audit(trx, { at, actorId: actor.id, action: 'api_token.create', entityType: 'api_token', entityId: id, after: { name: data.name, scope: data.scope, assessmentId: data.assessmentId, expiresAt } });
  });
  return { id, token, expiresAt };
}
