// Use case: on a fresh installation (no administrator yet) issue a one-time link that creates the first
// administrator. Each start replaces the previous link, so only the newest printed link works.
import { revokeUnusedTokens, insertAuthToken } from '../../db/repositories/sessions.ts';
import { hasAdmin } from '../../db/repositories/users.ts';
import type { Ctx } from '../kernel/context.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';

/** Returns the setup URL and its expiry, or undefined when an administrator exists. */
export async function createSetupLink(ctx: Ctx): Promise<{ url: string; expiresAt: string } | undefined> {
  if (await hasAdmin(ctx.db.kysely)) return undefined;
  const token = newToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.config.setupLinkMs).toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await revokeUnusedTokens(trx, 'setup', now.toISOString());
    await insertAuthToken(trx, { id: hashToken(token), kind: 'setup', user_id: null, created_by: null, created_at: now.toISOString(), expires_at: expiresAt, used_at: null });
  });
  return { url: ctx.links.setup(token), expiresAt };
}
