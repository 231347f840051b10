// Session lifecycle shared by sign-in, setup and password reset: create, resolve (with idle and absolute
// expiry), end.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { deleteSession, findSession, insertSession, touchSession } from '../db/repositories/sessions.ts';
import type { Actor, Ctx, RequestMeta } from './context.ts';
import { hashToken, newToken } from './tokens.ts';

// Writing last_seen_at on every request would turn reads into writes; a minute's resolution is enough
// for an idle timeout measured in hours.
const TOUCH_EVERY_MS = 60_000;

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

/** The actor behind a session token, or undefined when the session is unknown, expired or idle too long. */
export async function resolveSession(ctx: Ctx, token: string | undefined): Promise<(Actor & { sessionId: string }) | undefined> {
  if (!token || token.length > 100) return undefined;
  const id = hashToken(token);
  const s = await findSession(ctx.db.kysely, id);
  if (!s) return undefined;
  const now = ctx.now().getTime();
  if (Date.parse(s.expiresAt) <= now || now - Date.parse(s.lastSeenAt) > ctx.config.sessionIdleMs || s.disabled === 1) {
    await deleteSession(ctx.db.kysely, id);
    return undefined;
  }
  if (now - Date.parse(s.lastSeenAt) > TOUCH_EVERY_MS) await touchSession(ctx.db.kysely, id, new Date(now).toISOString());
  return { id: s.userId, sessionId: id, email: s.email, name: s.name, isAdmin: s.isAdmin === 1, isCoordinator: s.isCoordinator === 1, locale: s.locale };
}
