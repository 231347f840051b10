// How far the scores could move: a bootstrap over respondents (which people happened to answer), a global
// sensitivity analysis (weights ±20 % and the consolidation rule, varied together) and the permutation test
// of the perception gaps. Seeded, so the same answers always give the same intervals (docs/METHODOLOGY.md
// §13). Pure. It re-consolidates hundreds of times, so answers are first encoded as small integers per
// item and respondent; `uncertainty.test.ts` checks that the encoded path gives exactly the scores of
// `consolidate` and `scoreAnswers`.
import type { TInstrument, TItem } from '../instrument/schema.ts';
import { band } from './bands.ts';
import type { TRespondent } from './consolidate.ts';
import { gapTest, type TGapTest } from './groups.ts';
import { itemScore, numberLevel } from './item.ts';
import { seededRandom } from './prng.ts';
import type { TBand, TValue } from './types.ts';

/** How an item's default answer is formed from the respondents' answers. */
export const RULES = ['lower_median', 'upper_median', 'mean'] as const;
/** A consolidation rule: the engine's (lower median, ties to the lower status, options checked by more than half), its generous mirror, or the plain mean of item scores. */
export type TRule = (typeof RULES)[number];

/** A 95 % bootstrap interval and how often the band of the score held. */
export interface TInterval {
  low: number | null;
  high: number | null;
  /** Share of resamples whose score falls in the score's band; null when the score has no band. */
  bandProbability: number | null;
}

/** The range a pillar's rank (1 = highest score) takes over the global sensitivity draws. */
export interface TRankRange {
  baseline: number;
  min: number;
  max: number;
}

/** Everything the uncertainty analysis reports. */
export interface TUncertainty {
  bootstrap: { resamples: number; seed: number; index: TInterval; parts: Record<string, TInterval>; pillars: Record<string, TInterval> };
  global: { draws: number; seed: number; weightChange: number; rules: readonly TRule[]; index: { baseline: number | null; min: number | null; max: number | null }; ranks: Record<string, TRankRange> };
  gapTest: TGapTest;
}

/** Options; the defaults are the ones the methodology states. */
export interface TUncertaintyOptions {
  resamples?: number;
  draws?: number;
  permutations?: number;
  /** Fixed resamples (each a list of respondent positions, repeats allowed) instead of drawn ones. */
  resampleSets?: readonly (readonly number[])[];
}

/** Resamples, draws and permutations, and the seed of each generator (mulberry32, src/scoring/prng.ts). */
export const UNCERTAINTY_DEFAULTS = { resamples: 1000, draws: 1000, permutations: 999, weightChange: 0.2, seeds: { bootstrap: 1, global: 2, permutations: 3 } } as const;

// Answer codes: the category of a status (0–2) or ordinal answer (0–4), or one of these. A checklist
// answer is SUBSTANTIVE, its checked options kept apart as a bit mask. Small codes let the bootstrap count
// answers with one array increment per respondent and item.
const SUBSTANTIVE = 0;
const DONT_KNOW = 5;
const NOT_APPLICABLE = 6;
const MISSING = 7;

const STATUS_CAT = { no: 0, partly: 1, yes: 2 } as const;

/** An item as the encoded path sees it. */
interface TCoded {
  kind: 'ordinal' | 'status' | 'checklist';
  weight: number;
  pillar: number;
  /** Checklist option weights and their total. */
  options: number[];
  optionTotal: number;
  /** The workshop's agreed answer, fixed in every resample: its score (NaN for none) and whether it is "not applicable". */
  fixed: { score: number; na: boolean } | null;
}

function code(item: TItem, v: TValue | undefined): number {
  if (!v) return MISSING;
  if (v.kind === 'excluded') return v.reason === 'not_applicable' ? NOT_APPLICABLE : DONT_KNOW;
  // Only answers that score count as substantive; the answering forms never store others.
  if (itemScore(item, v) === null) return MISSING;
  if (item.type === 'level' && v.kind === 'level') return v.level;
  if (item.type === 'number' && v.kind === 'number') return numberLevel(item.thresholds, v.number);
  if (item.type === 'status' && v.kind === 'status') return STATUS_CAT[v.status];
  return item.type === 'checklist' ? SUBSTANTIVE : MISSING;
}

function optionMask(item: TItem, v: TValue | undefined): number {
  if (item.type !== 'checklist' || v?.kind !== 'checklist') return 0;
  let mask = 0;
  item.options.forEach((o, k) => {
    if (v.checked.includes(o.id)) mask |= 1 << k;
  });
  return mask;
}

/**
 * The encoded assessment: items, pillars, parts and, respondent by respondent (so a respondent a resample
 * leaves out is skipped at once), each answer's counter slot `item × 8 + code`; checklist option masks
 * respondent by respondent over the checklist items.
 */
interface TEncoded {
  items: TCoded[];
  ids: string[];
  pillars: { id: string; weight: number; part: number }[];
  parts: string[];
  n: number;
  slots: Int32Array;
  /** Positions of the checklist items among `items`. */
  checklists: number[];
  masks: Int32Array;
}

function encode(inst: TInstrument, respondents: readonly TRespondent[], consensus: ReadonlyMap<string, TValue>): TEncoded {
  const pillars: TEncoded['pillars'] = [];
  const parts: string[] = [];
  const scored: { item: TItem; pillar: number }[] = [];
  inst.parts.forEach((part, pi) => {
    parts.push(part.id);
    for (const p of part.pillars) {
      pillars.push({ id: p.id, weight: p.weight, part: pi });
      for (const item of p.items) if (item.type !== 'text' && item.weight > 0) scored.push({ item, pillar: pillars.length - 1 });
    }
  });
  const n = respondents.length;
  const I = scored.length;
  const checklists = scored.flatMap(({ item }, i) => (item.type === 'checklist' ? [i] : []));
  const C = checklists.length;
  const slots = new Int32Array(I * n);
  const masks = new Int32Array(C * n);
  const items = scored.map(({ item, pillar }, i) => {
    const ci = checklists.indexOf(i);
    respondents.forEach((r, k) => {
      const v = r.answers.get(item.id)?.value;
      slots[k * I + i] = i * 8 + code(item, v);
      if (ci >= 0) masks[k * C + ci] = optionMask(item, v);
    });
    const c = consensus.get(item.id);
    const options = item.type === 'checklist' ? item.options.map((o) => o.weight) : [];
    return {
      kind: item.type === 'checklist' ? 'checklist' : item.type === 'status' ? 'status' : 'ordinal',
      weight: item.weight,
      pillar,
      options,
      optionTotal: options.reduce((s, w) => s + w, 0),
      fixed: c ? { score: itemScore(item, c) ?? Number.NaN, na: c.kind === 'excluded' && c.reason === 'not_applicable' } : null,
    } satisfies TCoded;
  });
  return { items, ids: scored.map((x) => x.item.id), pillars, parts, n, slots, checklists, masks };
}

/**
 * Item scores (NaN where none) and "not applicable" flags of the default answers formed by `rule` from the
 * respondents counted `mult[r]` times each; agreed answers stay as agreed.
 */
function itemScores(e: TEncoded, mult: Int32Array, rule: TRule, score: Float64Array, na: Uint8Array): void {
  const I = e.items.length;
  const C = e.checklists.length;
  const all = new Int32Array(I * 8);
  const opts = new Int32Array(C * 32);
  const { slots, masks } = e;
  // The hot loop of the bootstrap: one increment per answer of each respondent the resample holds.
  for (let r = 0; r < e.n; r++) {
    const m = mult[r] as number;
    if (m === 0) continue;
    const o = r * I;
    for (let i = 0; i < I; i++) {
      const slot = slots[o + i] as number;
      all[slot] = (all[slot] as number) + m;
    }
    for (let j = 0; j < C; j++) {
      const mask = masks[r * C + j] as number;
      for (let k = 0; mask >> k; k++) if (mask & (1 << k)) opts[j * 32 + k] = (opts[j * 32 + k] as number) + m;
    }
  }
  for (let i = 0; i < I; i++) {
    const it = e.items[i] as TCoded;
    if (it.fixed) {
      score[i] = it.fixed.score;
      na[i] = it.fixed.na ? 1 : 0;
      continue;
    }
    const counts = all.subarray(i * 8, i * 8 + 8);
    const dk = counts[DONT_KNOW] as number;
    const nap = counts[NOT_APPLICABLE] as number;
    let sub = 0;
    for (let c = 0; c < 5; c++) sub += counts[c] as number;
    let sum = 0;
    const opt = it.kind === 'checklist' ? opts.subarray(e.checklists.indexOf(i) * 32) : opts;
    na[i] = 0;
    if (sub === 0) {
      // Nobody gave a substantive answer: "not applicable" when most said so, else no score (§6, §12).
      score[i] = Number.NaN;
      na[i] = nap * 2 > dk + nap ? 1 : 0;
      continue;
    }
    if (it.kind === 'checklist') {
      for (let k = 0; k < it.options.length; k++) {
        const ck = opt[k] as number;
        const take = rule === 'mean' ? ck / sub : rule === 'lower_median' ? (ck * 2 > sub ? 1 : 0) : ck * 2 >= sub ? 1 : 0;
        sum += take * (it.options[k] as number);
      }
      score[i] = sum / it.optionTotal;
      continue;
    }
    const cats = it.kind === 'status' ? 3 : 5;
    const scale = cats - 1;
    if (rule === 'mean') {
      for (let c = 0; c < cats; c++) sum += c * (counts[c] as number);
      score[i] = sum / sub / scale;
    } else if (it.kind === 'status') {
      // Modal status; a tie goes to the lower status (engine) or the higher one (mirror).
      let best = -1;
      let at = 0;
      for (let c = 0; c < cats; c++) {
        const x = counts[c] as number;
        if (x > best || (x === best && rule === 'upper_median')) {
          best = x;
          at = c;
        }
      }
      score[i] = at / scale;
    } else {
      // The lower (or upper) median: the value at 0-based rank ⌊(n−1)/2⌋ (or ⌊n/2⌋) of the sorted answers.
      const rank = rule === 'lower_median' ? Math.floor((sub - 1) / 2) : Math.floor(sub / 2);
      let cum = 0;
      let c = 0;
      for (; c < cats; c++) {
        cum += counts[c] as number;
        if (cum > rank) break;
      }
      score[i] = c / scale;
    }
  }
}

/** Item scores of the default answers formed by a consolidation rule from all respondents (agreed answers kept); null where none. */
export function ruleScores(inst: TInstrument, respondents: readonly TRespondent[], consensus: ReadonlyMap<string, TValue>, rule: TRule): Map<string, number | null> {
  const e = encode(inst, respondents, consensus);
  const score = new Float64Array(e.items.length);
  itemScores(e, new Int32Array(e.n).fill(1), rule, score, new Uint8Array(e.items.length));
  return new Map(e.ids.map((id, i) => [id, nullable(score[i] as number)]));
}

/** Pillar, part and index scores (NaN where none) from item scores, with the given weights. */
function aggregate(e: TEncoded, score: Float64Array, itemW: Float64Array, pillarW: Float64Array, pillarOut: Float64Array, partOut: Float64Array): number {
  const P = e.pillars.length;
  const ps = new Float64Array(P);
  const pw = new Float64Array(P);
  for (let i = 0; i < e.items.length; i++) {
    const s = score[i] as number;
    if (s !== s) continue;
    const p = (e.items[i] as TCoded).pillar;
    const w = itemW[i] as number;
    ps[p] = (ps[p] as number) + w * s;
    pw[p] = (pw[p] as number) + w;
  }
  const qs = new Float64Array(e.parts.length);
  const qw = new Float64Array(e.parts.length);
  let is = 0;
  let iw = 0;
  for (let p = 0; p < P; p++) {
    const w = pw[p] as number;
    const s = w > 0 ? (ps[p] as number) / w : Number.NaN;
    pillarOut[p] = s;
    if (s !== s) continue;
    const W = pillarW[p] as number;
    const q = (e.pillars[p] as TEncoded['pillars'][number]).part;
    qs[q] = (qs[q] as number) + W * s;
    qw[q] = (qw[q] as number) + W;
    is += W * s;
    iw += W;
  }
  for (let q = 0; q < e.parts.length; q++) partOut[q] = (qw[q] as number) > 0 ? (qs[q] as number) / (qw[q] as number) : Number.NaN;
  return iw > 0 ? is / iw : Number.NaN;
}

/** The p-quantile of sorted values with linear interpolation between order statistics (Hyndman–Fan type 7). */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/** The 2.5 % and 97.5 % quantiles of the defined resample scores, and the share of resamples in the point score's band. */
function interval(values: Float64Array, point: number | null, pointBand: TBand | null): TInterval {
  const defined = Array.from(values).filter((x) => x === x).sort((a, b) => a - b);
  return {
    low: quantile(defined, 0.025),
    high: quantile(defined, 0.975),
    bandProbability: point === null || pointBand === null || values.length === 0 ? null : Array.from(values).filter((x) => x === x && band(x) === pointBand).length / values.length,
  };
}

/** Pillar ranks (1 = highest score; no score last; ties by pillar id, as the sensitivity table orders them). */
function ranks(ids: readonly string[], scores: Float64Array): Int32Array {
  const order = ids.map((id, p) => ({ id, p, s: scores[p] as number })).sort((a, b) => (b.s === b.s ? b.s : -1) - (a.s === a.s ? a.s : -1) || a.id.localeCompare(b.id));
  const out = new Int32Array(ids.length);
  order.forEach((x, k) => (out[x.p] = k + 1));
  return out;
}

const nullable = (x: number) => (x === x ? x : null);

/**
 * The uncertainty of an assessment's scores: bootstrap intervals for the index, parts and pillars with the
 * probability that each band holds, the range of the index and of pillar ranks when weights (±20 %) and
 * the consolidation rule vary together, and the permutation test of the perception gaps.
 * `point` is the consolidation's scores (the intervals and probabilities are about them).
 */
export function uncertainty(
  inst: TInstrument,
  respondents: readonly TRespondent[],
  consensus: ReadonlyMap<string, TValue>,
  point: { score: number | null; band: TBand | null; parts: readonly { id: string; score: number | null; band: TBand | null }[]; pillars: readonly { id: string; score: number | null; band: TBand | null }[] },
  opts: TUncertaintyOptions = {},
): TUncertainty {
  const D = UNCERTAINTY_DEFAULTS;
  const e = encode(inst, respondents, consensus);
  const I = e.items.length;
  const P = e.pillars.length;
  const Q = e.parts.length;
  const score = new Float64Array(I);
  const na = new Uint8Array(I);
  const itemW = Float64Array.from(e.items.map((x) => x.weight));
  const pillarW = Float64Array.from(e.pillars.map((x) => x.weight));
  const pillarOut = new Float64Array(P);
  const partOut = new Float64Array(Q);

  // Bootstrap: resample respondents with replacement, consolidate again with the engine's rule, score.
  const sets = opts.resampleSets;
  const B = e.n === 0 ? 0 : (sets?.length ?? opts.resamples ?? D.resamples);
  const bIndex = new Float64Array(B);
  const bPillar = Array.from({ length: P }, () => new Float64Array(B));
  const bPart = Array.from({ length: Q }, () => new Float64Array(B));
  const rnd = seededRandom(D.seeds.bootstrap);
  const mult = new Int32Array(e.n);
  for (let b = 0; b < B; b++) {
    mult.fill(0);
    const set = sets?.[b];
    if (set) for (const r of set) mult[r] = (mult[r] as number) + 1;
    else for (let k = 0; k < e.n; k++) {
      const r = Math.floor(rnd() * e.n);
      mult[r] = (mult[r] as number) + 1;
    }
    itemScores(e, mult, 'lower_median', score, na);
    bIndex[b] = aggregate(e, score, itemW, pillarW, pillarOut, partOut);
    for (let p = 0; p < P; p++) (bPillar[p] as Float64Array)[b] = pillarOut[p] as number;
    for (let q = 0; q < Q; q++) (bPart[q] as Float64Array)[b] = partOut[q] as number;
  }
  const pointOf = (list: readonly { id: string; score: number | null; band: TBand | null }[], id: string) => list.find((x) => x.id === id);
  const bootstrap: TUncertainty['bootstrap'] = {
    resamples: B,
    seed: D.seeds.bootstrap,
    index: interval(bIndex, point.score, point.band),
    parts: Object.fromEntries(e.parts.map((id, q) => [id, interval(bPart[q] as Float64Array, pointOf(point.parts, id)?.score ?? null, pointOf(point.parts, id)?.band ?? null)])),
    pillars: Object.fromEntries(e.pillars.map((x, p) => [x.id, interval(bPillar[p] as Float64Array, pointOf(point.pillars, x.id)?.score ?? null, pointOf(point.pillars, x.id)?.band ?? null)])),
  };

  // Global sensitivity: each draw picks a rule and multiplies every pillar and item weight by a factor in [0.8, 1.2].
  const ones = new Int32Array(e.n).fill(1);
  const byRule = RULES.map((rule) => {
    const s = new Float64Array(I);
    itemScores(e, ones, rule, s, new Uint8Array(I));
    return s;
  });
  const ids = e.pillars.map((x) => x.id);
  const baselineIndex = aggregate(e, byRule[0] as Float64Array, itemW, pillarW, pillarOut, partOut);
  const baseRanks = ranks(ids, pillarOut);
  const minRank = Int32Array.from(baseRanks);
  const maxRank = Int32Array.from(baseRanks);
  const G = e.n === 0 ? 0 : (opts.draws ?? D.draws);
  const grnd = seededRandom(D.seeds.global);
  const w = new Float64Array(I);
  const W = new Float64Array(P);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const factor = () => 1 + D.weightChange * (2 * grnd() - 1);
  for (let g = 0; g < G; g++) {
    const rule = Math.min(RULES.length - 1, Math.floor(grnd() * RULES.length));
    for (let p = 0; p < P; p++) W[p] = (pillarW[p] as number) * factor();
    for (let i = 0; i < I; i++) w[i] = (itemW[i] as number) * factor();
    const x = aggregate(e, byRule[rule] as Float64Array, w, W, pillarOut, partOut);
    if (x === x) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    const rk = ranks(ids, pillarOut);
    for (let p = 0; p < P; p++) {
      minRank[p] = Math.min(minRank[p] as number, rk[p] as number);
      maxRank[p] = Math.max(maxRank[p] as number, rk[p] as number);
    }
  }
  const base = nullable(baselineIndex);
  const global: TUncertainty['global'] = {
    draws: G,
    seed: D.seeds.global,
    weightChange: D.weightChange,
    rules: RULES,
    index: { baseline: base, min: base === null ? null : Math.min(base, lo), max: base === null ? null : Math.max(base, hi) },
    ranks: Object.fromEntries(ids.map((id, p) => [id, { baseline: baseRanks[p] as number, min: minRank[p] as number, max: maxRank[p] as number }])),
  };

  return {
    bootstrap,
    global,
    gapTest: gapTest(
      inst,
      respondents.filter((r) => r.government === true).map((r) => r.answers),
      respondents.filter((r) => r.government === false).map((r) => r.answers),
      { permutations: opts.permutations ?? D.permutations, seed: D.seeds.permutations },
    ),
  };
}

