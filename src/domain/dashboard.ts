// Read model for the coordinator's dashboard: organisations, invitations, participants with their status
// and progress per pillar; the participant list as CSV; reminder texts.
import { listAnsweredItems } from '../db/repositories/answers.ts';
import { listMembers, listOrganisations } from '../db/repositories/assessments.ts';
import { listInvitations } from '../db/repositories/invitations.ts';
import { t, type TLocale } from '../i18n/index.ts';
import { sendMail } from '../mail.ts';
import { loadAssessment, type AssessmentAccess } from './assessment-access.ts';
import { audit } from './audit.ts';
import type { Actor, Ctx } from './context.ts';
import { countryName } from './countries.ts';
import { toCsv } from './csv.ts';
import { progressOf } from './questionnaire.ts';

/** A participant line on the dashboard. */
export interface TParticipant {
  userId: string;
  name: string;
  email: string;
  role: string;
  organisation: string | null;
  groupCode: string | null;
  status: 'joined' | 'started' | 'submitted';
  answered: number;
  total: number;
  perPillar: { pillarId: string; answered: number; total: number }[];
  lastActive: string | null;
}

/** Dashboard data. */
export interface TDashboard extends AssessmentAccess {
  organisations: Awaited<ReturnType<typeof listOrganisations>>;
  invitations: (Awaited<ReturnType<typeof listInvitations>>[number] & { state: 'pending' | 'accepted' | 'revoked' | 'expired' })[];
  participants: TParticipant[];
}

/** Loads the dashboard for someone who may read participants. */
export async function getDashboard(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<TDashboard> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'participants.read');
  const [organisations, invitations, members, answered] = await Promise.all([
    listOrganisations(ctx.db.kysely, assessmentId),
    listInvitations(ctx.db.kysely, assessmentId),
    listMembers(ctx.db.kysely, assessmentId),
    listAnsweredItems(ctx.db.kysely, assessmentId),
  ]);
  const byUser = new Map<string, Set<string>>();
  for (const a of answered) {
    let s = byUser.get(a.user_id);
    if (!s) byUser.set(a.user_id, (s = new Set()));
    s.add(a.item_id);
  }
  const now = ctx.now().getTime();
  const participants = members.map((m) => {
    const mine = byUser.get(m.userId) ?? new Set<string>();
    const perPillar = progressOf(access, (id) => mine.has(id));
    return {
      userId: m.userId,
      name: m.name,
      email: m.email,
      role: m.role,
      organisation: m.organisation,
      groupCode: m.groupCode,
      status: (m.responseStatus ?? 'joined') as TParticipant['status'],
      answered: perPillar.reduce((s, p) => s + p.answered, 0),
      total: perPillar.reduce((s, p) => s + p.total, 0),
      perPillar,
      lastActive: m.lastActive,
    };
  });
  return {
    ...access,
    organisations,
    invitations: invitations.map((i) => ({ ...i, state: i.used_at ? 'accepted' : i.revoked_at ? 'revoked' : Date.parse(i.expires_at) <= now ? 'expired' : 'pending' })),
    participants,
  };
}

/** The participant list (people and pending invitations) as CSV, one row per person. */
export async function participantsCsv(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<string> {
  const d = await getDashboard(ctx, actor, assessmentId);
  const pillars = d.instrument.parts.flatMap((p) => p.pillars.map((x) => x.id));
  const rows: (string | number | null)[][] = [['name', 'email', 'role', 'organisation', 'group', 'status', 'answered', 'total', ...pillars.map((p) => `pillar_${p}`), 'last_active']];
  for (const p of d.participants) rows.push([p.name, p.email, p.role, p.organisation, p.groupCode, p.status, p.answered, p.total, ...p.perPillar.map((x) => `${x.answered}/${x.total}`), p.lastActive]);
  for (const i of d.invitations.filter((x) => x.state === 'pending' || x.state === 'expired')) rows.push([i.name, i.email, i.role, i.organisation, i.groupCode, `invited (${i.state})`, 0, null, ...pillars.map(() => null), null]);
  return toCsv(rows);
}

/** Respondents who have not submitted yet. */
function pending(d: TDashboard): TParticipant[] {
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
