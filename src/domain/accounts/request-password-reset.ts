// Use case: "Forgot your password?" — mail a one-time reset link to the account's address, in the account's
// language. The answer is the same whether or not the address belongs to an account, and requests are
// counted per address and per client like sign-in attempts (throttle.ts), so the form can neither tell who
// has an account nor be used to flood someone's mailbox. Without SMTP there is nothing to send: the page
// tells people to ask an administrator.
import { z } from 'zod';
import { insertAuthToken, revokeUnusedTokens } from '../../db/repositories/sessions.ts';
import { findUserByEmail } from '../../db/repositories/users.ts';
import { DEFAULT_LOCALE, isLocale } from '../../i18n/index.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { audit } from '../kernel/audit.ts';
import type { Ctx, RequestMeta } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { ZEmail } from '../kernel/schemas.ts';
import { parseInput } from '../kernel/validate.ts';
import { admitAttempt, type TThrottleKey } from './throttle.ts';

/** Requests a reset link for an address; resolves the same way whether or not an account uses it. */
export async function requestPasswordReset(ctx: Ctx, input: unknown, meta: RequestMeta & { locale: string }): Promise<void> {
  if (!ctx.mail.enabled) throw new AppError('conflict', 'forgot.no_mail');
  const { email } = parseInput(z.object({ email: ZEmail }), input);
  const at = ctx.now();
  // Own keys, apart from sign-in's: asking for a link must not lock anyone out of signing in.
  const keys: TThrottleKey[] = [{ key: `reset:${email.trim().toLowerCase()}`, max: 3, kind: 'email' }];
  if (meta.ip) keys.push({ key: `reset-ip:${meta.ip}`, max: ctx.config.loginMaxFailures * 4, kind: 'ip' });
  if ((await admitAttempt(ctx, keys)) > 0) {
    await audit(ctx.db.kysely, { at: at.toISOString(), actorId: null, action: 'auth.reset_request_throttled', entityType: 'user', entityId: null, after: { email }, ip: meta.ip });
    return;
  }
  const user = await findUserByEmail(ctx.db.kysely, email);
  if (!user || user.disabled) return;
  const token = newToken();
  const expiresAt = new Date(at.getTime() + ctx.config.resetLinkMs).toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await revokeUnusedTokens(trx, 'reset', at.toISOString(), user.id);
    await insertAuthToken(trx, { id: hashToken(token), kind: 'reset', user_id: user.id, created_by: null, created_at: at.toISOString(), expires_at: expiresAt, used_at: null });
    await audit(trx, { at: at.toISOString(), actorId: null, action: 'auth.reset_requested', entityType: 'user', entityId: user.id, after: { expiresAt }, ip: meta.ip });
  });
  const locale = isLocale(user.locale) ? user.locale : isLocale(meta.locale) ? meta.locale : DEFAULT_LOCALE;
  // Not awaited: waiting for the mail server only when the account exists would tell by the answer's delay.
  ctx.mail.send({ kind: 'reset', welcome: false, to: user.email, locale, name: user.name, url: ctx.links.reset(token), expiresAt }).catch((e: unknown) => ctx.log.warn('reset mail failed', { err: String(e) }));
}
