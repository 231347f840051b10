// The strings of a translation scope: the UI catalogs ("ui") or a stored instrument version ("key@version").
import { listTexts } from '../../db/repositories/translation-texts.ts';
import type { TLocale } from '../../i18n/index.ts';
import type { TInstrument, TLang } from '../../instrument/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { getInstrument } from '../instruments/get-instrument.ts';
import { instrumentStrings, shippedStatus, UI_SCOPE, uiStrings, type TReviewStatus, type TString } from './translation-model.ts';

/**
 * The strings of a scope ("ui" or "key@version") in a language, with the shipped status. A text edited in the
 * workbench replaces the shipped one, with its revision (0 = the shipped text).
 */
export async function loadScopeStrings(ctx: Ctx, scope: string, lang: string): Promise<{ strings: TString[]; shipped: TReviewStatus; instrument: TInstrument | null }> {
  const edited = async (strings: TString[]) => {
    const byKey = new Map((await listTexts(ctx.db.kysely, scope, lang)).map((r) => [r.string_key, r]));
    return strings.map((s) => {
      const e = byKey.get(s.key);
      return e ? { ...s, text: e.text, revision: e.revision } : { ...s, revision: 0 };
    });
  };
  if (scope === UI_SCOPE) return { strings: await edited(uiStrings(lang as TLocale)), shipped: shippedStatus(null, lang), instrument: null };
  const m = /^([\w-]+)@([\w.-]+)$/.exec(scope);
  if (!m) throw new AppError('not_found', 'error.not_found');
  const { instrument } = await getInstrument(ctx, m[1]!, m[2]!);
  if (!(lang in instrument.languages)) throw new AppError('not_found', 'error.not_found');
  return { strings: await edited(instrumentStrings(instrument, lang as TLang)), shipped: shippedStatus(instrument, lang), instrument };
}

