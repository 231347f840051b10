// Use case: one language of an instrument version as XLIFF 2.0, each text with its review state (draft →
// translated, reviewed → reviewed, approved → final, no translation → initial), for translation tools.
import { findRight, listStatuses } from '../../db/repositories/translations.ts';
import type { TLang } from '../../instrument/schema.ts';
import { applyTexts } from '../../instrument/texts.ts';
import { instrumentToXliff, type TXliffState } from '../../instrument/xliff.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { authorizeTranslation } from '../kernel/policies.ts';
import { loadScopeStrings } from './load-scope-strings.ts';
import { effectiveStatuses, UI_SCOPE } from './translation-model.ts';

const STATE: Record<string, TXliffState> = { draft: 'translated', reviewed: 'reviewed', approved: 'final' };

/** The XLIFF 2.0 document of `lang` for the instrument version `scope` ("key@version"). */
export async function exportXliff(ctx: Ctx, actor: Actor | undefined, scope: string, lang: string): Promise<string> {
  if (!actor) throw new AppError('unauthenticated', 'error.sign_in_required');
  authorizeTranslation(actor, 'translation.read', (await findRight(ctx.db.kysely, actor.id, lang))?.role);
  if (scope === UI_SCOPE || lang === 'en') throw new AppError('not_found', 'error.not_found');
  const { strings, shipped, instrument } = await loadScopeStrings(ctx, scope, lang);
  if (!instrument) throw new AppError('not_found', 'error.not_found');
  const st = effectiveStatuses(strings, await listStatuses(ctx.db.kysely, scope, lang), shipped);
  const states = new Map([...st].map(([k, v]) => [k, v.missing ? ('initial' as const) : STATE[v.status]!]));
  // Texts edited in the workbench are the current ones: the file carries them, not the stored version's.
  const edited = new Map(strings.filter((s) => (s.revision ?? 0) > 0 && s.text).map((s) => [s.key, s.text!]));
  return instrumentToXliff(edited.size ? applyTexts(instrument, lang as TLang, edited).instrument : instrument, lang as TLang, states);
}
