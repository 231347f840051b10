// Use case: the participant list (people and pending invitations) as CSV.
import type { Actor, Ctx } from '../kernel/context.ts';
import { toCsv } from '../../lib/csv.ts';
import { getDashboard } from '../assessments/get-dashboard.ts';
import { allPillars } from '../../instrument/model.ts';

/** The participant list (people and pending invitations) as CSV, one row per person. */
export async function participantsCsv(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<string> {
  const d = await getDashboard(ctx, actor, assessmentId);
  const pillars = allPillars(d.instrument).map((x) => x.id);
  // Progress per pillar as two plain numbers: a cell such as "10/10" is turned into a date (10 October) by
  // spreadsheets on opening.
  const rows: (string | number | null)[][] = [['name', 'email', 'role', 'organisation', 'group', 'status', 'answered', 'total', ...pillars.flatMap((p) => [`pillar_${p}_answered`, `pillar_${p}_items`]), 'last_active']];
  for (const p of d.participants) rows.push([p.name, p.email, p.role, p.organisation, p.groupCode, p.status, p.answered, p.total, ...p.perPillar.flatMap((x) => [x.answered, x.total]), p.lastActive]);
  for (const i of d.invitations.filter((x) => x.state === 'pending' || x.state === 'expired')) rows.push([i.name, i.email, i.role, i.organisation, i.groupCode, `invited (${i.state})`, 0, null, ...pillars.flatMap(() => [null, null]), null]);
  return toCsv(rows);
}
