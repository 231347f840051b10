// Use case: the workbench's first page — the languages the actor may work on, and for each the review state
// of the UI strings and of the newest version of each instrument.
import { listRights, listStatuses } from '../../db/repositories/translations.ts';
import { LOCALES, type TLocale } from '../../i18n/index.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import type { TTranslatorRole } from '../kernel/policies.ts';
import { getInstrument } from '../instruments/get-instrument.ts';
import { listInstruments } from '../instruments/list-instruments.ts';
import { loadScopeStrings } from './load-scope-strings.ts';
import { countStatuses, effectiveStatuses, instrumentScope, UI_SCOPE, type TStatusCounts } from './translation-model.ts';

/** One language's line on the overview. */
export interface TLanguageOverview {
  lang: TLocale;
  role: TTranslatorRole | 'admin';
  scopes: { scope: string; counts: TStatusCounts }[];
}

/** The languages the actor may work on (none for people without rights). */
export async function getTranslationOverview(ctx: Ctx, actor: Actor | undefined): Promise<{ languages: TLanguageOverview[]; scopes: string[] }> {
  if (!actor) throw new AppError('unauthenticated', 'error.sign_in_required');
  const rights = (await listRights(ctx.db.kysely)).filter((r) => r.user_id === actor.id);
  const langs: { lang: TLocale; role: TTranslatorRole | 'admin' }[] = actor.isAdmin
    ? LOCALES.filter((l) => l !== 'en').map((l) => ({ lang: l, role: 'admin' as const }))
    : rights.map((r) => ({ lang: r.lang as TLocale, role: r.role }));
  const keys = [...new Set((await listInstruments(ctx)).map((r) => r.instrument_key))].sort();
  const scopes = [...(await Promise.all(keys.map(async (k) => instrumentScope((await getInstrument(ctx, k)).instrument)))), UI_SCOPE];
  const languages = await Promise.all(
    langs.map(async ({ lang, role }) => ({
      lang,
      role,
      scopes: await Promise.all(
        scopes.map(async (scope) => {
          const { strings, shipped } = await loadScopeStrings(ctx, scope, lang);
          const st = effectiveStatuses(strings, await listStatuses(ctx.db.kysely, scope, lang), shipped);
          return { scope, counts: countStatuses(strings.map((s) => s.key), st) };
        }),
      ),
    })),
  );
  return { languages, scopes };
}
