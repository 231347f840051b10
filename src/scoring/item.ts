// Item scores: each answer becomes a number in [0,1], or null when it does not count (excluded, text,
// unanswered). See docs/METHODOLOGY.md §1.
import type { TItem } from '../instrument/schema.ts';
import type { TAnswer, TValue } from './types.ts';

const STATUS_SCORE = { yes: 1, partly: 0.5, no: 0 } as const;

/** The level (0–4) a number reaches: how many of the ascending thresholds it meets. */
export function numberLevel(thresholds: readonly number[], n: number): number {
  return thresholds.filter((t) => n >= t).length;
}

/** The score of an answer in [0,1]; null when the answer is excluded, the item is not scored, or the value does not fit the item. */
export function itemScore(item: TItem, value: TValue | undefined): number | null {
  if (!value || value.kind === 'excluded' || item.type === 'text' || item.weight === 0) return null;
  switch (item.type) {
    case 'status':
      return value.kind === 'status' ? STATUS_SCORE[value.status] : null;
    case 'level':
      return value.kind === 'level' && Number.isInteger(value.level) && value.level >= 0 && value.level <= 4 ? value.level / 4 : null;
    case 'checklist': {
      if (value.kind !== 'checklist') return null;
      const total = item.options.reduce((s, o) => s + o.weight, 0);
      const checked = new Set(value.checked);
      return item.options.filter((o) => checked.has(o.id)).reduce((s, o) => s + o.weight, 0) / total;
    }
    case 'number':
      return value.kind === 'number' && Number.isFinite(value.number) ? numberLevel(item.thresholds, value.number) / 4 : null;
  }
}

/** Whether an answer is "unsupported": its score is above the item's evidence threshold and no evidence backs it. */
export function isUnsupported(item: TItem, answer: TAnswer | undefined): boolean {
  if (!answer || item.evidenceAbove === undefined) return false;
  const s = itemScore(item, answer.value);
  return s !== null && s > item.evidenceAbove && answer.evidence === 0;
}
