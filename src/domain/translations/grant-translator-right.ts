// Use case: an administrator grants a person translator or reviewer rights in one language, or takes them away.
import { z } from 'zod';
import { deleteRight, findRight, upsertRight } from '../../db/repositories/translations.ts';
import { findUserByEmail } from '../../db/repositories/users.ts';
import { isLocale } from '../../i18n/index.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { authorize, TRANSLATOR_ROLES } from '../kernel/policies.ts';

/** The grant form: whose rights, in which language, and which role ("none" removes them). */
export const ZGrantInput = z.object({
  email: z.string().trim().toLowerCase().email({ error: 'error.email_invalid' }),
  lang: z.string().refine((l) => isLocale(l) && l !== 'en', { error: 'error.translation_lang' }),
  role: z.enum([...TRANSLATOR_ROLES, 'none'], { error: 'error.translation_role' }),
});

/** Grants, changes or removes a person's right in a language. */
export async function grantTranslatorRight(ctx: Ctx, actor: Actor | undefined, input: unknown, ip: string | null = null): Promise<void> {
  authorize(actor, 'translation.grant');
  const parsed = ZGrantInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('invalid_input', issue?.message ?? 'error.bad_request', {}, issue ? { [String(issue.path[0])]: issue.message } : {});
  }
  const v = parsed.data;
  const user = await findUserByEmail(ctx.db.kysely, v.email);
  if (!user) throw new AppError('invalid_input', 'error.user_unknown', {}, { email: 'error.user_unknown' });
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await findRight(trx, user.id, v.lang);
    if (v.role === 'none') await deleteRight(trx, user.id, v.lang);
    else await upsertRight(trx, { user_id: user.id, lang: v.lang, role: v.role, granted_by: actor.id, granted_at: at });
    await audit(trx, { at, actorId: actor.id, action: 'translation.grant', entityType: 'user', entityId: user.id, before: before ? { lang: v.lang, role: before.role } : null, after: { lang: v.lang, role: v.role }, ip });
  });
}
