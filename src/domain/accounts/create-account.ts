// Use case: an administrator adds an account from the web. The administrator never types someone else's
// password: the account starts without one and its owner chooses it through a one-time link, e-mailed in
// their language when asked and possible, otherwise shown once for the administrator to pass on.
import { z } from 'zod';
import { isLocale, DEFAULT_LOCALE } from '../../i18n/index.ts';
import type { Actor, Ctx, RequestMeta } from '../kernel/context.ts';
import { authorize } from '../kernel/policies.ts';
import { parseInput } from '../kernel/validate.ts';
import { createResetLink } from './create-reset-link.ts';
import { createUser } from './create-user.ts';

const ZDeliver = z.object({ deliver: z.enum(['email', 'link']).catch('link') });

/** Creates the account and its set-password link; returns the link when it was not e-mailed. */
export async function createAccount(
  ctx: Ctx,
  actor: Actor | undefined,
  input: { name?: unknown; email?: unknown; isAdmin?: boolean; isCoordinator?: boolean; deliver?: unknown },
  meta: RequestMeta & { locale: string },
): Promise<{ id: string; emailed: boolean; mailFailed: boolean; link?: { url: string; expiresAt: string; email: string } }> {
  authorize(actor, 'user.create');
  const { deliver } = parseInput(ZDeliver, { deliver: input.deliver });
  const id = await createUser(ctx, actor, { name: input.name, email: input.email, isAdmin: input.isAdmin ?? false, isCoordinator: input.isCoordinator ?? false });
  const link = await createResetLink(ctx, actor, id, meta);
  if (deliver !== 'email' || !ctx.mail.enabled) return { id, emailed: false, mailFailed: false, link };
  try {
    // The new person has not chosen a language yet: the administrator's page language is the best guess.
    const locale = isLocale(meta.locale) ? meta.locale : DEFAULT_LOCALE;
    await ctx.mail.send({ kind: 'reset', welcome: true, to: link.email, locale, name: String(input.name ?? '').trim(), url: link.url, expiresAt: link.expiresAt });
    return { id, emailed: true, mailFailed: false };
  } catch (e) {
    ctx.log.warn('set-password mail failed', { err: String(e) });
    return { id, emailed: false, mailFailed: true, link };
  }
}
