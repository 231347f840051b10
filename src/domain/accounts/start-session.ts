// Starting a session (sign-in, setup, password reset, accepting an invitation): only the token's hash is stored.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { insertSession } from '../../db/repositories/sessions.ts';
import type { Ctx, RequestMeta } from '../kernel/context.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';

/** Creates a session for a user and returns the token for the cookie. */
export async function startSession(
  ctx: Ctx,
  db: Kysely<Database> | Transaction<Database>,
  userId: string,
  meta: RequestMeta,
): Promise<string> {
  const token = newToken();
  const now = ctx.now();
  await insertSession(db, {
    id: hashToken(token),
    user_id: userId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ctx.config.sessionMaxMs).toISOString(),
    ip: meta.ip,
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}
