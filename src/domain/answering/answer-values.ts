// Validating an answer against its item: the same rules for the HTML form, the autosave API and the
// offline queue replay. Returns a message key per problem so each field can show it.
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

/** The shape of one answer on the wire (value null clears the answer). */
export const ZAnswerInput = z.object({
  itemId: z.string().regex(/^[A-Z]\.\d{2}$/),
  value: ZValue.nullable(),
  comment: z.string().max(4000, { error: 'error.too_long' }).optional().nullable(),
});
/** One answer on the wire. */
export type TAnswerInput = z.infer<typeof ZAnswerInput>;

/** A batch of answers (one pillar page, or the autosave queue). */
export const ZAnswerBatch = z.object({ answers: z.array(ZAnswerInput).min(1).max(200) });

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

/**
 * Reads one pillar's answers from a plain HTML form. Field names: `v.<id>` the value (radio, checkbox
 * list or input), `x.<id>` "don't know"/"not applicable" for checklists and numbers, `c.<id>` the comment.
 * An item whose fields are all empty is "not answered" (value null); an item absent from the form is
 * skipped. Unparseable numbers are reported.
 */
export function answersFromForm(items: readonly TItem[], form: Record<string, string | string[]>): { answers: TAnswerInput[]; problems: Record<string, string> } {
  const answers: TAnswerInput[] = [];
  const problems: Record<string, string> = {};
  const one = (k: string) => {
    const v = form[k];
    return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
  };
  const all = (k: string) => {
    const v = form[k];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  for (const item of items) {
    // An item none of whose fields came with the form was not on it: leave its saved answer alone.
    if (![`v.${item.id}`, `x.${item.id}`, `c.${item.id}`].some((k) => k in form)) continue;
    const raw = one(`v.${item.id}`);
    const x = one(`x.${item.id}`);
    const comment = one(`c.${item.id}`) || null;
    let value: TValue | null = null;
    if (raw === 'dont_know' || raw === 'not_applicable') value = { kind: 'excluded', reason: raw };
    else if (x === 'dont_know' || x === 'not_applicable') value = { kind: 'excluded', reason: x };
    else if (item.type === 'status' && ['yes', 'partly', 'no'].includes(raw)) value = { kind: 'status', status: raw as 'yes' };
    else if (item.type === 'level' && /^[0-4]$/.test(raw)) value = { kind: 'level', level: Number(raw) };
    else if (item.type === 'checklist') {
      const checked = all(`v.${item.id}`).filter((c) => c !== '__none');
      if (checked.length || all(`v.${item.id}`).includes('__none')) value = { kind: 'checklist', checked };
    } else if (item.type === 'number' && raw !== '') {
      // Accept the decimal comma many languages use, and spaces as thousands separators.
      const n = Number(raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.'));
      if (Number.isFinite(n)) value = { kind: 'number', number: n };
      else problems[item.id] = 'error.number_invalid';
    } else if (item.type === 'text' && raw !== '') value = { kind: 'text', text: raw };
    answers.push({ itemId: item.id, value, comment });
  }
  return { answers, problems };
}
