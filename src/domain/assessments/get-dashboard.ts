// Use case: the coordinator's dashboard — organisations, invitations, participants with status and progress per pillar.
import { listAnsweredItems } from '../../db/repositories/answers.ts';
import { listMembers, listOrganisations } from '../../db/repositories/assessments.ts';
import { listInvitations } from '../../db/repositories/invitations.ts';
import { loadAssessment, type AssessmentAccess } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { progressOf } from '../answering/get-questionnaire.ts';

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
