// Agreement among respondents on one item, in [0,1]: 1 = all agree, 0 = maximal disagreement.
// Ordinal answers (status, level, number levels) use Tastle & Wierman's consensus measure (2007); checklists,
// whose options are nominal yes/no choices, use 1 − normalised Shannon entropy averaged over options.
// "Don't know" and "not applicable" are left out. See docs/METHODOLOGY.md §5.
import type { TItem } from '../instrument/schema.ts';
import { itemScore, numberLevel } from './item.ts';
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

/**
 * Krippendorff's α with the ordinal metric. Each unit lists the values its coders gave (one per coder who
 * answered); units with fewer than two values cannot be paired and leave. α = 1 − D_o / D_e, with
 * coincidences o_ck = Σ_u n_uc (n_uk − [c = k]) / (m_u − 1), marginals n_c and the ordinal distance
 * δ²_ck = (Σ_{g between c and k} n_g − (n_c + n_k) / 2)². Null without pairable values or when every value
 * is the same (no expected disagreement to compare with).
 */
export function krippendorffOrdinal(units: readonly (readonly number[])[]): number | null {
  const pairable = units.filter((u) => u.length >= 2);
  const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
  const V = values.length;
  if (V < 2) return null;
  const at = new Map(values.map((v, i) => [v, i]));
  const o = Array.from({ length: V }, () => new Float64Array(V));
  for (const u of pairable) {
    const nu = new Float64Array(V);
    for (const v of u) nu[at.get(v) as number] = (nu[at.get(v) as number] as number) + 1;
    for (let c = 0; c < V; c++) {
      const nc = nu[c] as number;
      if (!nc) continue;
      for (let k = 0; k < V; k++) {
        const pairs = nc * ((nu[k] as number) - (c === k ? 1 : 0));
        if (pairs) (o[c] as Float64Array)[k] = ((o[c] as Float64Array)[k] as number) + pairs / (u.length - 1);
      }
    }
  }
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < V; c++) {
    for (let k = 0; k < V; k++) {
      if (c === k) continue;
      let between = 0;
      for (let g = Math.min(c, k); g <= Math.max(c, k); g++) between += nc[g] as number;
      const delta = (between - ((nc[c] as number) + (nc[k] as number)) / 2) ** 2;
      observed += ((o[c] as Float64Array)[k] as number) * delta;
      expected += (nc[c] as number) * (nc[k] as number) * delta;
    }
  }
  return expected > 0 ? 1 - ((n - 1) * observed) / expected : null;
}

/** How far Krippendorff's α lets the respondents' answers be relied on. */
export type TAlphaReading = 'reliable' | 'tentative' | 'low';

/** Krippendorff's (2004) guidance: α ≥ 0.800 reliable, 0.667–0.800 only for tentative conclusions, below that low. */
export function alphaReading(alpha: number | null): TAlphaReading | null {
  if (alpha === null) return null;
  if (alpha >= 0.8) return 'reliable';
  if (alpha >= 0.667) return 'tentative';
  return 'low';
}

/** Krippendorff's α (ordinal) of a pillar's ordinal items (status, level, number), on their item scores. */
export function pillarAlpha(items: readonly TItem[], values: readonly (readonly TValue[])[]): number | null {
  const units: number[][] = [];
  items.forEach((item, i) => {
    if (item.type !== 'status' && item.type !== 'level' && item.type !== 'number') return;
    if (item.weight === 0) return;
    units.push((values[i] ?? []).map((v) => itemScore(item, v)).filter((x): x is number => x !== null));
  });
  return krippendorffOrdinal(units);
}
