// Use case: an administrator (or the CLI, acting as the operator) creates an account. From the web the account
// has no password yet: its owner chooses one through a one-time link (create-account.ts).
import { z } from 'zod';
import { findUserByEmail, insertUser } from '../../db/repositories/users.ts';
import { ZEmail, ZName, zPassword } from '../kernel/schemas.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { authorize } from '../kernel/policies.ts';
import { newId } from '../../lib/tokens.ts';
import { parseInput } from '../kernel/validate.ts';

/** Creates a user, with a password (command line, tests) or without (its owner sets one by link); returns the new id. */
export async function createUser(ctx: Ctx, actor: Actor | undefined, input: unknown): Promise<string> {
  authorize(actor, 'user.create');
  const data = parseInput(
    z.object({ name: ZName, email: ZEmail, password: zPassword(ctx.config.passwordMinLength).optional(), isAdmin: z.boolean().default(false), isCoordinator: z.boolean().default(false), locale: z.string().max(10).nullable().default(null) }),
    input,
    { min: ctx.config.passwordMinLength },
  );
  if (await findUserByEmail(ctx.db.kysely, data.email)) throw new AppError('conflict', 'error.email_taken', { email: data.email }, { email: 'error.email_taken' });
  const passwordHash = data.password ? await hashPassword(data.password) : null;
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await insertUser(trx, { id, email: data.email, name: data.name, passwordHash, isAdmin: data.isAdmin, isCoordinator: data.isCoordinator || data.isAdmin, locale: data.locale, disabled: false, createdAt: at });
    await audit(trx, { at, actorId: actor.id, action: 'user.create', entityType: 'user', entityId: id, after: { email: data.email, name: data.name, isAdmin: data.isAdmin } });
  });
  return id;
}
