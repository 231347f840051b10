// Use case: the actor behind a session cookie, with idle and absolute expiry; one at a time (every request)
// or many at once (the open room streams of a workshop, checked again together after each change).
import { deleteSession, findSession, findSessions, touchSession } from '../../db/repositories/sessions.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { hashToken } from '../../lib/tokens.ts';

// Writing last_seen_at on every request would turn reads into writes; a minute's resolution is enough
// for an idle timeout measured in hours.
const TOUCH_EVERY_MS = 60_000;

type TSessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;
export type TSessionActor = Actor & { sessionId: string };

const wellFormed = (token: string | undefined): token is string => !!token && token.length <= 100;

/** Applies the expiry rules to a session row: deletes a dead one, records activity on a live one now and then. */
async function judge(ctx: Ctx, s: TSessionRow | undefined, now: number): Promise<TSessionActor | undefined> {
  if (!s) return undefined;
  if (Date.parse(s.expiresAt) <= now || now - Date.parse(s.lastSeenAt) > ctx.config.sessionIdleMs || s.disabled === 1) {
    await deleteSession(ctx.db.kysely, s.id);
    return undefined;
  }
  if (now - Date.parse(s.lastSeenAt) > TOUCH_EVERY_MS) await touchSession(ctx.db.kysely, s.id, new Date(now).toISOString());
  return { id: s.userId, sessionId: s.id, email: s.email, name: s.name, isAdmin: s.isAdmin === 1, isCoordinator: s.isCoordinator === 1, isProgrammeOfficer: Boolean(Number(s.isProgrammeOfficer)), locale: s.locale };
}

/** The actor behind a session token, or undefined when the session is unknown, expired or idle too long. */
export async function resolveSession(ctx: Ctx, token: string | undefined): Promise<TSessionActor | undefined> {
  if (!wellFormed(token)) return undefined;
  return judge(ctx, await findSession(ctx.db.kysely, hashToken(token)), ctx.now().getTime());
}

// Enough ids for one query on either database, well under SQLite's and PostgreSQL's parameter limits.
const CHUNK = 500;

/**
 * The same for many tokens at once, read in one query per 500: the result lists, in order, each token's
 * actor or undefined. Nothing is remembered between calls; every call reads the sessions as they are now.
 */
export async function resolveSessions(ctx: Ctx, tokens: readonly (string | undefined)[]): Promise<(TSessionActor | undefined)[]> {
  const ids = tokens.map((t) => (wellFormed(t) ? hashToken(t) : undefined));
  const wanted = [...new Set(ids.filter((x): x is string => x !== undefined))];
  const rows = new Map<string, TSessionRow>();
  for (let i = 0; i < wanted.length; i += CHUNK) for (const r of await findSessions(ctx.db.kysely, wanted.slice(i, i + CHUNK))) rows.set(r.id, r);
  const now = ctx.now().getTime();
  const judged = new Map<string, Promise<TSessionActor | undefined>>();
  return Promise.all(
    ids.map((id) => {
      if (id === undefined) return undefined;
      let j = judged.get(id);
      if (!j) judged.set(id, (j = judge(ctx, rows.get(id), now)));
      return j;
    }),
  );
}
