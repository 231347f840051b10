// From item scores to pillar, part and index scores with coverage, bands, stage scores and evidence
// strength. Pure: the same answers always give the same numbers (docs/METHODOLOGY.md §2–§4).
import type { TInstrument, TItem, TPillar } from '../instrument/schema.ts';
import { band } from './bands.ts';
import { isUnsupported, itemScore } from './item.ts';
import type { TAnswers, TBand } from './types.ts';

/** Weight overrides for "what if" analysis; absent entries keep the instrument's weights. */
export interface TWeights {
  pillar?: Readonly<Record<string, number>>;
  item?: Readonly<Record<string, number>>;
}

/** One item's result. */
export interface TItemResult {
  id: string;
  pillarId: string;
  weight: number;
  score: number | null;
  excluded: boolean;
  evidence: number;
  unsupported: boolean;
}

/** A score with how much of it rests on answers. */
export interface TScored {
  id: string;
  /** Weighted mean of answered scores; null when nothing was answered. */
  score: number | null;
  band: TBand | null;
  /** Answered weight / total weight, in [0,1]. */
  coverage: number;
  /** Share of the score backed by evidence; null when the score is 0 or missing. */
  evidenceStrength: number | null;
  unsupported: number;
}

/** A pillar's result. */
export interface TPillarResult extends TScored {
  weight: number;
  epiStage: TPillar['epiStage'] | undefined;
  answeredWeight: number;
  totalWeight: number;
}

/** Everything computed from one set of answers. */
export interface TScores extends TScored {
  parts: TScored[];
  pillars: TPillarResult[];
  /** E/F/G stage scores as % of the maximum (0–100), like the E-Participation Index's stage breakdown. */
  stages: Record<'e_information' | 'e_consultation' | 'e_decision_making', number | null>;
  items: TItemResult[];
}

function weightOf(item: TItem, w?: TWeights): number {
  return item.type === 'text' ? 0 : (w?.item?.[item.id] ?? item.weight);
}

/** Weighted mean of the pillars that have a score; coverage is the weighted mean of all pillars' coverage. */
function combine(id: string, pillars: TPillarResult[]): TScored {
  const total = pillars.reduce((s, p) => s + p.weight, 0);
  const scored = pillars.filter((p) => p.score !== null);
  const sw = scored.reduce((s, p) => s + p.weight, 0);
  const score = sw > 0 ? scored.reduce((s, p) => s + p.weight * (p.score as number), 0) / sw : null;
  const coverage = total > 0 ? pillars.reduce((s, p) => s + p.weight * p.coverage, 0) / total : 0;
  // Evidence strength of a group: evidence-backed share of the weighted score mass.
  const mass = scored.reduce((s, p) => s + p.weight * (p.score as number), 0);
  const backed = scored.reduce((s, p) => s + p.weight * (p.score as number) * (p.evidenceStrength ?? 0), 0);
  return {
    id,
    score,
    band: score === null ? null : band(score),
    coverage,
    evidenceStrength: mass > 0 ? backed / mass : null,
    unsupported: pillars.reduce((s, p) => s + p.unsupported, 0),
  };
}

/** Scores one set of answers against an instrument. */
export function scoreAnswers(inst: TInstrument, answers: TAnswers, weights?: TWeights): TScores {
  const items: TItemResult[] = [];
  const pillars: TPillarResult[] = [];
  const parts: TScored[] = [];
  for (const part of inst.parts) {
    const partPillars: TPillarResult[] = [];
    for (const pillar of part.pillars) {
      let totalWeight = 0;
      let answeredWeight = 0;
      let sum = 0;
      let backed = 0;
      let unsupported = 0;
      for (const item of pillar.items) {
        const w = weightOf(item, weights);
        const a = answers.get(item.id);
        const s = w > 0 ? itemScore(item, a?.value) : null;
        const un = w > 0 && isUnsupported(item, a);
        totalWeight += w;
        if (s !== null) {
          answeredWeight += w;
          sum += w * s;
          if ((a?.evidence ?? 0) > 0) backed += w * s;
        }
        if (un) unsupported++;
        items.push({ id: item.id, pillarId: pillar.id, weight: w, score: s, excluded: a?.value.kind === 'excluded', evidence: a?.evidence ?? 0, unsupported: un });
      }
      const score = answeredWeight > 0 ? sum / answeredWeight : null;
      const r: TPillarResult = {
        id: pillar.id,
        weight: weights?.pillar?.[pillar.id] ?? pillar.weight,
        epiStage: pillar.epiStage,
        score,
        band: score === null ? null : band(score),
        coverage: totalWeight > 0 ? answeredWeight / totalWeight : 0,
        evidenceStrength: sum > 0 ? backed / sum : null,
        unsupported,
        answeredWeight,
        totalWeight,
      };
      pillars.push(r);
      partPillars.push(r);
    }
    parts.push(combine(part.id, partPillars));
  }
  const stage = (s: 'e_information' | 'e_consultation' | 'e_decision_making') => {
    const ps = pillars.filter((p) => p.epiStage === s);
    const c = ps.length ? combine(s, ps) : undefined;
    return c?.score == null ? null : c.score * 100;
  };
  return {
    ...combine('index', pillars),
    parts,
    pillars,
    stages: { e_information: stage('e_information'), e_consultation: stage('e_consultation'), e_decision_making: stage('e_decision_making') },
    items,
  };
}
