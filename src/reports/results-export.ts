// Presenters of results for programs: a JSON document (whitelisted fields, rounded to 6 decimals) and a
// tidy CSV (one row per observation: level, id, measure, value) — the same numbers in both. Beside each
// score: its coverage and whether it is sufficient, its 95 % bootstrap interval and the probability that
// its band holds, the global-sensitivity range, Krippendorff's α, each perception gap's p-value, and the
// workshop's decision (rationale, dissent) behind each agreed answer.
import type { TFullResults } from '../domain/results/compute-results.ts';
import { translator, type TLocale } from '../i18n/index.ts';
import { allItems, textIn } from '../instrument/model.ts';
import { toCsv } from '../lib/csv.ts';
import { calibrationCsvRows, calibrationJson } from './calibration-export.ts';
import { pulseCsvRows, pulseJson } from './pulse-export.ts';
import { alphaReading } from '../scoring/agreement.ts';
import { GAP_ALPHA, MIN_GROUP_SIZE } from '../scoring/groups.ts';
import type { TInterval } from '../scoring/uncertainty.ts';

const r6 = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1e6) / 1e6);
const interval = (i: TInterval | undefined) => ({ low: r6(i?.low), high: r6(i?.high), bandProbability: r6(i?.bandProbability) });
/** Whether a tested gap is indistinguishable from noise; null when there is no gap to test. */
const noise = (p: number | undefined) => (p === undefined ? null : p >= GAP_ALPHA);

/** The results as a plain JSON-able object. */
export function resultsJson(res: TFullResults) {
  const a = res.access.assessment;
  const s = res.scores;
  const u = res.uncertainty;
  const item = new Map(s.items.map((i) => [i.id, i]));
  return {
    assessment: { id: a.id, country: a.country, scope: a.scope, cycleYear: a.cycle_year, state: a.state, instrument: `${res.access.instrument.key} ${res.access.instrument.version}` },
    provisional: res.provisional,
    respondents: res.respondents,
    unsubmitted: res.basis.unsubmitted,
    /** Respondents left out of the perception gap because their organisation has no stakeholder group. */
    unassigned: res.unassigned,
    method: {
      minCoverage: s.minCoverage,
      bootstrap: { resamples: u.bootstrap.resamples, seed: u.bootstrap.seed, level: 0.95 },
      globalSensitivity: { draws: u.global.draws, seed: u.global.seed, weightChange: u.global.weightChange, rules: u.global.rules },
      gapTest: { method: u.gapTest.method, permutations: u.gapTest.permutations, seed: u.gapTest.seed, minGroupSize: MIN_GROUP_SIZE, alpha: GAP_ALPHA },
    },
    index: {
      score: r6(s.score),
      band: s.band,
      coverage: r6(s.coverage),
      sufficient: s.sufficient,
      partial: s.partial,
      pillarsScored: s.pillarsScored,
      pillarsTotal: s.pillarsTotal,
      ...interval(u.bootstrap.index),
      rangeMin: r6(u.global.index.min),
      rangeMax: r6(u.global.index.max),
      agreement: r6(res.agreement.index),
      evidenceStrength: r6(s.evidenceStrength),
      unsupported: s.unsupported,
      agreedItems: res.items.filter((i) => i.source === 'consensus').length,
    },
    parts: s.parts.map((p) => ({ id: p.id, score: r6(p.score), band: p.band, coverage: r6(p.coverage), sufficient: p.sufficient, partial: p.partial, ...interval(u.bootstrap.parts[p.id]) })),
    pillars: s.pillars.map((p) => {
      const gap = res.gaps.pillars.find((g) => g.id === p.id);
      const rank = u.global.ranks[p.id];
      const alpha = res.agreement.alpha[p.id] ?? null;
      return {
        id: p.id,
        score: r6(p.score),
        band: p.band,
        coverage: r6(p.coverage),
        sufficient: p.sufficient,
        ...interval(u.bootstrap.pillars[p.id]),
        rank: rank?.baseline ?? null,
        rankMin: rank?.min ?? null,
        rankMax: rank?.max ?? null,
        agreement: r6(res.agreement.pillars[p.id]),
        alpha: r6(alpha),
        alphaReading: alphaReading(alpha),
        evidenceStrength: r6(p.evidenceStrength),
        weight: p.weight,
        government: r6(gap?.government),
        nonGovernment: r6(gap?.nonGovernment),
        gap: r6(gap?.gap),
        gapItems: gap?.compared ?? 0,
        gapP: r6(u.gapTest.pillars[p.id]),
        gapNoise: noise(u.gapTest.pillars[p.id]),
      };
    }),
    stages: Object.fromEntries(Object.entries(s.stages).map(([k, v]) => [k, r6(v)])),
    items: res.items.map((i) => {
      const gap = res.gaps.items.find((g) => g.id === i.id);
      // The workshop's decision behind an agreed answer travels with it: why, and who disagreed.
      const d = i.source === 'consensus' ? res.set.current.get(i.id) : undefined;
      return {
        id: i.id,
        score: r6(item.get(i.id)?.score),
        notApplicable: item.get(i.id)?.notApplicable ?? false,
        agreement: r6(i.agreement),
        respondents: i.n,
        withEvidence: i.withEvidence,
        source: i.source,
        value: i.value,
        defaultAnswer: i.defaultAnswer,
        gap: r6(gap?.gap),
        gapP: r6(u.gapTest.items[i.id]),
        gapNoise: noise(u.gapTest.items[i.id]),
        decision: d ? { rationale: d.rationale, dissent: d.dissent, decidedAt: d.decided_at, revision: d.revision } : null,
      };
    }),
    calibration: calibrationJson(res.calibration),
    /** What citizens say, beside the self-assessment (the citizen pulse); null when not computed. */
    citizens: res.pulse ? pulseJson(res.pulse) : null,
  };
}

/**
 * The results as tidy CSV rows; the last column labels each part, pillar, item and stage in `lang` (the
 * instrument's texts, or the source language where a text is not translated), so a reader sees what an
 * id means without the instrument beside them.
 */
export function resultsCsv(res: TFullResults, lang: TLocale = 'en'): string {
  const j = resultsJson(res);
  const inst = res.access.instrument;
  const t = translator(lang);
  const labels = new Map<string, string>();
  for (const part of inst.parts) {
    labels.set(`part:${part.id}`, textIn(inst, part.title, lang));
    for (const pl of part.pillars) labels.set(`pillar:${pl.id}`, textIn(inst, pl.title, lang));
  }
  for (const { item } of allItems(inst)) labels.set(`item:${item.id}`, textIn(inst, item.question, lang));
  const rows: (string | number | null)[][] = [['level', 'id', 'measure', 'value', 'label']];
  const add = (level: string, id: string, o: Record<string, unknown>, keys: string[]) => {
    for (const k of keys) {
      const v = o[k] ?? null;
      rows.push([level, id, k, typeof v === 'boolean' ? String(v) : (v as string | number | null), labels.get(`${level}:${id}`) ?? null]);
    }
  };
  const bounds = ['low', 'high', 'bandProbability'];
  add('index', 'METEP', j.index, ['score', 'band', 'coverage', 'sufficient', 'partial', 'pillarsScored', 'pillarsTotal', ...bounds, 'rangeMin', 'rangeMax', 'agreement', 'evidenceStrength', 'unsupported', 'agreedItems']);
  rows.push(['index', 'METEP', 'respondents', j.respondents], ['index', 'METEP', 'unsubmitted', j.unsubmitted], ['index', 'METEP', 'unassigned', j.unassigned.length]);
  for (const p of j.parts) add('part', p.id, p, ['score', 'band', 'coverage', 'sufficient', 'partial', ...bounds]);
  for (const p of j.pillars) add('pillar', p.id, p, ['score', 'band', 'coverage', 'sufficient', ...bounds, 'rank', 'rankMin', 'rankMax', 'agreement', 'alpha', 'alphaReading', 'evidenceStrength', 'government', 'nonGovernment', 'gap', 'gapItems', 'gapP', 'gapNoise']);
  for (const [k, v] of Object.entries(j.stages)) rows.push(['stage', k, 'percent', v as number | null, t(`epi_stage.${k}`)]);
  for (const i of j.items) {
    add('item', i.id, i, ['score', 'notApplicable', 'source', 'agreement', 'respondents', 'withEvidence', 'gap', 'gapP', 'gapNoise']);
    if (i.decision) add('item', i.id, i.decision, ['rationale', 'dissent', 'decidedAt']);
  }
  rows.push(...calibrationCsvRows(j.calibration));
  if (res.pulse) rows.push(...pulseCsvRows(res.pulse));
  return toCsv(rows);
}
