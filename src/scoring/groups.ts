// What a group of respondents says together: the computed default answer (the starting point for the
// workshop) and the perception gap between government and non-government respondents.
// See docs/METHODOLOGY.md §6–§7.
import type { TInstrument, TItem } from '../instrument/schema.ts';
import { itemScore } from './item.ts';
import type { TAnswers, TStatus, TValue } from './types.ts';
import { allPillars } from '../instrument/model.ts';

/** The lower median (for an even count, the lower of the two middle values: the conservative choice). */
export function lowerMedian(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] as number;
}

const STATUS_ORDER: TStatus[] = ['no', 'partly', 'yes'];

/**
 * The computed default answer of a group: median level or number, modal status (ties → the lower
 * status), options checked by more than half. "Don't know" when nobody gave a substantive answer.
 */
export function defaultAnswer(item: TItem, values: readonly TValue[]): TValue | null {
  if (item.type === 'text') return null;
  const subst = values.filter((v) => v.kind !== 'excluded');
  if (subst.length === 0) {
    if (values.length === 0) return null;
    const na = values.filter((v) => v.kind === 'excluded' && v.reason === 'not_applicable').length;
    return { kind: 'excluded', reason: na * 2 > values.length ? 'not_applicable' : 'dont_know' };
  }
  switch (item.type) {
    case 'level': {
      const xs = subst.flatMap((v) => (v.kind === 'level' ? [v.level] : []));
      return xs.length ? { kind: 'level', level: lowerMedian(xs) } : null;
    }
    case 'number': {
      const xs = subst.flatMap((v) => (v.kind === 'number' ? [v.number] : []));
      return xs.length ? { kind: 'number', number: lowerMedian(xs) } : null;
    }
    case 'status': {
      const counts = STATUS_ORDER.map((s) => subst.filter((v) => v.kind === 'status' && v.status === s).length);
      const max = Math.max(...counts);
      if (max === 0) return null;
      return { kind: 'status', status: STATUS_ORDER[counts.indexOf(max)] as TStatus };
    }
    case 'checklist': {
      const lists = subst.flatMap((v) => (v.kind === 'checklist' ? [v.checked] : []));
      if (!lists.length) return null;
      return { kind: 'checklist', checked: item.options.filter((o) => lists.filter((l) => l.includes(o.id)).length * 2 > lists.length).map((o) => o.id) };
    }
  }
}

/** Mean item score of a group and how many of its members gave a scored answer. */
export function groupItemMean(item: TItem, answers: readonly TAnswers[]): { mean: number | null; n: number } {
  const xs = answers.map((a) => itemScore(item, a.get(item.id)?.value)).filter((x): x is number => x !== null);
  return { mean: xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null, n: xs.length };
}

/** Government and non-government scores and their gap (government − non-government). */
export interface TGap {
  id: string;
  government: number | null;
  nonGovernment: number | null;
  gap: number | null;
}

/**
 * Perception gap per item and per pillar. A group's pillar score is the weighted mean of its item means,
 * over the items at least one member of the group scored.
 */
export function perceptionGaps(inst: TInstrument, government: readonly TAnswers[], nonGovernment: readonly TAnswers[]): { items: TGap[]; pillars: TGap[] } {
  const items: TGap[] = [];
  const pillars: TGap[] = [];
  for (const pillar of allPillars(inst)) {
    const acc = { g: { s: 0, w: 0 }, n: { s: 0, w: 0 } };
    for (const item of pillar.items) {
      if (item.type === 'text' || item.weight === 0) continue;
      const g = groupItemMean(item, government).mean;
      const n = groupItemMean(item, nonGovernment).mean;
      if (g !== null) {
        acc.g.s += item.weight * g;
        acc.g.w += item.weight;
      }
      if (n !== null) {
        acc.n.s += item.weight * n;
        acc.n.w += item.weight;
      }
      items.push({ id: item.id, government: g, nonGovernment: n, gap: g !== null && n !== null ? g - n : null });
    }
    const g = acc.g.w ? acc.g.s / acc.g.w : null;
    const n = acc.n.w ? acc.n.s / acc.n.w : null;
    pillars.push({ id: pillar.id, government: g, nonGovernment: n, gap: g !== null && n !== null ? g - n : null });
  }
  return { items, pillars };
}
