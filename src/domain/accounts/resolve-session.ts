// Use case: the actor behind a session cookie, with idle and absolute expiry.
import { deleteSession, findSession, touchSession } from '../../db/repositories/sessions.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { hashToken } from '../../lib/tokens.ts';

// Writing last_seen_at on every request would turn reads into writes; a minute's resolution is enough
// for an idle timeout measured in hours.
const TOUCH_EVERY_MS = 60_000;

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
  return { id: s.userId, sessionId: id, email: s.email, name: s.name, isAdmin: s.isAdmin === 1, isCoordinator: s.isCoordinator === 1, isProgrammeOfficer: Boolean(Number(s.isProgrammeOfficer)), locale: s.locale };
}
