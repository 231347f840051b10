// Use case: a reviewer proposes a text for a string instead of changing it; a translator or another reviewer
// of the language accepts or rejects it (decide-suggestion). The proposal passes the same ICU checks.
import { z } from 'zod';
import { insertSuggestion } from '../../db/repositories/translation-texts.ts';
import { newId } from '../../lib/tokens.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { parseInput } from '../kernel/validate.ts';
import { authorizeLang, checkIcu, findString } from './write-translation.ts';

/** The suggestion form. */
export const ZSuggestInput = z.object({
  scope: z.string().min(1).max(80),
  lang: z.string(),
  key: z.string().min(1).max(120),
  text: z.string({ error: 'error.translation_empty' }).trim().min(1, { error: 'error.translation_empty' }).max(20_000, { error: 'error.translation_too_long' }),
  note: z.string().trim().max(2000, { error: 'error.translation_too_long' }).optional(),
});

/** Stores an open suggestion; returns its id. */
export async function suggestTranslation(ctx: Ctx, actor: Actor | undefined, input: unknown, ip: string | null = null): Promise<{ id: string }> {
  const who = await authorizeLang(ctx, actor, (input as { lang?: unknown } | null)?.lang, 'translation.review');
  const v = parseInput(ZSuggestInput, input);
  const s = await findString(ctx, v.scope, v.lang, v.key);
  checkIcu(s.source, v.text, v.lang);
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await insertSuggestion(trx, { id, scope: v.scope, lang: v.lang, string_key: v.key, text: v.text, note: v.note || null, state: 'open', suggested_by: who.id, suggested_at: at, decided_by: null, decided_at: null });
    await audit(trx, { at, actorId: who.id, action: 'translation.suggest', entityType: 'translation', entityId: `${v.scope}/${v.lang}/${v.key}`, after: { suggestion: id, text: v.text }, ip });
  });
  return { id };
}
