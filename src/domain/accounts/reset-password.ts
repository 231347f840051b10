// Use case: redeem a reset link — set a new password, end the user's other sessions and revoke their API
// tokens (a reset is how a taken-over account is recovered: what the intruder could have made must stop
// working with it), sign in.
import { revokeAllApiTokens } from '../../db/repositories/api-tokens.ts';
import { consumeAuthToken, deleteUserSessions } from '../../db/repositories/sessions.ts';
import { findUserById, setPasswordHash } from '../../db/repositories/users.ts';
import { zNewPassword } from './account-schemas.ts';
import { audit } from '../kernel/audit.ts';
import { checkLink } from './check-link.ts';
import type { Ctx, RequestMeta } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { startSession } from './start-session.ts';
import { hashToken } from '../../lib/tokens.ts';
import { parseInput } from '../kernel/validate.ts';

/** Sets the password for the link's user and returns a new session token. */
export async function resetPassword(ctx: Ctx, token: string, input: unknown, meta: RequestMeta): Promise<{ token: string; userId: string }> {
  const link = await checkLink(ctx, token, 'reset');
  const { password } = parseInput(zNewPassword(ctx.config.passwordMinLength), input, { min: ctx.config.passwordMinLength });
  const user = link.user_id ? await findUserById(ctx.db.kysely, link.user_id) : undefined;
  if (!user) throw new AppError('gone', 'error.link_invalid');
  const passwordHash = await hashPassword(password);
  const at = ctx.now().toISOString();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await consumeAuthToken(trx, hashToken(token), at))) throw new AppError('gone', 'error.link_invalid');
    await setPasswordHash(trx, user.id, passwordHash);
    await deleteUserSessions(trx, user.id);
    const revoked = await revokeAllApiTokens(trx, user.id, at);
    await audit(trx, { at, actorId: user.id, action: 'auth.password_reset', entityType: 'user', entityId: user.id, ip: meta.ip, ...(revoked ? { after: { apiTokensRevoked: revoked } } : {}) });
    return { token: await startSession(ctx, trx, user.id, meta), userId: user.id };
  });
}
