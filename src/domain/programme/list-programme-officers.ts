// Use case: who holds programme officer rights for which countries (administrators only).
import { listProgrammeGrants } from '../../db/repositories/programme.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { authorize } from '../kernel/policies.ts';

/** A programme officer and their countries. */
export interface TProgrammeOfficer {
  userId: string;
  name: string;
  email: string;
  countries: string[];
  /** When the latest of their countries was granted. */
  grantedAt: string;
}

/** Every programme officer with their countries, by name. */
export async function listProgrammeOfficers(ctx: Ctx, actor: Actor | undefined): Promise<TProgrammeOfficer[]> {
  authorize(actor, 'programme.grant');
  const out = new Map<string, TProgrammeOfficer>();
  for (const g of await listProgrammeGrants(ctx.db.kysely)) {
    const o = out.get(g.userId) ?? { userId: g.userId, name: g.name, email: g.email, countries: [], grantedAt: g.grantedAt };
    o.countries.push(g.iso3);
    if (g.grantedAt > o.grantedAt) o.grantedAt = g.grantedAt;
    out.set(g.userId, o);
  }
  return [...out.values()];
}
