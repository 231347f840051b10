// Use case: the administrator's list of accounts.
import { listUsers as listUserRows, type UserRecord } from '../../db/repositories/users.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { authorize } from '../kernel/policies.ts';

/** All accounts, for an administrator. */
export async function listUsers(ctx: Ctx, actor: Actor | undefined): Promise<UserRecord[]> {
  authorize(actor, 'user.list');
  return listUserRows(ctx.db.kysely);
}
