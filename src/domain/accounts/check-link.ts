// Shared check for one-time links (setup, password reset): known, unused and not expired.
import { findAuthToken } from '../../db/repositories/sessions.ts';
import type { AuthTokensTable } from '../../db/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { hashToken } from '../../lib/tokens.ts';

/** Returns the token row when the link can still be used, otherwise throws a `gone` AppError. */
export async function checkLink(ctx: Ctx, token: string, kind: AuthTokensTable['kind']): Promise<AuthTokensTable> {
  const row = token.length <= 100 ? await findAuthToken(ctx.db.kysely, hashToken(token), kind) : undefined;
  if (!row || row.used_at !== null || Date.parse(row.expires_at) <= ctx.now().getTime()) {
    throw new AppError('gone', 'error.link_invalid');
  }
  return row;
}
