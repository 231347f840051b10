// Use case: accept an invitation — join when signed in, otherwise create an account and sign in.
import { z } from 'zod';
import { findMembership, insertMembership } from '../../db/repositories/assessments.ts';
import { consumeInvitation } from '../../db/repositories/invitations.ts';
import { findUserByEmail, insertUser } from '../../db/repositories/users.ts';
import { type TLocale } from '../../i18n/index.ts';
import { ZEmail, ZName, zPassword } from '../kernel/schemas.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx, RequestMeta } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { hashPassword } from '../../lib/passwords.ts';
import { startSession } from '../accounts/start-session.ts';
import { newId } from '../../lib/tokens.ts';
import { parseInput } from '../kernel/validate.ts';
import { checkInvitation } from './check-invitation.ts';

/**
 * Accepts an invitation. Signed in: joins directly. Otherwise creates an account (name, e-mail when the
 * invitation has none, password) and signs in. Returns the assessment id and a session token if one was made.
 */
export async function acceptInvitation(ctx: Ctx, actor: Actor | undefined, token: string, input: unknown, meta: RequestMeta & { locale: TLocale }): Promise<{ assessmentId: string; sessionToken?: string }> {
  const inv = await checkInvitation(ctx, token);
  const at = ctx.now().toISOString();
  if (actor) {
    return ctx.db.kysely.transaction().execute(async (trx) => {
      if (await findMembership(trx, inv.assessment_id, actor.id)) throw new AppError('conflict', 'error.already_member');
      if (!(await consumeInvitation(trx, inv.id, actor.id, at))) throw new AppError('gone', 'error.invitation_invalid');
      await insertMembership(trx, { id: newId(), assessment_id: inv.assessment_id, user_id: actor.id, role: inv.role, organisation_id: inv.organisation_id, created_at: at });
      await audit(trx, { at, actorId: actor.id, action: 'invitation.accept', entityType: 'assessment', entityId: inv.assessment_id, after: { invitation: inv.id, role: inv.role } });
      return { assessmentId: inv.assessment_id };
    });
  }
  const min = ctx.config.passwordMinLength;
  const data = parseInput(z.object({ name: ZName, email: inv.email ? z.any().optional() : ZEmail, password: zPassword(min) }), input, { min });
  const email = inv.email ?? (data.email as string);
  if (await findUserByEmail(ctx.db.kysely, email)) throw new AppError('conflict', 'error.invitation_sign_in', { email }, { email: 'error.invitation_sign_in' });
  const passwordHash = await hashPassword(data.password);
  const userId = newId();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await consumeInvitation(trx, inv.id, userId, at))) throw new AppError('gone', 'error.invitation_invalid');
    await insertUser(trx, { id: userId, email, name: data.name, passwordHash, isAdmin: false, isCoordinator: false, locale: meta.locale, disabled: false, createdAt: at });
    await insertMembership(trx, { id: newId(), assessment_id: inv.assessment_id, user_id: userId, role: inv.role, organisation_id: inv.organisation_id, created_at: at });
    await audit(trx, { at, actorId: userId, action: 'invitation.accept', entityType: 'assessment', entityId: inv.assessment_id, after: { invitation: inv.id, role: inv.role, newAccount: email } });
    return { assessmentId: inv.assessment_id, sessionToken: await startSession(ctx, trx, userId, meta) };
  });
}
