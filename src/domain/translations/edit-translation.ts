// Use case: a translator (or reviewer) of a language saves a new text for one string. The text must pass the
// ICU checks against the English source; the save names the revision it started from, and a stale one gets
// 409 with the text saved meanwhile (nothing is lost: the page keeps the refused text in the form).
import { z } from 'zod';
import type { Actor, Ctx } from '../kernel/context.ts';
import { parseInput } from '../kernel/validate.ts';
import { authorizeLang, checkIcu, findString, writeTranslation } from './write-translation.ts';

/** The edit form. */
export const ZEditInput = z.object({
  scope: z.string().min(1).max(80),
  lang: z.string(),
  key: z.string().min(1).max(120),
  text: z.string({ error: 'error.translation_empty' }).trim().min(1, { error: 'error.translation_empty' }).max(20_000, { error: 'error.translation_too_long' }),
  baseRevision: z.coerce.number({ error: 'error.bad_request' }).int().min(0),
});

/** Saves the text; returns the new revision, or the current one when the text did not change. */
export async function editTranslation(ctx: Ctx, actor: Actor | undefined, input: unknown, ip: string | null = null): Promise<{ revision: number; changed: boolean }> {
  const who = await authorizeLang(ctx, actor, (input as { lang?: unknown } | null)?.lang, 'translation.edit');
  const v = parseInput(ZEditInput, input);
  const s = await findString(ctx, v.scope, v.lang, v.key);
  checkIcu(s.source, v.text, v.lang);
  if (v.text === s.text && v.baseRevision === (s.revision ?? 0)) return { revision: v.baseRevision, changed: false };
  const r = await writeTranslation(ctx, { scope: v.scope, lang: v.lang, string: s, text: v.text, baseRevision: v.baseRevision, kind: 'edit', actor: who, ip });
  return { ...r, changed: true };
}
