// How a group's answers to one item spread over the answer options: what the workshop discusses and the
// room projects. Buckets follow the item's scale (status yes/partly/no, levels 0–4, number levels 0–4,
// one bucket per checklist option) plus "don't know" and "not applicable", each counted in total and per
// stakeholder side. Pure.
import type { TItem } from '../instrument/schema.ts';
import { numberLevel } from './item.ts';
import type { TValue } from './types.ts';

/** One answer with the respondent's side. */
export interface TSided {
  value: TValue;
  /** Null for a respondent without a stakeholder group: counted in the total, on neither side. */
  government: boolean | null;
}

/** One bucket of a distribution. */
export interface TBucket {
  /** `yes`, `partly`, `no`, `0`–`4`, a checklist option id, `dont_know` or `not_applicable`. */
  key: string;
  total: number;
  government: number;
  nonGovernment: number;
}

/** A distribution: buckets in scale order, and how many answered. */
export interface TDistribution {
  buckets: TBucket[];
  /** Respondents who answered (checklist buckets can sum to more, as several options are checked). */
  answered: number;
}

/** The bucket keys of an item's scale, in display order (excluded answers last). */
export function bucketKeys(item: TItem): string[] {
  const excluded = ['dont_know', 'not_applicable'];
  switch (item.type) {
    case 'status':
      return ['yes', 'partly', 'no', ...excluded];
    case 'level':
    case 'number':
      return ['0', '1', '2', '3', '4', ...excluded];
    case 'checklist':
      return [...item.options.map((o) => o.id), ...excluded];
    case 'text':
      return [];
  }
}

/** The bucket keys one answer falls in (several for a checklist). */
export function bucketsOf(item: TItem, v: TValue): string[] {
  if (v.kind === 'excluded') return [v.reason];
  if (item.type === 'status' && v.kind === 'status') return [v.status];
  if (item.type === 'level' && v.kind === 'level') return [String(v.level)];
  if (item.type === 'number' && v.kind === 'number') return [String(numberLevel(item.thresholds, v.number))];
  if (item.type === 'checklist' && v.kind === 'checklist') return v.checked;
  return [];
}

/** Counts answers per bucket, in total and per side. */
export function distribution(item: TItem, answers: readonly TSided[]): TDistribution {
  const buckets = new Map<string, TBucket>(bucketKeys(item).map((key) => [key, { key, total: 0, government: 0, nonGovernment: 0 }]));
  let answered = 0;
  for (const a of answers) {
    const keys = bucketsOf(item, a.value).filter((k) => buckets.has(k));
    if (!keys.length && !(a.value.kind === 'checklist' && item.type === 'checklist')) continue;
    answered++;
    for (const k of keys) {
      const b = buckets.get(k) as TBucket;
      b.total++;
      if (a.government === true) b.government++;
      else if (a.government === false) b.nonGovernment++;
    }
  }
  return { buckets: [...buckets.values()], answered };
}
