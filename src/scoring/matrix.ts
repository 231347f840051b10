// The stage × policy-cycle matrix: for the e-participation stages (Part II pillars: e-information,
// e-consultation, e-decision-making) and the policy-cycle stages items are tagged with, the weighted mean
// score of the items in each cell. It shows, for example, consultation that happens at agenda setting but
// not at evaluation. Items tagged with several cycle stages count in each. Pure.
import { POLICY_STAGES, type TInstrument } from '../instrument/schema.ts';
import type { TScores } from './aggregate.ts';
import { allPillars } from '../instrument/model.ts';

/** One cell: mean score, and how many items (scored / tagged) it rests on. */
export interface TCell {
  score: number | null;
  scored: number;
  items: number;
}

/** The matrix by EPI stage, then policy-cycle stage. */
export type TMatrix = { stage: 'e_information' | 'e_consultation' | 'e_decision_making'; cells: Record<(typeof POLICY_STAGES)[number], TCell> }[];

/** Builds the matrix from item scores. */
export function stageMatrix(inst: TInstrument, scores: TScores): TMatrix {
  const byId = new Map(scores.items.map((i) => [i.id, i]));
  const out: TMatrix = [];
  for (const stage of ['e_information', 'e_consultation', 'e_decision_making'] as const) {
    const acc = Object.fromEntries(POLICY_STAGES.map((s) => [s, { s: 0, w: 0, scored: 0, items: 0 }])) as Record<(typeof POLICY_STAGES)[number], { s: number; w: number; scored: number; items: number }>;
    for (const pillar of allPillars(inst).filter((p) => p.epiStage === stage)) {
      for (const item of pillar.items) {
        const r = byId.get(item.id);
        if (!r || item.type === 'text' || r.weight === 0) continue;
        for (const s of item.tags.stages) {
          acc[s].items++;
          if (r.score === null) continue;
          acc[s].s += r.weight * r.score;
          acc[s].w += r.weight;
          acc[s].scored++;
        }
      }
    }
    out.push({ stage, cells: Object.fromEntries(POLICY_STAGES.map((s) => [s, { score: acc[s].w ? acc[s].s / acc[s].w : null, scored: acc[s].scored, items: acc[s].items }])) as TMatrix[number]['cells'] });
  }
  return out;
}
