// Use case: invite one person. The link is single-use and expiring; only its hash is stored. The invitation
// carries the invitee's language, in which its mail (and later reminders until they choose one) is written.
import { insertInvitation, updateInvitation } from '../../db/repositories/invitations.ts';
import { hashToken, newId, newToken } from '../../lib/tokens.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { parseInput } from '../kernel/validate.ts';
import { addOrganisation } from './add-organisation.ts';
import { deliverInvitation } from './deliver-invitation.ts';
import { ZInvite, type TInviteResult } from './invite-schema.ts';

/** Creates one invitation; e-mails it when an address is given and SMTP is configured. */
export async function createInvitation(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<TInviteResult> {
  const { assessment, actor: by } = await loadAssessment(ctx, actor, assessmentId, 'participants.manage');
  const data = parseInput(ZInvite, input);
  const organisationId = data.organisation ? await addOrganisation(ctx, actor, assessmentId, { name: data.organisation, group: data.group }) : null;
  const token = newToken();
  const id = newId();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.config.invitationMs).toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await insertInvitation(trx, {
      id,
      token_hash: hashToken(token),
      assessment_id: assessment.id,
      email: data.email ?? null,
      name: data.name,
      organisation_id: organisationId,
      role: data.role,
      locale: data.locale,
      created_by: by.id,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
      used_by: null,
      revoked_at: null,
      sent_at: null,
    });
    await audit(trx, { at: now.toISOString(), actorId: by.id, action: 'invitation.create', entityType: 'assessment', entityId: assessment.id, after: { invitation: id, name: data.name, email: data.email, role: data.role, organisation: data.organisation, locale: data.locale } });
  });
  const delivery = await deliverInvitation(ctx, { email: data.email ?? null, name: data.name, role: data.role, locale: data.locale }, token, expiresAt, assessment);
  if (delivery.emailed) await updateInvitation(ctx.db.kysely, id, { sent_at: ctx.now().toISOString() });
  return { id, ...delivery };
}
