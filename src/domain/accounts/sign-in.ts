// Use case: sign in with e-mail and password, throttled per account and per address.
import { findUserByEmail } from '../../db/repositories/users.ts';
import { audit } from '../kernel/audit.ts';
import { ZSignIn } from './account-schemas.ts';
import type { Ctx, RequestMeta } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { dummyHash, verifyPassword } from '../../lib/passwords.ts';
import { startSession } from './start-session.ts';
import { admitAttempt, recordSuccess, throttleKeys } from './throttle.ts';
import { parseInput } from '../kernel/validate.ts';

/** Verifies the credentials and returns a new session token and the user's id. */
export async function signIn(ctx: Ctx, input: unknown, meta: RequestMeta): Promise<{ token: string; userId: string; locale: string | null }> {
  const { email, password } = parseInput(ZSignIn, input);
  const keys = throttleKeys(ctx, email, meta.ip);
  const at = ctx.now().toISOString();
  // Counted before the password is checked (see throttle.ts): a refused attempt never reaches argon2.
  const wait = await admitAttempt(ctx, keys);
  if (wait > 0) {
    await audit(ctx.db.kysely, { at, actorId: null, action: 'auth.sign_in_throttled', entityType: 'user', entityId: null, after: { email }, ip: meta.ip });
    throw new AppError('throttled', 'error.sign_in_throttled', { minutes: wait });
  }
  const user = await findUserByEmail(ctx.db.kysely, email);
  const ok = user?.passwordHash && !user.disabled
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await dummyHash(), password), false);
  if (!user || !ok) {
    await audit(ctx.db.kysely, { at, actorId: null, action: 'auth.sign_in_failed', entityType: 'user', entityId: user?.id ?? null, after: { email }, ip: meta.ip });
    throw new AppError('unauthenticated', 'error.sign_in_failed');
  }
  await recordSuccess(ctx, keys);
  const token = await ctx.db.kysely.transaction().execute(async (trx) => {
    const t = await startSession(ctx, trx, user.id, meta);
    await audit(trx, { at, actorId: user.id, action: 'auth.sign_in', entityType: 'user', entityId: user.id, ip: meta.ip });
    return t;
  });
  return { token, userId: user.id, locale: user.locale };
}
