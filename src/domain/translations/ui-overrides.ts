// How UI strings edited in the workbench reach the running app: they are stored in the database and override
// the bundled catalog at run time. Each instance loads them on its first request, again right after a save
// on that instance, and at most REFRESH_MS later on the others (app instances share nothing in memory, so a
// save on one reaches the others by this refresh, not by a message). `metep translations export-ui` writes
// them into the locale files, to contribute them to the project's catalogs.
import { listScopeTexts } from '../../db/repositories/translation-texts.ts';
import { icuProblems } from '../../i18n/icu-check.ts';
import { catalog, isLocale, setCatalogOverrides, type TLocale } from '../../i18n/index.ts';
import type { Ctx } from '../kernel/context.ts';
import { UI_SCOPE } from './translation-model.ts';

/** How long another instance may show a UI string edited elsewhere before it reloads the overrides. */
export const REFRESH_MS = 15_000;

let loadedFrom: unknown = null;
let loadedAt = 0;

/**
 * The edited UI strings per language. An edit that no longer fits the English (after an upgrade changed
 * the English's placeholders, or removed the key) is left out, so a page never fails on a missing
 * argument: the bundled text shows until a translator edits it again (the workbench marks it as changed).
 */
export async function uiOverrides(ctx: Ctx): Promise<Map<TLocale, Record<string, string>>> {
  const out = new Map<TLocale, Record<string, string>>();
  const en = catalog('en');
  for (const r of await listScopeTexts(ctx.db.kysely, UI_SCOPE)) {
    if (!isLocale(r.lang) || !Object.hasOwn(en, r.string_key)) continue;
    if (icuProblems(en[r.string_key]!, r.text, r.lang).length) continue;
    const c = out.get(r.lang) ?? {};
    c[r.string_key] = r.text;
    out.set(r.lang, c);
  }
  return out;
}

/** Loads the overrides now (after a save on this instance). */
export async function reloadUiOverrides(ctx: Ctx): Promise<void> {
  setCatalogOverrides(await uiOverrides(ctx));
  loadedFrom = ctx.db;
  loadedAt = Date.now();
}

/** Loads the overrides when they are older than REFRESH_MS or came from another database (tests switch).
 * Returns nothing to wait for when they are fresh (nearly every request: no promise to allocate). */
export function ensureUiOverrides(ctx: Ctx): Promise<void> | undefined {
  if (loadedFrom === ctx.db && Date.now() - loadedAt < REFRESH_MS) return undefined;
  return reloadUiOverrides(ctx).catch(() => {
    // A database that cannot answer now leaves the last overrides (or the bundled catalogs) in place: the
    // page still renders, and the request's own queries will report the failure. No retry before REFRESH_MS.
    loadedFrom = ctx.db;
    loadedAt = Date.now();
  });
}
