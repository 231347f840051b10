// Citizen pulse statistics (docs/METHODOLOGY.md, "Citizen pulse"): each question's distribution with a 95 %
// Wilson interval, the 0–100 stage scores the self-assessment is compared with, breakdowns by demographic
// with small cells suppressed, and answers per day. Pure: answer sheets in, numbers out.
import { DEMOGRAPHICS, PULSE_STAGES, isScored, type TPulseInstrument, type TPulseQuestion, type TPulseStage } from '../instrument/pulse/schema.ts';

/** One person's answers: option id (or ids, for a multiple choice) by question id. */
export type TSheet = Readonly<Record<string, string | readonly string[]>>;

/** Answer sheets needed before any pulse result is shown: below it a share's interval is wider than ±18 points. */
export const MIN_PULSE_SAMPLE = 30;
/** Smallest group shown in a breakdown: a cell of fewer people is suppressed (it could single someone out). */
export const MIN_CELL = 5;
/** The normal quantile of a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

/** The 95 % Wilson score interval of a proportion k/n; null when n = 0. */
export function wilson(k: number, n: number, z = Z95): { low: number; high: number } | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** One option's share among those who answered the question. */
export interface TShare {
  option: string;
  count: number;
  share: number;
  low: number;
  high: number;
}

/** A question's distribution: who answered it and each option's share. */
export interface TQuestionDistribution {
  id: string;
  n: number;
  shares: TShare[];
  /** Mean score in [0,1] of the scored answers (null for unscored questions or none given). */
  mean: number | null;
  /** Answers that count towards the mean (a "did not take part" is an answer but not scored). */
  scored: number;
}

function chosen(sheet: TSheet, id: string): string[] {
  const v = sheet[id];
  if (v === undefined || v === '') return [];
  return typeof v === 'string' ? [v] : [...v];
}

/** The options a question offers (a region question's come from the pulse). */
export function optionIds(q: TPulseQuestion, regions: readonly string[]): string[] {
  return q.type === 'region' ? regions.map((_, i) => `r${i + 1}`) : q.options.map((o) => o.id);
}

/** Each option's share of the people who answered the question, with its Wilson interval. */
export function distribution(q: TPulseQuestion, sheets: readonly TSheet[], regions: readonly string[] = []): TQuestionDistribution {
  const ids = optionIds(q, regions);
  const answered = sheets.filter((s) => chosen(s, q.id).some((o) => ids.includes(o)));
  const n = answered.length;
  const shares = ids.map((option) => {
    const count = answered.filter((s) => chosen(s, q.id).includes(option)).length;
    const ci = wilson(count, n) ?? { low: 0, high: 0 };
    return { option, count, share: n ? count / n : 0, ...ci };
  });
  let sum = 0;
  let scored = 0;
  if (isScored(q)) {
    for (const s of answered) {
      const score = q.options.find((o) => o.id === chosen(s, q.id)[0])?.score;
      if (typeof score === 'number') {
        sum += score;
        scored++;
      }
    }
  }
  return { id: q.id, n, shares, mean: scored ? sum / scored : null, scored };
}

/** A stage's citizen score: the mean of its questions' mean scores, as 0–100, and how many people it rests on. */
export interface TStageScore {
  stage: TPulseStage;
  score: number | null;
  /** Answer sheets with at least one scored answer on the stage. */
  n: number;
}

/** The citizens' 0–100 score of each stage from the given sheets (a question nobody scored is left out). */
export function stageScores(inst: TPulseInstrument, sheets: readonly TSheet[]): TStageScore[] {
  return PULSE_STAGES.map((stage) => {
    const qs = inst.questions.filter((q) => q.stage === stage && isScored(q));
    const means = qs.map((q) => distribution(q, sheets).mean).filter((m): m is number => m !== null);
    const n = sheets.filter((s) => qs.some((q) => typeof q.options.find((o) => o.id === chosen(s, q.id)[0])?.score === 'number')).length;
    return { stage, score: means.length ? (100 * means.reduce((a, b) => a + b, 0)) / means.length : null, n };
  });
}

/** One group of a demographic breakdown: its size and stage scores, or suppressed when smaller than MIN_CELL. */
export interface TBreakdownRow {
  value: string;
  /** Null when suppressed (fewer than MIN_CELL people). */
  n: number | null;
  stages: TStageScore[] | null;
}

/** The stage scores of each group of one demographic question; "not said" groups the people who skipped it. */
export function breakdown(inst: TPulseInstrument, q: TPulseQuestion, sheets: readonly TSheet[], regions: readonly string[] = []): TBreakdownRow[] {
  const values = [...optionIds(q, regions), 'not_said'];
  return values.map((value) => {
    const group = sheets.filter((s) => (chosen(s, q.id)[0] ?? 'not_said') === value);
    return group.length < MIN_CELL ? { value, n: null, stages: null } : { value, n: group.length, stages: stageScores(inst, group) };
  });
}

/** Answer sheets per day (UTC), from the hours they came in. */
export function perDay(hours: readonly string[]): { day: string; count: number }[] {
  const m = new Map<string, number>();
  for (const h of hours) m.set(h.slice(0, 10), (m.get(h.slice(0, 10)) ?? 0) + 1);
  return [...m].sort(([a], [b]) => a.localeCompare(b)).map(([day, count]) => ({ day, count }));
}

/** The demographic questions of an instrument, in its order. */
export function demographicQuestions(inst: TPulseInstrument): TPulseQuestion[] {
  return inst.questions.filter((q) => q.demographic && (DEMOGRAPHICS as readonly string[]).includes(q.demographic));
}
