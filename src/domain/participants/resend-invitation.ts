// Use case: issue a fresh link for an unused invitation (the old one stops working) and mail it, in the
// invitee's language, when possible.
import { findInvitation, updateInvitation } from '../../db/repositories/invitations.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { deliverInvitation } from './deliver-invitation.ts';
import type { TInviteResult } from './invite-schema.ts';

/** Issues a fresh link for an unused invitation and e-mails it if possible. */
export async function resendInvitation(ctx: Ctx, actor: Actor | undefined, assessmentId: string, invitationId: string): Promise<TInviteResult> {
  const { assessment, actor: by } = await loadAssessment(ctx, actor, assessmentId, 'participants.manage');
  const inv = await findInvitation(ctx.db.kysely, assessmentId, invitationId);
  if (!inv) throw new AppError('not_found', 'error.not_found');
  if (inv.used_at) throw new AppError('conflict', 'error.invitation_used');
  // Revoking is the coordinator's decision to shut someone out; a new link must not quietly undo it.
  if (inv.revoked_at) throw new AppError('conflict', 'error.invitation_revoked');
  const token = newToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.config.invitationMs).toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await updateInvitation(trx, inv.id, { token_hash: hashToken(token), expires_at: expiresAt });
    await audit(trx, { at: now.toISOString(), actorId: by.id, action: 'invitation.resend', entityType: 'assessment', entityId: assessmentId, after: { invitation: inv.id } });
  });
  const delivery = await deliverInvitation(ctx, inv, token, expiresAt, assessment);
  if (delivery.emailed) await updateInvitation(ctx.db.kysely, inv.id, { sent_at: ctx.now().toISOString() });
  return { id: inv.id, ...delivery };
}
