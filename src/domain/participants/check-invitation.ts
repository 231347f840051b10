// The invitation behind a link, when it can still be used.
import { findInvitationByHash, type InvitationRow } from '../../db/repositories/invitations.ts';
import type { Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { hashToken } from '../../lib/tokens.ts';

/** The invitation behind a link, when it can still be used. */
export async function checkInvitation(ctx: Ctx, token: string): Promise<InvitationRow> {
  const inv = token.length <= 100 ? await findInvitationByHash(ctx.db.kysely, hashToken(token)) : undefined;
  if (!inv || inv.used_at || inv.revoked_at || Date.parse(inv.expires_at) <= ctx.now().getTime()) throw new AppError('gone', 'error.invitation_invalid');
  return inv;
}
