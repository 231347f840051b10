// Use case: the actor behind `Authorization: Bearer metep_…` on /api/v1. Unknown, expired or revoked
// tokens and disabled accounts are refused alike (401). Each use is counted against the token's rate
// limit in the database (the sign-in throttle's table and statement, key `api:<token id>`, a one-minute
// window), so the limit holds across instances; its last use (time, address, count) is recorded, and a
// request that can change something is written to the audit log.
import { findApiTokenByHash, touchApiToken } from '../../db/repositories/api-tokens.ts';
import { countAttempt } from '../../db/repositories/throttle.ts';
import { hashToken } from '../../lib/tokens.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';

const WINDOW_MS = 60_000;

/** The token's actor for one request (`method` and `path` for the audit log of writes). */
export async function resolveApiToken(ctx: Ctx, secret: string, req: { method: string; path: string; ip: string | null }): Promise<Actor> {
  const row = secret.length <= 100 ? await findApiTokenByHash(ctx.db.kysely, hashToken(secret)) : undefined;
  const now = ctx.now();
  const at = now.toISOString();
  if (!row || row.revoked_at || row.expires_at <= at || row.disabled === 1) throw new AppError('unauthenticated', 'tokens.invalid');
  const max = ctx.config.apiRatePerMinute;
  const count = await countAttempt(ctx.db.kysely, { key: `api:${row.id}`, max: max + 1, now: at, windowFloor: new Date(now.getTime() - WINDOW_MS).toISOString(), lockUntil: new Date(now.getTime() + WINDOW_MS).toISOString() });
  if (count.failures > max) throw new AppError('throttled', 'tokens.rate_limited', { max });
  await touchApiToken(ctx.db.kysely, row.id, at, req.ip);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    await audit(ctx.db.kysely, { at, actorId: row.user_id, action: 'api_token.use', entityType: 'api_token', entityId: row.id, after: { method: req.method, path: req.path }, ip: req.ip });
  }
  return {
    id: row.user_id,
    email: row.email,
    name: row.user_name,
    isAdmin: row.is_admin === 1,
    isCoordinator: row.is_coordinator === 1,
    locale: row.locale,
    token: { id: row.id, scope: row.scope, assessmentId: row.assessment_id },
  };
}
