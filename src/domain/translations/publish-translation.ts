// Use case: an administrator signs off an instrument language as approved. Refused while any of its texts is
// not approved (including texts whose English changed since they were approved), with how many remain.
import { insertRelease, listStatuses } from '../../db/repositories/translations.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { authorizeTranslation } from '../kernel/policies.ts';
import { loadScopeStrings } from './load-scope-strings.ts';
import { countStatuses, effectiveStatuses, UI_SCOPE } from './translation-model.ts';

/** Publishes `lang` of the instrument version `scope` ("key@version") as an approved translation. */
export async function publishTranslation(ctx: Ctx, actor: Actor | undefined, scope: string, lang: string, ip: string | null = null): Promise<void> {
  authorizeTranslation(actor, 'translation.publish');
  if (scope === UI_SCOPE || lang === 'en') throw new AppError('not_found', 'error.not_found');
  const { strings, shipped } = await loadScopeStrings(ctx, scope, lang);
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const counts = countStatuses(strings.map((s) => s.key), effectiveStatuses(strings, await listStatuses(trx, scope, lang), shipped));
    if (counts.approved < counts.total) throw new AppError('conflict', 'error.translation_not_approved', { count: counts.total - counts.approved, total: counts.total });
    await insertRelease(trx, { scope, lang, released_by: actor.id, released_at: at });
    await audit(trx, { at, actorId: actor.id, action: 'translation.publish', entityType: 'translation', entityId: `${scope}/${lang}`, after: counts, ip });
  });
}
