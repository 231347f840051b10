// Consolidation of many respondents' answers into one set of scores: the computed default answer per
// item (docs/METHODOLOGY.md §6), agreement (§5), perception gaps (§7), then the scores of those answers
// (§1–§4). This is the provisional result before the workshop records agreed answers.
import { allItems } from '../instrument/loader.ts';
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
}

/** Consolidates respondents' answers (pure; no I/O). */
export function consolidate(inst: TInstrument, respondents: readonly TRespondent[]): TConsolidation {
  const agreed = new Map<string, TAnswer>();
  const items: TConsolidatedItem[] = [];
  for (const { item } of allItems(inst)) {
    const values: TValue[] = [];
    let withEvidence = 0;
    for (const r of respondents) {
      const a = r.answers.get(item.id);
      if (!a) continue;
      values.push(a.value);
      if (a.evidence > 0) withEvidence++;
    }
    const d = defaultAnswer(item, values);
    if (d) agreed.set(item.id, { value: d, evidence: withEvidence });
    items.push({ id: item.id, defaultAnswer: d, agreement: itemAgreement(item, values), n: values.filter((v) => v.kind !== 'excluded').length, withEvidence });
  }
  return {
    scores: scoreAnswers(inst, agreed),
    items,
    gaps: perceptionGaps(
      inst,
      respondents.filter((r) => r.government).map((r) => r.answers),
      respondents.filter((r) => !r.government).map((r) => r.answers),
    ),
  };
}
