// Use case: e-mail a reminder to every respondent who has not submitted, each in their own language (their
// profile's, else the coordinator's page language).
import { isLocale, type TLocale } from '../../i18n/index.ts';
import { getDashboard } from '../assessments/get-dashboard.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';

/** E-mails a reminder to every respondent who has not submitted; returns how many were sent. */
export async function sendReminders(ctx: Ctx, actor: Actor | undefined, assessmentId: string, fallbackLocale: TLocale): Promise<{ sent: number; failed: number }> {
  const { actor: by } = await loadAssessment(ctx, actor, assessmentId, 'participants.manage');
  const d = await getDashboard(ctx, actor, assessmentId);
  const a = d.assessment;
  let sent = 0;
  let failed = 0;
  for (const p of d.participants.filter((x) => x.role === 'respondent' && x.status !== 'submitted')) {
    try {
      const locale = isLocale(p.locale) ? p.locale : fallbackLocale;
      await ctx.mail.send({ kind: 'reminder', to: p.email, locale, name: p.name, country: a.country, year: a.cycle_year, deadline: a.deadline, url: ctx.links.answer(a.id) });
      sent++;
    } catch (e) {
      ctx.log.warn('reminder mail failed', { err: String(e) });
      failed++;
    }
  }
  await audit(ctx.db.kysely, { at: ctx.now().toISOString(), actorId: by.id, action: 'reminder.send', entityType: 'assessment', entityId: assessmentId, after: { sent, failed } });
  return { sent, failed };
}
