// Delivering an invitation link: by e-mail in the invitee's language when SMTP is configured and an address
// is known; otherwise the coordinator copies the link into any messenger. A refused mail is reported, not
// raised: the invitation exists and its link still works.
import { isLocale, DEFAULT_LOCALE } from '../../i18n/index.ts';
import type { Ctx } from '../kernel/context.ts';

/** Mails the link when possible; says whether it went and, if the server refused it, why. */
export async function deliverInvitation(
  ctx: Ctx,
  inv: { email: string | null; name: string; role: string; locale: string | null },
  token: string,
  expiresAt: string,
  a: { country: string; cycle_year: number },
): Promise<{ url: string; emailed: boolean; mailError?: string }> {
  const url = ctx.links.join(token);
  if (!inv.email || !ctx.mail.enabled) return { url, emailed: false };
  try {
    const locale = isLocale(inv.locale) ? inv.locale : DEFAULT_LOCALE;
    await ctx.mail.send({ kind: 'invitation', to: inv.email, locale, name: inv.name, country: a.country, year: a.cycle_year, role: inv.role, url, expiresAt });
    return { url, emailed: true };
  } catch (e) {
    ctx.log.warn('invitation mail failed', { err: String(e) });
    return { url, emailed: false, mailError: String((e as Error).message ?? e) };
  }
}
