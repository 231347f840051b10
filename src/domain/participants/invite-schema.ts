// What an invitation holds (one schema for the form, the API and a CSV row) and what the coordinator gets back.
import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES } from '../../i18n/index.ts';
import { representable, withoutBidiControls, ZEmail, ZName } from '../kernel/schemas.ts';
import { GROUPS } from '../kernel/groups.ts';
import { ROLES } from '../kernel/policies.ts';

/** One invitation (form, API and CSV row). */
export const ZInvite = z
  .object({
    name: ZName,
    email: z.union([z.literal('').transform(() => undefined), ZEmail], { error: 'error.email_invalid' }).optional(),
    organisation: z
      .string()
      .refine(representable, { error: 'error.bad_characters' })
      .transform(withoutBidiControls)
      .pipe(z.string().trim().max(200, { error: 'error.too_long' }))
      .optional()
      .transform((v) => v || undefined),
    group: z.union([z.literal('').transform(() => undefined), z.enum(GROUPS)], { error: 'error.group_invalid' }).optional(),
    role: z.enum(ROLES, { error: 'error.role_invalid' }).default('respondent'),
    // The invitee's language for mails; callers pass the coordinator's page language as the default.
    locale: z.enum(LOCALES, { error: 'error.language_invalid' }).default(DEFAULT_LOCALE),
  })
  .refine((v) => !v.organisation || v.group, { path: ['group'], error: 'error.group_required' })
  .refine((v) => v.role !== 'respondent' || v.organisation, { path: ['organisation'], error: 'error.organisation_required' });

/** What the coordinator gets back for one invitation. */
export interface TInviteResult {
  id: string;
  url: string;
  emailed: boolean;
  mailError?: string;
}
