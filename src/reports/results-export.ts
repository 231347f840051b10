// Presenters of results for programs: a JSON document (whitelisted fields, rounded to 6 decimals) and a
// tidy CSV (one row per observation: level, id, measure, value) — the same numbers in both.
import type { TResults } from '../domain/results/compute-results.ts';
import { toCsv } from '../lib/csv.ts';
import { calibrationCsvRows, calibrationJson } from './calibration-export.ts';

const r6 = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1e6) / 1e6);

/** The results as a plain JSON-able object. */
export function resultsJson(res: TResults) {
  const a = res.access.assessment;
  const s = res.scores;
  const item = new Map(s.items.map((i) => [i.id, i]));
  return {
    assessment: { id: a.id, country: a.country, scope: a.scope, cycleYear: a.cycle_year, state: a.state, instrument: `${res.access.instrument.key} ${res.access.instrument.version}` },
    provisional: res.provisional,
    respondents: res.respondents,
    index: { score: r6(s.score), band: s.band, coverage: r6(s.coverage), agreement: r6(res.agreement.index), evidenceStrength: r6(s.evidenceStrength), unsupported: s.unsupported, agreedItems: res.items.filter((i) => i.source === 'consensus').length },
    parts: s.parts.map((p) => ({ id: p.id, score: r6(p.score), band: p.band, coverage: r6(p.coverage) })),
    pillars: s.pillars.map((p) => {
      const gap = res.gaps.pillars.find((g) => g.id === p.id);
      return { id: p.id, score: r6(p.score), band: p.band, coverage: r6(p.coverage), agreement: r6(res.agreement.pillars[p.id]), evidenceStrength: r6(p.evidenceStrength), weight: p.weight, government: r6(gap?.government), nonGovernment: r6(gap?.nonGovernment), gap: r6(gap?.gap) };
    }),
    stages: Object.fromEntries(Object.entries(s.stages).map(([k, v]) => [k, r6(v)])),
    items: res.items.map((i) => ({ id: i.id, score: r6(item.get(i.id)?.score), agreement: r6(i.agreement), respondents: i.n, withEvidence: i.withEvidence, source: i.source, value: i.value, defaultAnswer: i.defaultAnswer, gap: r6(res.gaps.items.find((g) => g.id === i.id)?.gap) })),
    calibration: calibrationJson(res.calibration),
  };
}

/** The results as tidy CSV rows. */
export function resultsCsv(res: TResults): string {
  const j = resultsJson(res);
  const rows: (string | number | null)[][] = [['level', 'id', 'measure', 'value']];
  const add = (level: string, id: string, o: Record<string, unknown>, keys: string[]) => {
    for (const k of keys) rows.push([level, id, k, (o[k] ?? null) as string | number | null]);
  };
  add('index', 'METEP', j.index, ['score', 'band', 'coverage', 'agreement', 'evidenceStrength', 'unsupported', 'agreedItems']);
  for (const p of j.parts) add('part', p.id, p, ['score', 'band', 'coverage']);
  for (const p of j.pillars) add('pillar', p.id, p, ['score', 'band', 'coverage', 'agreement', 'evidenceStrength', 'government', 'nonGovernment', 'gap']);
  for (const [k, v] of Object.entries(j.stages)) rows.push(['stage', k, 'percent', v as number | null]);
  for (const i of j.items) add('item', i.id, i, ['score', 'source', 'agreement', 'respondents', 'withEvidence', 'gap']);
  rows.push(...calibrationCsvRows(j.calibration));
  return toCsv(rows);
}
