// Use case: redeem the setup link — create the first administrator and sign them in.
import { consumeAuthToken } from '../../db/repositories/sessions.ts';
import { hasAdmin, insertUser } from '../../db/repositories/users.ts';
import { zNewAccount } from './account-schemas.ts';
import { audit } from '../kernel/audit.ts';
import { checkLink } from './check-link.ts';
import type { Ctx, RequestMeta } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { startSession } from './start-session.ts';
import { hashToken, newId } from '../../lib/tokens.ts';
import { parseInput } from '../kernel/validate.ts';

/** Creates the administrator named in the form and returns a session token. */
export async function completeSetup(ctx: Ctx, token: string, input: unknown, meta: RequestMeta & { locale: string }): Promise<{ token: string; userId: string }> {
  await checkLink(ctx, token, 'setup');
  const data = parseInput(zNewAccount(ctx.config.passwordMinLength), input, { min: ctx.config.passwordMinLength });
  const passwordHash = await hashPassword(data.password);
  const at = ctx.now().toISOString();
  const id = newId();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await consumeAuthToken(trx, hashToken(token), at))) throw new AppError('gone', 'error.link_invalid');
    if (await hasAdmin(trx)) throw new AppError('gone', 'error.link_invalid');
    await insertUser(trx, { id, email: data.email, name: data.name, passwordHash, isAdmin: true, isCoordinator: true, locale: meta.locale, disabled: false, createdAt: at });
    await audit(trx, { at, actorId: id, action: 'auth.setup_admin', entityType: 'user', entityId: id, after: { email: data.email, name: data.name }, ip: meta.ip });
    return { token: await startSession(ctx, trx, id, meta), userId: id };
  });
}
