// The one way a translated text is written (an edit or an accepted suggestion): checked against its English
// source, saved only on top of the revision the writer saw, recorded in the history, its status set back to
// draft (a changed text has not been reviewed), audited. Shared by edit-translation and decide-suggestion.
import type { Transaction } from 'kysely';
import { findText, insertRevision, saveTextAt } from '../../db/repositories/translation-texts.ts';
import { findRight, upsertStatuses } from '../../db/repositories/translations.ts';
import type { Database } from '../../db/schema.ts';
import { icuProblems } from '../../i18n/icu-check.ts';
import { isLocale } from '../../i18n/index.ts';
import { newId } from '../../lib/tokens.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { authorizeTranslation, type TTranslationAction } from '../kernel/policies.ts';
import { loadScopeStrings } from './load-scope-strings.ts';
import { sourceHash, UI_SCOPE, type TString } from './translation-model.ts';
import { reloadUiOverrides } from './ui-overrides.ts';

/** The text that is saved now, for the conflict page to show beside the one that was refused. */
export interface TSavedText {
  text: string;
  revision: number;
  editedBy: string | null;
  editedAt: string | null;
}

/** A stale save: someone saved the string since the writer loaded it; `current` is what is saved now. */
export class TranslationConflict extends AppError {
  constructor(public readonly current: TSavedText) {
    super('conflict', 'error.translation_conflict', { name: current.editedBy ?? '?', revision: current.revision });
  }
}

/** Checks who may act on a language before anything else of the request is looked at. */
export async function authorizeLang(ctx: Ctx, actor: Actor | undefined, lang: unknown, action: TTranslationAction): Promise<Actor> {
  if (!actor) throw new AppError('unauthenticated', 'error.sign_in_required');
  const right = typeof lang === 'string' ? await findRight(ctx.db.kysely, actor.id, lang) : undefined;
  authorizeTranslation(actor, action, right?.role);
  if (typeof lang !== 'string' || !isLocale(lang) || lang === 'en') throw new AppError('not_found', 'error.not_found');
  return actor;
}

/** The string `key` of a scope and language (not_found when there is none). */
export async function findString(ctx: Ctx, scope: string, lang: string, key: string): Promise<TString> {
  const { strings } = await loadScopeStrings(ctx, scope, lang);
  const s = strings.find((x) => x.key === key);
  if (!s) throw new AppError('not_found', 'error.not_found');
  return s;
}

/** Throws invalid_input naming the first ICU problem of `text` (the field "text" carries it too). */
export function checkIcu(source: string, text: string, lang: string): void {
  const p = icuProblems(source, text, lang)[0];
  if (p) throw new AppError('invalid_input', p.key, p.params, { text: p.key });
}

/** The text saved now for a string. */
export async function savedText(ctx: Ctx, s: TString, scope: string, lang: string): Promise<TSavedText> {
  const row = await findText(ctx.db.kysely, scope, lang, s.key);
  const who = row ? await ctx.db.kysely.selectFrom('users').select('name').where('id', '=', row.edited_by).executeTakeFirst() : undefined;
  return { text: row?.text ?? s.text ?? '', revision: row?.revision ?? 0, editedBy: who?.name ?? (row ? row.edited_by : null), editedAt: row?.edited_at ?? null };
}

/** What one write changes. */
export interface TWrite {
  scope: string;
  lang: string;
  string: TString;
  text: string;
  baseRevision: number;
  kind: 'edit' | 'suggestion';
  actor: Actor;
  ip: string | null;
  /** Runs in the same transaction after the text is saved (closing the accepted suggestion). */
  also?: (trx: Transaction<Database>, at: string) => Promise<void>;
}

/** Writes the text at baseRevision + 1; throws TranslationConflict when the base is stale. */
export async function writeTranslation(ctx: Ctx, w: TWrite): Promise<{ revision: number }> {
  const revision = w.baseRevision + 1;
  const at = ctx.now().toISOString();
  const ok = await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = await findText(trx, w.scope, w.lang, w.string.key);
    if ((before?.revision ?? 0) !== w.baseRevision) return false;
    if (!(await saveTextAt(trx, { scope: w.scope, lang: w.lang, string_key: w.string.key, text: w.text, revision, edited_by: w.actor.id, edited_at: at }))) return false;
    const old = before?.text ?? w.string.text ?? null;
    await insertRevision(trx, { id: newId(), scope: w.scope, lang: w.lang, string_key: w.string.key, revision, old_text: old, new_text: w.text, kind: w.kind, edited_by: w.actor.id, edited_at: at });
    await upsertStatuses(trx, [{ scope: w.scope, lang: w.lang, string_key: w.string.key, status: 'draft', source_hash: sourceHash(w.string.source), reviewed_by: w.actor.id, reviewed_at: at }]);
    await w.also?.(trx, at);
    await audit(trx, {
      at,
      actorId: w.actor.id,
      action: w.kind === 'edit' ? 'translation.edit' : 'translation.suggestion_accept',
      entityType: 'translation',
      entityId: `${w.scope}/${w.lang}/${w.string.key}`,
      before: { revision: w.baseRevision, text: old },
      after: { revision, text: w.text, status: 'draft' },
      ip: w.ip,
    });
    return true;
  });
  if (!ok) throw new TranslationConflict(await savedText(ctx, w.string, w.scope, w.lang));
  if (w.scope === UI_SCOPE) await reloadUiOverrides(ctx);
  return { revision };
}
