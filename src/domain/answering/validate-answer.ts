// Validating an answer against its item: the same rules for the HTML form, the autosave API, the
// offline queue replay and a workshop's agreed answer. Returns a message key per problem so each field
// can show it.
import { z } from 'zod';
import type { TItem } from '../../instrument/schema.ts';
import type { TValue } from '../../scoring/types.ts';

/** One answer value on the wire. */
export const ZValue = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('status'), status: z.enum(['yes', 'partly', 'no']) }),
    z.object({ kind: z.literal('level'), level: z.number().int().min(0).max(4) }),
    z.object({ kind: z.literal('checklist'), checked: z.array(z.string().max(40)).max(50) }),
    z.object({ kind: z.literal('number'), number: z.number().finite() }),
    z.object({ kind: z.literal('text'), text: z.string().max(10_000, { error: 'error.too_long' }) }),
    z.object({ kind: z.literal('excluded'), reason: z.enum(['dont_know', 'not_applicable']) }),
  ]);

/** Checks that a value fits its item; returns a message key, or undefined when it fits. */
export function answerProblem(item: TItem, v: TValue): string | undefined {
  if (v.kind === 'excluded') return item.type === 'text' ? 'error.answer_invalid' : undefined;
  if (v.kind !== item.type) return 'error.answer_invalid';
  if (v.kind === 'checklist' && item.type === 'checklist') {
    const ids = new Set(item.options.map((o) => o.id));
    if (!v.checked.every((c) => ids.has(c))) return 'error.answer_invalid';
  }
  if (v.kind === 'number' && item.type === 'number') {
    if (v.number < item.min || (item.max !== undefined && v.number > item.max)) return 'error.number_range';
  }
  return undefined;
}
