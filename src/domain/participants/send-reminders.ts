// Use case: e-mail a reminder to every respondent who has not submitted, each in their own language.
import { t, type TLocale } from '../../i18n/index.ts';
import { sendMail } from '../../lib/mail.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { countryName } from '../kernel/countries.ts';
import { type TParticipant, type TDashboard, getDashboard } from '../assessments/get-dashboard.ts';

/** Respondents who have not submitted yet. */
export function pending(d: TDashboard): TParticipant[] {
  return d.participants.filter((p) => p.role === 'respondent' && p.status !== 'submitted');
}

/** A reminder text to copy into any messenger. */
export function reminderText(d: TDashboard, locale: TLocale, publicUrl: string): string {
  return t(locale, 'mail.reminder.body', {
    country: countryName(locale, d.assessment.country),
    year: d.assessment.cycle_year,
    deadline: d.assessment.deadline ?? '—',
    url: `${publicUrl}/assessments/${d.assessment.id}/answer`,
    name: '',
  });
}

/** E-mails a reminder to every respondent who has not submitted; returns how many were sent. */
export async function sendReminders(ctx: Ctx, actor: Actor | undefined, assessmentId: string, locale: TLocale): Promise<{ sent: number; failed: number }> {
  await loadAssessment(ctx, actor, assessmentId, 'participants.manage');
  const d = await getDashboard(ctx, actor, assessmentId);
  let sent = 0;
  let failed = 0;
  for (const p of pending(d)) {
    try {
      await sendMail(ctx.config, {
        to: p.email,
        subject: t(locale, 'mail.reminder.subject', { country: countryName(locale, d.assessment.country), year: d.assessment.cycle_year }),
        text: t(locale, 'mail.reminder.body', { name: p.name, country: countryName(locale, d.assessment.country), year: d.assessment.cycle_year, deadline: d.assessment.deadline ?? '—', url: `${ctx.config.publicUrl}/assessments/${assessmentId}/answer` }),
      });
      sent++;
    } catch (e) {
      ctx.log.warn('reminder mail failed', { err: String(e) });
      failed++;
    }
  }
  await audit(ctx.db.kysely, { at: ctx.now().toISOString(), actorId: actor!.id, action: 'reminder.send', entityType: 'assessment', entityId: assessmentId, after: { sent, failed } });
  return { sent, failed };
}
