// Agreement among respondents on one item, in [0,1]: 1 = all agree, 0 = maximal disagreement.
// Ordinal answers (status, level, number levels) use Tastle & Wierman's consensus measure (2007); checklists,
// whose options are nominal yes/no choices, use 1 − normalised Shannon entropy averaged over options.
// "Don't know" and "not applicable" are left out. See docs/METHODOLOGY.md §5.
import type { TItem } from '../instrument/schema.ts';
import { numberLevel } from './item.ts';
import type { TValue } from './types.ts';

/**
 * Tastle–Wierman consensus of ordinal values on a scale [min, max]:
 * Cns = 1 + Σ pᵢ · log₂(1 − |xᵢ − μ| / d), d = max − min. Null for no values.
 */
export function tastleWierman(values: readonly number[], min: number, max: number): number | null {
  if (values.length === 0) return null;
  const d = max - min;
  if (d <= 0) return 1;
  const mu = values.reduce((s, v) => s + v, 0) / values.length;
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let sum = 0;
  for (const [x, c] of counts) {
    const p = c / values.length;
    const inner = 1 - Math.abs(x - mu) / d;
    // inner is 0 only when every answer sits at the other extreme, where p would be 0: guard rounding.
    sum += p * Math.log2(Math.max(inner, Number.EPSILON));
  }
  return clamp01(1 + sum);
}

/** 1 − H(p)/log₂(k) for counts over k categories (k ≥ 2); 1 when all fall in one category. */
export function entropyAgreement(counts: readonly number[]): number | null {
  const n = counts.reduce((s, c) => s + c, 0);
  if (n === 0 || counts.length < 2) return null;
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / n) * Math.log2(c / n);
  return clamp01(1 - h / Math.log2(counts.length));
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, Math.round(x * 1e12) / 1e12));
}

const STATUS_ORDINAL = { no: 0, partly: 1, yes: 2 } as const;

/** The ordinal position of an answer on the item's scale, or null when it is not ordinal or excluded. */
export function ordinalOf(item: TItem, v: TValue): number | null {
  if (item.type === 'status' && v.kind === 'status') return STATUS_ORDINAL[v.status];
  if (item.type === 'level' && v.kind === 'level') return v.level;
  if (item.type === 'number' && v.kind === 'number') return numberLevel(item.thresholds, v.number);
  return null;
}

/** Agreement on one item among the given answers; null when fewer than two substantive answers. */
export function itemAgreement(item: TItem, values: readonly TValue[]): number | null {
  const subst = values.filter((v) => v.kind !== 'excluded');
  if (subst.length < 2 || item.type === 'text') return null;
  if (item.type === 'checklist') {
    const per = item.options.map((o) => {
      const yes = subst.filter((v) => v.kind === 'checklist' && v.checked.includes(o.id)).length;
      return entropyAgreement([yes, subst.length - yes]) as number;
    });
    return clamp01(per.reduce((s, x) => s + x, 0) / per.length);
  }
  const xs = subst.map((v) => ordinalOf(item, v)).filter((x): x is number => x !== null);
  const max = item.type === 'status' ? 2 : 4;
  return xs.length < 2 ? null : tastleWierman(xs, 0, max);
}
