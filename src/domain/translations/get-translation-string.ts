// Use case: one string of the workbench — its English source, current text and revision, review status, the
// glossary terms that apply, its revision history and its suggestions — for translators and reviewers of the
// language (and administrators).
import { findRight, listStatuses } from '../../db/repositories/translations.ts';
import { listRevisions, listSuggestions } from '../../db/repositories/translation-texts.ts';
import type { TranslationRevisionsTable, TranslationSuggestionsTable } from '../../db/schema.ts';
import { termsFor } from '../../i18n/glossary.ts';
import type { TLocale } from '../../i18n/index.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { canTranslate } from '../kernel/policies.ts';
import type { TWorkbenchRow } from './list-translation-strings.ts';
import { loadScopeStrings } from './load-scope-strings.ts';
import { effectiveStatuses } from './translation-model.ts';
import { authorizeLang } from './write-translation.ts';

/** The string page. */
export interface TTranslationString {
  lang: TLocale;
  scope: string;
  row: TWorkbenchRow & { revision: number };
  revisions: (Pick<TranslationRevisionsTable, 'revision' | 'old_text' | 'new_text' | 'kind' | 'edited_at'> & { editor: string })[];
  suggestions: (Pick<TranslationSuggestionsTable, 'id' | 'text' | 'note' | 'state' | 'suggested_at' | 'decided_at'> & { suggester: string; mine: boolean })[];
  mayEdit: boolean;
  mayReview: boolean;
}

/** One string of a scope and language. */
export async function getTranslationString(ctx: Ctx, actor: Actor | undefined, scope: string, lang: string, key: string): Promise<TTranslationString> {
  const who = await authorizeLang(ctx, actor, lang, 'translation.read');
  const role = (await findRight(ctx.db.kysely, who.id, lang))?.role;
  const { strings, shipped } = await loadScopeStrings(ctx, scope, lang);
  const s = strings.find((x) => x.key === key);
  if (!s) throw new AppError('not_found', 'error.not_found');
  const st = effectiveStatuses([s], await listStatuses(ctx.db.kysely, scope, lang), shipped).get(key)!;
  const l = lang as TLocale;
  return {
    lang: l,
    scope,
    row: { ...s, ...st, revision: s.revision ?? 0, terms: termsFor(s.source, l) },
    revisions: (await listRevisions(ctx.db.kysely, scope, lang, key)).map((r) => ({ revision: r.revision, old_text: r.old_text, new_text: r.new_text, kind: r.kind, edited_at: r.edited_at, editor: r.editor ?? r.edited_by })),
    suggestions: (await listSuggestions(ctx.db.kysely, scope, lang, key)).map((r) => ({ id: r.id, text: r.text, note: r.note, state: r.state, suggested_at: r.suggested_at, decided_at: r.decided_at, suggester: r.suggester ?? r.suggested_by, mine: r.suggested_by === who.id })),
    mayEdit: canTranslate(who, 'translation.edit', role),
    mayReview: canTranslate(who, 'translation.review', role),
  };
}
