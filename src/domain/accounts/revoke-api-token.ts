// Use case: a person revokes one of their API tokens; it stops working at once, on every instance (each
// request looks the token up in the database).
import { revokeApiToken as revokeRow } from '../../db/repositories/api-tokens.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';

/** Revokes the actor's token `id`; not_found when it is not theirs or already revoked. */
export async function revokeApiToken(ctx: Ctx, actor: Actor | undefined, id: string): Promise<void> {
  if (!actor) throw new AppError('unauthenticated', 'error.sign_in_required');
  if (actor.token) throw new AppError('forbidden', 'error.forbidden');
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await revokeRow(trx, actor.id, id.slice(0, 64), at))) throw new AppError('not_found', 'error.not_found');
    await audit(trx, { at, actorId: actor.id, action: 'api_token.revoke', entityType: 'api_token', entityId: id });
  });
}
