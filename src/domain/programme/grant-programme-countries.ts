// Use case: an administrator grants a person programme officer rights for a list of countries, or takes
// rights for some countries away. Every change is one audit row with the person's countries before and after.
import { z } from 'zod';
import { deleteProgrammeCountries, insertProgrammeCountries, listProgrammeCountries } from '../../db/repositories/programme.ts';
import { findUserByEmail } from '../../db/repositories/users.ts';
import { isAssessmentCountry } from '../../i18n/countries.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { authorize } from '../kernel/policies.ts';

/** The grant form: whose rights, which countries (ISO 3166-1 alpha-3 codes, separated by spaces or commas), grant or revoke. */
export const ZProgrammeGrantInput = z.object({
  email: z.string({ error: 'error.email_invalid' }).trim().toLowerCase().email({ error: 'error.email_invalid' }),
  countries: z
    .string({ error: 'error.programme_countries' })
    .max(2000, { error: 'error.programme_countries' })
    .transform((s) => [...new Set(s.toUpperCase().split(/[\s,;]+/).filter(Boolean))])
    .refine((cs) => cs.length > 0 && cs.every(isAssessmentCountry), { error: 'error.programme_countries' }),
  change: z.enum(['grant', 'revoke'], { error: 'error.programme_change' }),
});

/** Grants or revokes a person's programme officer rights for the countries; returns their countries after. */
export async function grantProgrammeCountries(ctx: Ctx, actor: Actor | undefined, input: unknown, ip: string | null = null): Promise<string[]> {
  authorize(actor, 'programme.grant');
  const parsed = ZProgrammeGrantInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('invalid_input', issue?.message ?? 'error.bad_request', {}, issue ? { [String(issue.path[0])]: issue.message } : {});
  }
  const v = parsed.data;
  const user = await findUserByEmail(ctx.db.kysely, v.email);
  if (!user) throw new AppError('invalid_input', 'error.user_unknown', {}, { email: 'error.user_unknown' });
  const at = ctx.now().toISOString();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await listProgrammeCountries(trx, user.id);
    if (v.change === 'grant') await insertProgrammeCountries(trx, user.id, v.countries, actor.id, at);
    else await deleteProgrammeCountries(trx, user.id, v.countries);
    const after = await listProgrammeCountries(trx, user.id);
    await audit(trx, { at, actorId: actor.id, action: `programme.${v.change}`, entityType: 'user', entityId: user.id, before: { countries: before }, after: { countries: after }, ip });
    return after;
  });
}
