// Consolidation of many respondents' answers into one set of scores: the computed default answer per
// item (docs/METHODOLOGY.md §6), agreement (§5), perception gaps (§7), then the scores of those answers
// (§1–§4). Where the workshop has recorded an agreed answer it replaces the default answer. The rules for
// evidence without an answer, unanswered items and unsubmitted questionnaires are in §12.
import { allItems, allPillars } from '../instrument/model.ts';
import type { TInstrument } from '../instrument/schema.ts';
import { scoreAnswers, type TScores } from './aggregate.ts';
import { itemAgreement, pillarAlpha } from './agreement.ts';
import { defaultAnswer, perceptionGaps, type TGap } from './groups.ts';
import type { TAnswer, TAnswers, TValue } from './types.ts';

/** One respondent's answers and stakeholder side. */
export interface TRespondent {
  /** Null when the respondent's organisation has no stakeholder group: then on neither side of the gap. */
  government: boolean | null;
  answers: TAnswers;
  /** Whether the questionnaire was submitted; absent counts as submitted. Unsubmitted answers count too (§12). */
  submitted?: boolean;
}

/** Per-item consolidation. */
export interface TConsolidatedItem {
  id: string;
  defaultAnswer: TValue | null;
  /** The answer that is scored: the workshop's agreed answer when there is one, else the default. */
  value: TValue | null;
  source: 'consensus' | 'default' | null;
  agreement: number | null;
  /** Respondents with a substantive (not excluded) answer. */
  n: number;
  /** Respondents who attached evidence to a substantive answer (evidence behind "don't know" backs nothing). */
  withEvidence: number;
}

/** The consolidated result. */
export interface TConsolidation {
  scores: TScores;
  items: TConsolidatedItem[];
  gaps: { items: TGap[]; pillars: TGap[] };
  /** Mean agreement of the scored items with an agreement value, per pillar and overall; Krippendorff's α (ordinal) per pillar. */
  agreement: { index: number | null; pillars: Record<string, number | null>; alpha: Record<string, number | null> };
  /** Who the results rest on: respondents with answers, how many did not submit, how many have no stakeholder group. */
  basis: { respondents: number; unsubmitted: number; unassigned: number };
  /** The answers that were scored (for sensitivity and traceability). */
  answers: Map<string, TAnswer>;
}

function mean(xs: readonly number[]): number | null {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null;
}

/** Consolidates respondents' answers, with the workshop's agreed answers where recorded (pure; no I/O). */
export function consolidate(inst: TInstrument, respondents: readonly TRespondent[], consensus: ReadonlyMap<string, TValue> = new Map()): TConsolidation {
  const agreed = new Map<string, TAnswer>();
  const items: TConsolidatedItem[] = [];
  const pillarAgreement: Record<string, number[]> = {};
  const valuesOf = new Map<string, TValue[]>();
  for (const { item, pillar } of allItems(inst)) {
    const values: TValue[] = [];
    let withEvidence = 0;
    for (const r of respondents) {
      const a = r.answers.get(item.id);
      if (!a) continue;
      values.push(a.value);
      if (a.evidence > 0 && a.value.kind !== 'excluded') withEvidence++;
    }
    valuesOf.set(item.id, values);
    const d = defaultAnswer(item, values);
    const c = consensus.get(item.id);
    const value = c ?? d;
    // An agreed answer rests on the evidence respondents attached to the item.
    if (value) agreed.set(item.id, { value, evidence: withEvidence });
    const agreement = itemAgreement(item, values);
    if (agreement !== null && item.type !== 'text' && item.weight > 0) (pillarAgreement[pillar.id] ??= []).push(agreement);
    items.push({ id: item.id, defaultAnswer: d, value: value ?? null, source: c ? 'consensus' : d ? 'default' : null, agreement, n: values.filter((v) => v.kind !== 'excluded').length, withEvidence });
  }
  const pillars = Object.fromEntries(allPillars(inst).map((p) => [p.id, mean(pillarAgreement[p.id] ?? [])]));
  const alpha = Object.fromEntries(allPillars(inst).map((p) => [p.id, pillarAlpha(p.items, p.items.map((i) => valuesOf.get(i.id) ?? []))]));
  return {
    scores: scoreAnswers(inst, agreed),
    items,
    agreement: { index: mean(Object.values(pillarAgreement).flat()), pillars, alpha },
    basis: { respondents: respondents.length, unsubmitted: respondents.filter((r) => r.submitted === false).length, unassigned: respondents.filter((r) => r.government === null).length },
    answers: agreed,
    gaps: perceptionGaps(
      inst,
      respondents.filter((r) => r.government === true).map((r) => r.answers),
      respondents.filter((r) => r.government === false).map((r) => r.answers),
    ),
  };
}
