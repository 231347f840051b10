// Answers on the wire: the API's answer batch and the HTML form's fields, read into one shape; each value
// is then checked against its item by validate-answer.ts.
import { z } from 'zod';
import type { TItem } from '../../instrument/schema.ts';
import type { TValue } from '../../scoring/types.ts';
import { ZValue } from './validate-answer.ts';
import { parseTypedNumber, representable } from '../kernel/schemas.ts';

/** The shape of one answer on the wire (value null clears the answer). */
export const ZAnswerInput = z.object({
  itemId: z.string().regex(/^[A-Z]\.\d{2}$/),
  value: ZValue.nullable(),
  comment: z.string().max(4000, { error: 'error.too_long' }).refine(representable, { error: 'error.bad_characters' }).optional().nullable(),
  /**
   * When the answer this one replaces was saved, as the sender last read it ('' for none). Given, and the
   * stored answer has changed since (another tab or device), this one is not written: the newer stays.
   */
  base: z.string().max(40).optional(),
});
/** One answer on the wire. */
export type TAnswerInput = z.infer<typeof ZAnswerInput>;

/** A batch of answers (one pillar page, or the autosave queue). */
export const ZAnswerBatch = z.object({ answers: z.array(ZAnswerInput).min(1).max(200) });

/**
 * Reads one pillar's answers from a plain HTML form. Field names: `v.<id>` the value (radio, checkbox
 * list or input), `x.<id>` "don't know"/"not applicable" for checklists and numbers, `c.<id>` the comment.
 * An item whose fields are all empty is "not answered" (value null); an item absent from the form is
 * skipped. Unparseable numbers are reported.
 */
export function answersFromForm(items: readonly TItem[], form: Record<string, string | string[]>): { answers: TAnswerInput[]; problems: Record<string, string>; typed: Map<string, string> } {
  const answers: TAnswerInput[] = [];
  const problems: Record<string, string> = {};
  // What was typed where it could not be read, to put back in the field with the message.
  const typed = new Map<string, string>();
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
      // Arabic-Indic digits, the decimal comma many languages use, spaces as thousands separators.
      const n = parseTypedNumber(raw);
      if (Number.isFinite(n)) value = { kind: 'number', number: n };
      else {
        problems[item.id] = 'error.number_invalid';
        typed.set(item.id, raw);
      }
    } else if (item.type === 'text' && raw !== '') value = { kind: 'text', text: raw };
    // The page's `b.<id>`: when the answer it showed was saved (see saveAnswers).
    const base = form[`b.${item.id}`];
    answers.push({ itemId: item.id, value, comment, ...(typeof base === 'string' ? { base } : {}) });
  }
  return { answers, problems, typed };
}
