// Use case: an administrator issues a one-time password-reset link for a user (there is no self-service
// reset by e-mail: an installation may run without mail).
import { insertAuthToken, revokeUnusedTokens } from '../../db/repositories/sessions.ts';
import { findUserById } from '../../db/repositories/users.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx, RequestMeta } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { authorize } from '../kernel/policies.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';

/** Returns the reset URL (shown once) and its expiry; earlier unused links of the user stop working. */
export async function createResetLink(ctx: Ctx, actor: Actor | undefined, userId: string, meta: RequestMeta): Promise<{ url: string; expiresAt: string; email: string }> {
  authorize(actor, 'user.reset_link');
  const user = await findUserById(ctx.db.kysely, userId);
  if (!user) throw new AppError('not_found', 'error.not_found');
  const token = newToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.config.resetLinkMs).toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await revokeUnusedTokens(trx, 'reset', now.toISOString(), user.id);
    await insertAuthToken(trx, { id: hashToken(token), kind: 'reset', user_id: user.id, created_by: actor.id, created_at: now.toISOString(), expires_at: expiresAt, used_at: null });
    await audit(trx, { at: now.toISOString(), actorId: actor.id, action: 'auth.reset_link_created', entityType: 'user', entityId: user.id, after: { expiresAt }, ip: meta.ip });
  });
  return { url: ctx.links.reset(token), expiresAt, email: user.email };
}
