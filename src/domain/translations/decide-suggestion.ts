// Use case: a translator or another reviewer of the language accepts a reviewer's suggestion (it becomes the
// text, a new revision, back to draft) or rejects it (it stays in the history as rejected). Whoever made the
// suggestion cannot decide it: a second person looks at every change.
import { z } from 'zod';
import { decideSuggestion as closeSuggestion, findSuggestion } from '../../db/repositories/translation-texts.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { parseInput } from '../kernel/validate.ts';
import { authorizeLang, checkIcu, findString, writeTranslation } from './write-translation.ts';

/** The decision form. */
export const ZDecideInput = z.object({
  decision: z.enum(['accept', 'reject'], { error: 'error.bad_request' }),
  baseRevision: z.coerce.number({ error: 'error.bad_request' }).int().min(0),
});

/** Accepts or rejects suggestion `id` in language `lang`. */
export async function decideSuggestion(ctx: Ctx, actor: Actor | undefined, lang: string, id: string, input: unknown, ip: string | null = null): Promise<{ decision: 'accept' | 'reject' }> {
  const who = await authorizeLang(ctx, actor, lang, 'translation.edit');
  const sug = await findSuggestion(ctx.db.kysely, id);
  if (!sug || sug.lang !== lang) throw new AppError('not_found', 'error.not_found');
  if (sug.suggested_by === who.id) throw new AppError('forbidden', 'error.own_suggestion');
  if (sug.state !== 'open') throw new AppError('conflict', 'error.suggestion_decided');
  const v = parseInput(ZDecideInput, input);
  const s = await findString(ctx, sug.scope, sug.lang, sug.string_key);
  if (v.decision === 'reject') {
    const at = ctx.now().toISOString();
    await ctx.db.kysely.transaction().execute(async (trx) => {
      if (!(await closeSuggestion(trx, id, 'rejected', who.id, at))) throw new AppError('conflict', 'error.suggestion_decided');
      await audit(trx, { at, actorId: who.id, action: 'translation.suggestion_reject', entityType: 'translation', entityId: `${sug.scope}/${sug.lang}/${sug.string_key}`, after: { suggestion: id, text: sug.text }, ip });
    });
    return { decision: 'reject' };
  }
  // The English may have changed since the suggestion was made: it must still fit.
  checkIcu(s.source, sug.text, sug.lang);
  await writeTranslation(ctx, {
    scope: sug.scope,
    lang: sug.lang,
    string: s,
    text: sug.text,
    baseRevision: v.baseRevision,
    kind: 'suggestion',
    actor: who,
    ip,
    also: async (trx, at) => {
      if (!(await closeSuggestion(trx, id, 'accepted', who.id, at))) throw new AppError('conflict', 'error.suggestion_decided');
    },
  });
  return { decision: 'accept' };
}
