// What a group of respondents says together: the computed default answer (the starting point for the
// workshop) and the perception gap between government and non-government respondents, with a permutation
// test of whether a gap is more than noise. See docs/METHODOLOGY.md §6–§7.
import type { TInstrument, TItem } from '../instrument/schema.ts';
import { itemScore } from './item.ts';
import { seededRandom } from './prng.ts';
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

/**
 * Fewest members of each side with a scored answer before an item is compared. Below it a side's mean
 * would nearly reveal individual answers, and the permutation test could not reach p < 0.05 (5 + 5
 * respondents allow 252 splits; 3 + 3 only 20, whose smallest two-sided p is 0.1).
 */
export const MIN_GROUP_SIZE = 5;

/** Government and non-government scores and their gap (government − non-government). */
export interface TGap {
  id: string;
  /** Item: the side's mean item score; pillar: its weighted mean over the compared items. Null when not compared. */
  government: number | null;
  nonGovernment: number | null;
  gap: number | null;
  /** Members of each side with a scored answer (for a pillar: on at least one compared item). */
  nGovernment: number;
  nNonGovernment: number;
  /** Items compared: where both sides reach the minimum group size (an item: 1 or 0). */
  compared: number;
}

/** Item scores of every respondent of both sides, government first: the data of the gap and its test. */
interface TGapData {
  items: { id: string; pillarId: string; weight: number }[];
  /** Row-major respondents × items; NaN where the respondent gave no scored answer. */
  x: Float64Array;
  n: number;
  g: number;
}

function gapData(inst: TInstrument, government: readonly TAnswers[], nonGovernment: readonly TAnswers[]): TGapData {
  const items = allPillars(inst).flatMap((p) => p.items.filter((i) => i.type !== 'text' && i.weight > 0).map((item) => ({ item, pillarId: p.id })));
  const all = [...government, ...nonGovernment];
  const x = new Float64Array(all.length * items.length);
  all.forEach((a, r) => items.forEach(({ item }, i) => (x[r * items.length + i] = itemScore(item, a.get(item.id)?.value) ?? Number.NaN)));
  return { items: items.map(({ item, pillarId }) => ({ id: item.id, pillarId, weight: item.weight })), x, n: all.length, g: government.length };
}

/** Sums and counts of scored answers per item over the given respondent rows (into `into` when given: the permutations reuse one pair). */
function sideSums(d: TGapData, rows: ArrayLike<number>, into?: { s: Float64Array; c: Int32Array }): { s: Float64Array; c: Int32Array } {
  const I = d.items.length;
  const s = into ? into.s.fill(0) : new Float64Array(I);
  const c = into ? into.c.fill(0) : new Int32Array(I);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k] as number;
    const o = r * I;
    for (let i = 0; i < I; i++) {
      const v = d.x[o + i] as number;
      // NaN (no scored answer) is the only value unequal to itself.
      if (v === v) {
        s[i] = (s[i] as number) + v;
        c[i] = (c[i] as number) + 1;
      }
    }
  }
  return { s, c };
}

const range = (a: number, b: number) => Array.from({ length: b - a }, (_, k) => a + k);

/**
 * Perception gap per item and per pillar, on the items both sides scored with at least `minGroup` members
 * each: a pillar's gap is the weighted mean of its compared items' gaps, and each side's pillar score is its
 * weighted mean over those same items, so the gap is their difference and never an artefact of which items
 * each side happened to answer. Respondents without a stakeholder group belong to neither side (the caller
 * leaves them out).
 */
export function perceptionGaps(inst: TInstrument, government: readonly TAnswers[], nonGovernment: readonly TAnswers[], minGroup = MIN_GROUP_SIZE): { items: TGap[]; pillars: TGap[] } {
  const d = gapData(inst, government, nonGovernment);
  const I = d.items.length;
  const G = sideSums(d, range(0, d.g));
  const N = sideSums(d, range(d.g, d.n));
  const compared = d.items.map((_, i) => (G.c[i] as number) >= minGroup && (N.c[i] as number) >= minGroup);
  const items: TGap[] = d.items.map((it, i) => {
    const ok = compared[i] as boolean;
    const g = ok ? (G.s[i] as number) / (G.c[i] as number) : null;
    const n = ok ? (N.s[i] as number) / (N.c[i] as number) : null;
    return { id: it.id, government: g, nonGovernment: n, gap: g !== null && n !== null ? g - n : null, nGovernment: G.c[i] as number, nNonGovernment: N.c[i] as number, compared: ok ? 1 : 0 };
  });
  const weight = (i: number) => (d.items[i] as TGapData['items'][number]).weight;
  const pillars: TGap[] = allPillars(inst).map((p) => {
    const idx = range(0, I).filter((i) => d.items[i]?.pillarId === p.id && compared[i]);
    const w = idx.reduce((s, i) => s + weight(i), 0);
    const wmean = (side: 'government' | 'nonGovernment') => (w > 0 ? idx.reduce((s, i) => s + weight(i) * ((items[i] as TGap)[side] as number), 0) / w : null);
    const g = wmean('government');
    const n = wmean('nonGovernment');
    const members = (rows: number[]) => rows.filter((r) => idx.some((i) => !Number.isNaN(d.x[r * I + i] as number))).length;
    return { id: p.id, government: g, nonGovernment: n, gap: g !== null && n !== null ? g - n : null, nGovernment: members(range(0, d.g)), nNonGovernment: members(range(d.g, d.n)), compared: idx.length };
  });
  return { items, pillars };
}

/** Permutation test of the perception gaps: two-sided p-values per compared item and per pillar. */
export interface TGapTest {
  /** `exact` when every split of the respondents into sides of the observed sizes was tried. */
  method: 'exact' | 'monte_carlo';
  /** Splits tried (exact: all of them, the observed one included). */
  permutations: number;
  seed: number;
  items: Record<string, number>;
  pillars: Record<string, number>;
}

/** Significance level under which a gap is called distinguishable from noise. */
export const GAP_ALPHA = 0.05;

function binomial(n: number, k: number): number {
  let c = 1;
  for (let j = 1; j <= k; j++) c = (c * (n - k + j)) / j;
  return Math.round(c);
}

/**
 * Tests each gap against the split of respondents into sides being arbitrary: the side labels are
 * permuted (sizes kept), the gaps recomputed on the same compared items, and p = the share of splits whose
 * gap is at least as far from 0 as the observed one. When the splits number no more than `permutations`,
 * all are enumerated (an exact p); otherwise `permutations` random splits from `seed` give
 * p = (1 + exceedances) / (1 + permutations), which is never 0.
 */
export function gapTest(inst: TInstrument, government: readonly TAnswers[], nonGovernment: readonly TAnswers[], opts: { permutations?: number; seed?: number; minGroup?: number } = {}): TGapTest {
  const permutations = opts.permutations ?? 999;
  const seed = opts.seed ?? 3;
  const observed = perceptionGaps(inst, government, nonGovernment, opts.minGroup);
  const d = gapData(inst, government, nonGovernment);
  const I = d.items.length;
  const weight = (i: number) => (d.items[i] as TGapData['items'][number]).weight;
  const itemIdx = range(0, I).filter((i) => observed.items[i]?.gap !== null);
  const pillarIds = observed.pillars.filter((p) => p.gap !== null).map((p) => p.id);
  const byPillar = pillarIds.map((id) => itemIdx.filter((i) => d.items[i]?.pillarId === id));
  const total = sideSums(d, range(0, d.n));
  const obsItem = itemIdx.map((i) => Math.abs(observed.items[i]?.gap as number));
  const obsPillar = pillarIds.map((id) => Math.abs(observed.pillars.find((p) => p.id === id)?.gap as number));
  const hitsItem = new Int32Array(itemIdx.length);
  const hitsPillar = new Int32Array(pillarIds.length);
  const gaps = new Float64Array(I);
  // Ties with the observed gap count as at least as extreme (floating-point sums differ in the last bits).
  const eps = 1e-12;
  const G = { s: new Float64Array(I), c: new Int32Array(I) };
  const tally = (gov: ArrayLike<number>) => {
    sideSums(d, gov, G);
    for (const i of itemIdx) {
      const cg = G.c[i] as number;
      const cn = (total.c[i] as number) - cg;
      gaps[i] = cg > 0 && cn > 0 ? (G.s[i] as number) / cg - ((total.s[i] as number) - (G.s[i] as number)) / cn : Number.NaN;
    }
    itemIdx.forEach((i, k) => {
      if (Math.abs(gaps[i] as number) >= (obsItem[k] as number) - eps) hitsItem[k] = (hitsItem[k] as number) + 1;
    });
    byPillar.forEach((idx, k) => {
      let s = 0;
      let w = 0;
      for (const i of idx) {
        const v = gaps[i] as number;
        if (v !== v) continue;
        const wi = weight(i);
        s += wi * v;
        w += wi;
      }
      if (w > 0 && Math.abs(s / w) >= (obsPillar[k] as number) - eps) hitsPillar[k] = (hitsPillar[k] as number) + 1;
    });
  };
  const splits = binomial(d.n, d.g);
  let method: TGapTest['method'];
  let tried: number;
  if (itemIdx.length === 0) {
    method = 'exact';
    tried = 0;
  } else if (splits <= permutations) {
    method = 'exact';
    tried = splits;
    // Every g-subset of the n respondents, in lexicographic order.
    const c = range(0, d.g);
    for (;;) {
      tally(c);
      let j = d.g - 1;
      while (j >= 0 && c[j] === d.n - d.g + j) j--;
      if (j < 0) break;
      c[j] = (c[j] as number) + 1;
      for (let k = j + 1; k < d.g; k++) c[k] = (c[k - 1] as number) + 1;
    }
  } else {
    method = 'monte_carlo';
    tried = permutations;
    const rnd = seededRandom(seed);
    const idx = Int32Array.from(range(0, d.n));
    for (let t = 0; t < permutations; t++) {
      // Partial Fisher–Yates: the first g positions become a uniformly random government side.
      for (let k = 0; k < d.g; k++) {
        const j = k + Math.floor(rnd() * (d.n - k));
        const tmp = idx[k] as number;
        idx[k] = idx[j] as number;
        idx[j] = tmp;
      }
      tally(idx.subarray(0, d.g));
    }
  }
  const p = (hits: number) => (method === 'exact' ? hits / tried : (1 + hits) / (1 + tried));
  return {
    method,
    permutations: tried,
    seed,
    items: Object.fromEntries(itemIdx.map((i, k) => [d.items[i]?.id as string, p(hitsItem[k] as number)])),
    pillars: Object.fromEntries(pillarIds.map((id, k) => [id, p(hitsPillar[k] as number)])),
  };
}
