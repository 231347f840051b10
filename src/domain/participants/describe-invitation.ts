// Use case: what an invitation link opens, in the reader's language.
import { findAssessment } from '../../db/repositories/assessments.ts';
import { type InvitationRow } from '../../db/repositories/invitations.ts';
import { type TLocale } from '../../i18n/index.ts';
import type { Ctx } from '../kernel/context.ts';
import { countryName } from '../../i18n/countries.ts';
import { AppError } from '../kernel/errors.ts';
import { checkInvitation } from './check-invitation.ts';

/** What an invitation link opens: the invitation and the assessment it is for, in the reader's language. */
export async function describeInvitation(ctx: Ctx, token: string, locale: TLocale): Promise<{ invitation: InvitationRow; country: string; year: number }> {
  const invitation = await checkInvitation(ctx, token);
  const a = await findAssessment(ctx.db.kysely, invitation.assessment_id);
  if (!a) throw new AppError('gone', 'error.invitation_invalid');
  return { invitation, country: countryName(locale, a.country), year: a.cycle_year };
}
