// Use case: the administrator's list of accounts, as the list shows them (no password hash leaves here).
import { listUsers as listUserRows } from '../../db/repositories/users.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { authorize } from '../kernel/policies.ts';

/** One account as the administrator's list shows it. */
export interface TUserSummary {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  isCoordinator: boolean;
  createdAt: string;
}

/** All accounts, for an administrator. */
export async function listUsers(ctx: Ctx, actor: Actor | undefined): Promise<TUserSummary[]> {
  authorize(actor, 'user.list');
  const rows = await listUserRows(ctx.db.kysely);
  return rows.map((u) => ({ id: u.id, name: u.name, email: u.email, isAdmin: u.isAdmin, isCoordinator: u.isCoordinator, createdAt: u.createdAt }));
}
