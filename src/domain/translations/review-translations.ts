// Use case: a reviewer sets the review status (draft, reviewed, approved) of translated strings — one string,
// a list, or every text of an instrument pillar — recording who and when, against the English source they
// reviewed. A missing translation cannot be marked reviewed or approved.
import { z } from 'zod';
import { findRight, listStatuses, upsertStatuses } from '../../db/repositories/translations.ts';
import { isLocale } from '../../i18n/index.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { authorizeTranslation } from '../kernel/policies.ts';
import { loadScopeStrings } from './load-scope-strings.ts';
import { countStatuses, effectiveStatuses, REVIEW_STATUSES, sourceHash } from './translation-model.ts';

/** What to review: UI strings, or texts of an instrument version (`instrument` = "key@version"). */
export const ZReviewInput = z.object({
  scope: z.string().min(1).max(80),
  lang: z.string().refine((l) => isLocale(l) && l !== 'en', { error: 'error.translation_lang' }),
  status: z.enum(REVIEW_STATUSES, { error: 'error.translation_status' }),
  pillar: z.string().regex(/^[A-Z]$/).optional(),
  keys: z.array(z.string().min(1).max(120)).max(5000).optional(),
});
/** Input of reviewTranslations. */
export type TReviewInput = z.infer<typeof ZReviewInput>;

/** Sets the status of the selected strings; returns how many changed. */
export async function reviewTranslations(ctx: Ctx, actor: Actor | undefined, input: unknown, ip: string | null = null): Promise<{ changed: number }> {
  if (!actor) throw new AppError('unauthenticated', 'error.sign_in_required');
  // Who may review is decided by the language before anything else of the request is looked at.
  const lang = (input as { lang?: unknown } | null)?.lang;
  const right = typeof lang === 'string' ? await findRight(ctx.db.kysely, actor.id, lang) : undefined;
  authorizeTranslation(actor, 'translation.review', right?.role);
  const parsed = ZReviewInput.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', parsed.error.issues[0]?.message ?? 'error.bad_request');
  const v = parsed.data;
  const { strings, shipped } = await loadScopeStrings(ctx, v.scope, v.lang);
  const wanted = v.keys ? new Set(v.keys) : null;
  const selected = strings.filter((s) => (wanted ? wanted.has(s.key) : v.pillar ? s.pillar === v.pillar : false));
  if (selected.length === 0 || (wanted && selected.length !== wanted.size)) throw new AppError('invalid_input', 'error.translation_nothing_selected');
  const missing = selected.filter((s) => !s.text);
  if (v.status !== 'draft' && missing.length) throw new AppError('invalid_input', 'error.translation_missing', { count: missing.length, key: missing[0]!.key });
  const at = ctx.now().toISOString();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const before = effectiveStatuses(selected, await listStatuses(trx, v.scope, v.lang), shipped);
    const changing = selected.filter((s) => before.get(s.key)?.status !== v.status || before.get(s.key)?.changed);
    await upsertStatuses(trx, changing.map((s) => ({ scope: v.scope, lang: v.lang, string_key: s.key, status: v.status, source_hash: sourceHash(s.source), reviewed_by: actor.id, reviewed_at: at })));
    await audit(trx, {
      at,
      actorId: actor.id,
      action: 'translation.review',
      entityType: 'translation',
      entityId: `${v.scope}/${v.lang}${v.pillar ? `/${v.pillar}` : ''}`,
      before: countStatuses(selected.map((s) => s.key), before),
      after: { status: v.status, strings: changing.length, keys: changing.slice(0, 20).map((s) => s.key) },
      ip,
    });
    return { changed: changing.length };
  });
}
