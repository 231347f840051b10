// Use case: the participant list (people and pending invitations) as CSV.
import type { Actor, Ctx } from '../kernel/context.ts';
import { toCsv } from '../../lib/csv.ts';
import { getDashboard } from '../assessments/get-dashboard.ts';

/** The participant list (people and pending invitations) as CSV, one row per person. */
export async function participantsCsv(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<string> {
  const d = await getDashboard(ctx, actor, assessmentId);
  const pillars = d.instrument.parts.flatMap((p) => p.pillars.map((x) => x.id));
  const rows: (string | number | null)[][] = [['name', 'email', 'role', 'organisation', 'group', 'status', 'answered', 'total', ...pillars.map((p) => `pillar_${p}`), 'last_active']];
  for (const p of d.participants) rows.push([p.name, p.email, p.role, p.organisation, p.groupCode, p.status, p.answered, p.total, ...p.perPillar.map((x) => `${x.answered}/${x.total}`), p.lastActive]);
  for (const i of d.invitations.filter((x) => x.state === 'pending' || x.state === 'expired')) rows.push([i.name, i.email, i.role, i.organisation, i.groupCode, `invited (${i.state})`, 0, null, ...pillars.map(() => null), null]);
  return toCsv(rows);
}
