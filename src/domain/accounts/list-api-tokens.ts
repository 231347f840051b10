// Use case: a person's own API tokens, with scope, expiry, revocation and last use (never the secret).
import { listApiTokens as listRows } from '../../db/repositories/api-tokens.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';

/** One token as its owner sees it. */
export interface TApiTokenView {
  id: string;
  name: string;
  scope: 'read' | 'read_write';
  assessmentId: string | null;
  country: string | null;
  cycleYear: number | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  uses: number;
  /** Usable now: neither revoked nor expired. */
  active: boolean;
}

/** The actor's tokens, newest first. */
export async function listApiTokens(ctx: Ctx, actor: Actor | undefined): Promise<TApiTokenView[]> {
  if (!actor) throw new AppError('unauthenticated', 'error.sign_in_required');
  const now = ctx.now().toISOString();
  return (await listRows(ctx.db.kysely, actor.id)).map((r) => ({
    id: r.id,
    name: r.name,
    scope: r.scope,
    assessmentId: r.assessment_id,
    country: r.country ?? null,
    cycleYear: r.cycle_year === null || r.cycle_year === undefined ? null : Number(r.cycle_year),
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
    lastUsedIp: r.last_used_ip,
    uses: r.use_count,
    active: !r.revoked_at && r.expires_at > now,
  }));
}
