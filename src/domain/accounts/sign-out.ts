// Use case: end the current session.
import { deleteSession } from '../../db/repositories/sessions.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx, RequestMeta } from '../kernel/context.ts';

/** Deletes the actor's session. */
export async function signOut(ctx: Ctx, actor: Actor & { sessionId: string }, meta: RequestMeta): Promise<void> {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await deleteSession(trx, actor.sessionId);
    await audit(trx, { at: ctx.now().toISOString(), actorId: actor.id, action: 'auth.sign_out', entityType: 'user', entityId: actor.id, ip: meta.ip });
  });
}
