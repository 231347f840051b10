// Delivering an invitation link: by e-mail in the invitee's language when SMTP is configured; otherwise the
// coordinator copies the link into any messenger.
import { t, type TLocale } from '../../i18n/index.ts';
import { sendMail } from '../../lib/mail.ts';
import type { Ctx } from '../kernel/context.ts';
import { countryName } from '../kernel/countries.ts';

export const linkFor = (ctx: Ctx, token: string) => `${ctx.config.publicUrl}/join/${token}`;

export async function mailInvitation(ctx: Ctx, inv: { email: string | null; name: string; role: string }, url: string, expiresAt: string, a: { country: string; cycle_year: number }, locale: TLocale): Promise<{ emailed: boolean; mailError?: string }> {
  if (!inv.email || !ctx.config.smtpUrl) return { emailed: false };
  const country = countryName(locale, a.country);
  try {
    await sendMail(ctx.config, {
      to: inv.email,
      subject: t(locale, 'mail.invite.subject', { country, year: a.cycle_year }),
      text: t(locale, 'mail.invite.body', { name: inv.name, country, year: a.cycle_year, role: t(locale, `role.${inv.role}`), url, expires: expiresAt.slice(0, 10) }),
    });
    return { emailed: true };
  } catch (e) {
    ctx.log.warn('invitation mail failed', { err: String(e) });
    return { emailed: false, mailError: String((e as Error).message ?? e) };
  }
}
