// Use case: revoke an unused invitation.
import { findInvitation, updateInvitation } from '../../db/repositories/invitations.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';

/** Revokes an unused invitation: its link stops working. */
export async function revokeInvitation(ctx: Ctx, actor: Actor | undefined, assessmentId: string, invitationId: string): Promise<void> {
  const { actor: me } = await loadAssessment(ctx, actor, assessmentId, 'participants.manage');
  const inv = await findInvitation(ctx.db.kysely, assessmentId, invitationId);
  if (!inv) throw new AppError('not_found', 'error.not_found');
  if (inv.used_at) throw new AppError('conflict', 'error.invitation_used');
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await updateInvitation(trx, inv.id, { revoked_at: at });
    await audit(trx, { at, actorId: me.id, action: 'invitation.revoke', entityType: 'assessment', entityId: assessmentId, after: { invitation: inv.id } });
  });
}
