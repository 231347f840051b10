// Consolidation of many respondents' answers into one set of scores: the computed default answer per
// item (docs/METHODOLOGY.md §6), agreement (§5), perception gaps (§7), then the scores of those answers
// (§1–§4). Where the workshop has recorded an agreed answer it replaces the default answer.
import { allItems } from '../instrument/model.ts';
import type { TInstrument } from '../instrument/schema.ts';
import { scoreAnswers, type TScores } from './aggregate.ts';
import { itemAgreement } from './agreement.ts';
import { defaultAnswer, perceptionGaps, type TGap } from './groups.ts';
import type { TAnswer, TAnswers, TValue } from './types.ts';

/** One respondent's answers and stakeholder side. */
export interface TRespondent {
  government: boolean;
  answers: TAnswers;
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
  /** Respondents who attached evidence. */
  withEvidence: number;
}

/** The consolidated result. */
export interface TConsolidation {
  scores: TScores;
  items: TConsolidatedItem[];
  gaps: { items: TGap[]; pillars: TGap[] };
  /** Mean agreement of the scored items with an agreement value, per pillar and overall. */
  agreement: { index: number | null; pillars: Record<string, number | null> };
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
  for (const { item, pillar } of allItems(inst)) {
    const values: TValue[] = [];
    let withEvidence = 0;
    for (const r of respondents) {
      const a = r.answers.get(item.id);
      if (!a) continue;
      values.push(a.value);
      if (a.evidence > 0) withEvidence++;
    }
    const d = defaultAnswer(item, values);
    const c = consensus.get(item.id);
    const value = c ?? d;
    // An agreed answer rests on the evidence respondents attached to the item.
    if (value) agreed.set(item.id, { value, evidence: withEvidence });
    const agreement = itemAgreement(item, values);
    if (agreement !== null && item.type !== 'text' && item.weight > 0) (pillarAgreement[pillar.id] ??= []).push(agreement);
    items.push({ id: item.id, defaultAnswer: d, value: value ?? null, source: c ? 'consensus' : d ? 'default' : null, agreement, n: values.filter((v) => v.kind !== 'excluded').length, withEvidence });
  }
  const pillars = Object.fromEntries(inst.parts.flatMap((p) => p.pillars).map((p) => [p.id, mean(pillarAgreement[p.id] ?? [])]));
  return {
    scores: scoreAnswers(inst, agreed),
    items,
    agreement: { index: mean(Object.values(pillarAgreement).flat()), pillars },
    answers: agreed,
    gaps: perceptionGaps(
      inst,
      respondents.filter((r) => r.government).map((r) => r.answers),
      respondents.filter((r) => !r.government).map((r) => r.answers),
    ),
  };
}
