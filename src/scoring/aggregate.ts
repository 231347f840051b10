// From item scores to pillar, part and index scores with coverage, bands, stage scores and evidence
// strength. Pure: the same answers always give the same numbers (docs/METHODOLOGY.md §2–§4).
// "Not applicable" takes an item out of the denominators (score and coverage); "don't know" and no answer
// count as missing. A score whose coverage is under the instrument's minimum gets no band.
import { DEFAULT_MIN_COVERAGE, type TInstrument, type TItem, type TPillar } from '../instrument/schema.ts';
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
  /** Answered "not applicable": the item leaves the denominators. */
  notApplicable: boolean;
  evidence: number;
  unsupported: boolean;
}

/** A score with how much of it rests on answers. */
export interface TScored {
  id: string;
  /** Weighted mean of answered scores; null when nothing was answered. */
  score: number | null;
  /** Null when there is no score or its coverage is under the minimum ("insufficient data"). */
  band: TBand | null;
  /** Answered weight / applicable weight, in [0,1] (0 when nothing applies). */
  coverage: number;
  /** Whether the score rests on enough answers: it exists and its coverage reaches the instrument's minimum. */
  sufficient: boolean;
  /** Share of the score backed by evidence; null when the score is 0 or missing. */
  evidenceStrength: number | null;
  unsupported: number;
}

/** A pillar's result. */
export interface TPillarResult extends TScored {
  weight: number;
  epiStage: TPillar['epiStage'] | undefined;
  answeredWeight: number;
  /** Weight of the pillar's scored items, minus those answered "not applicable". */
  applicableWeight: number;
  totalWeight: number;
}

/** A part or the index: a combination of pillars. */
export interface TCombined extends TScored {
  /** Pillars with a score, of how many the part or instrument has. */
  pillarsScored: number;
  pillarsTotal: number;
  /** Fewer pillars have a score than the instrument (or part) has: the score does not cover all of it. */
  partial: boolean;
}

/** Everything computed from one set of answers. */
export interface TScores extends TCombined {
  /** The minimum coverage applied (the instrument's, or the default). */
  minCoverage: number;
  parts: TCombined[];
  pillars: TPillarResult[];
  /** E/F/G stage scores as % of the maximum (0–100), like the E-Participation Index's stage breakdown. */
  stages: Record<'e_information' | 'e_consultation' | 'e_decision_making', number | null>;
  items: TItemResult[];
}

function weightOf(item: TItem, w?: TWeights): number {
  return item.type === 'text' ? 0 : (w?.item?.[item.id] ?? item.weight);
}

/** The minimum coverage an instrument sets, or the default. */
export function minCoverageOf(inst: TInstrument): number {
  return inst.minCoverage ?? DEFAULT_MIN_COVERAGE;
}

/** Whether a score with this coverage gets a band (a tolerance keeps 0.5 from failing 0.5 by rounding). */
export function isSufficient(score: number | null, coverage: number, min: number): boolean {
  return score !== null && coverage >= min - 1e-12;
}

/**
 * Weighted mean of the pillars that have a score; coverage is the weighted mean of the coverage of the
 * pillars that apply (a pillar whose every item is "not applicable" leaves it, as an item does).
 */
function combine(id: string, pillars: TPillarResult[], min: number): TCombined {
  const applicable = pillars.filter((p) => p.applicableWeight > 0);
  const total = applicable.reduce((s, p) => s + p.weight, 0);
  const scored = pillars.filter((p) => p.score !== null);
  const sw = scored.reduce((s, p) => s + p.weight, 0);
  const score = sw > 0 ? scored.reduce((s, p) => s + p.weight * (p.score as number), 0) / sw : null;
  const coverage = total > 0 ? applicable.reduce((s, p) => s + p.weight * p.coverage, 0) / total : 0;
  const sufficient = isSufficient(score, coverage, min);
  // Evidence strength of a group: evidence-backed share of the weighted score mass.
  const mass = scored.reduce((s, p) => s + p.weight * (p.score as number), 0);
  const backed = scored.reduce((s, p) => s + p.weight * (p.score as number) * (p.evidenceStrength ?? 0), 0);
  return {
    id,
    score,
    band: sufficient ? band(score as number) : null,
    coverage,
    sufficient,
    evidenceStrength: mass > 0 ? backed / mass : null,
    unsupported: pillars.reduce((s, p) => s + p.unsupported, 0),
    pillarsScored: scored.length,
    pillarsTotal: pillars.length,
    partial: scored.length < pillars.length,
  };
}

/** Scores one set of answers against an instrument. */
export function scoreAnswers(inst: TInstrument, answers: TAnswers, weights?: TWeights): TScores {
  const min = minCoverageOf(inst);
  const items: TItemResult[] = [];
  const pillars: TPillarResult[] = [];
  const parts: TCombined[] = [];
  for (const part of inst.parts) {
    const partPillars: TPillarResult[] = [];
    for (const pillar of part.pillars) {
      let totalWeight = 0;
      let naWeight = 0;
      let answeredWeight = 0;
      let sum = 0;
      let backed = 0;
      let unsupported = 0;
      for (const item of pillar.items) {
        const w = weightOf(item, weights);
        const a = answers.get(item.id);
        const s = w > 0 ? itemScore(item, a?.value) : null;
        const un = w > 0 && isUnsupported(item, a);
        const na = a?.value.kind === 'excluded' && a.value.reason === 'not_applicable';
        totalWeight += w;
        if (na) naWeight += w;
        if (s !== null) {
          answeredWeight += w;
          sum += w * s;
          if ((a?.evidence ?? 0) > 0) backed += w * s;
        }
        if (un) unsupported++;
        items.push({ id: item.id, pillarId: pillar.id, weight: w, score: s, excluded: a?.value.kind === 'excluded', notApplicable: na && w > 0, evidence: a?.evidence ?? 0, unsupported: un });
      }
      const score = answeredWeight > 0 ? sum / answeredWeight : null;
      const applicableWeight = totalWeight - naWeight;
      const coverage = applicableWeight > 0 ? answeredWeight / applicableWeight : 0;
      const sufficient = isSufficient(score, coverage, min);
      const r: TPillarResult = {
        id: pillar.id,
        weight: weights?.pillar?.[pillar.id] ?? pillar.weight,
        epiStage: pillar.epiStage,
        score,
        band: sufficient ? band(score as number) : null,
        coverage,
        sufficient,
        evidenceStrength: sum > 0 ? backed / sum : null,
        unsupported,
        answeredWeight,
        applicableWeight,
        totalWeight,
      };
      pillars.push(r);
      partPillars.push(r);
    }
    parts.push(combine(part.id, partPillars, min));
  }
  const stage = (s: 'e_information' | 'e_consultation' | 'e_decision_making') => {
    const ps = pillars.filter((p) => p.epiStage === s);
    const c = ps.length ? combine(s, ps, min) : undefined;
    return c?.score == null ? null : c.score * 100;
  };
  return {
    ...combine('index', pillars, min),
    minCoverage: min,
    parts,
    pillars,
    stages: { e_information: stage('e_information'), e_consultation: stage('e_consultation'), e_decision_making: stage('e_decision_making') },
    items,
  };
}
