// Presenters of the citizen pulse results for programs: a JSON document and tidy CSV rows (level, id,
// measure, value) with the same numbers, rounded to 6 decimals — in the pulse API route and beside the
// self-assessment in the results exports and `metep results`.
import type { TPulseResults } from '../domain/pulse/get-pulse-results.ts';

const r6 = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1e6) / 1e6);

/** The pulse results as a plain JSON-able object (no access data, no texts: ids only). */
export function pulseJson(r: TPulseResults) {
  return {
    pulse: r.pulse ? { code: r.pulse.code, state: r.pulse.state, opensAt: r.pulse.opensAt, closesAt: r.pulse.closesAt, link: r.pulse.link } : null,
    instrument: r.instrument ? `${r.instrument.key} ${r.instrument.version}` : null,
    responses: r.total,
    synthetic: r.synthetic,
    withCode: r.withCode,
    method: { minSample: r.minSample, minCell: r.minCell, interval: 'wilson', level: 0.95 },
    enough: r.enough,
    perDay: r.perDay,
    /** Government, non-government and citizens per e-participation stage, 0–100. */
    stages: r.stages.map((s) => ({ stage: s.stage, government: r6(s.government), nonGovernment: r6(s.nonGovernment), citizens: r6(s.citizens), nGovernment: s.nGovernment, nNonGovernment: s.nNonGovernment, nCitizens: s.nCitizens })),
    questions: r.questions.map((q) => ({
      id: q.question.id,
      stage: q.question.stage ?? null,
      pillar: q.question.pillar ?? null,
      n: q.distribution?.n ?? null,
      mean: r6(q.distribution?.mean),
      shares: q.distribution?.shares.map((s) => ({ option: s.option, count: s.count, share: r6(s.share), low: r6(s.low), high: r6(s.high) })) ?? null,
    })),
    breakdowns: r.breakdowns.map((b) => ({
      question: b.question.id,
      demographic: b.question.demographic ?? null,
      groups: b.rows.map((row) => ({ value: row.value, n: row.n, suppressed: row.n === null, stages: row.stages?.map((s) => ({ stage: s.stage, citizens: r6(s.score) })) ?? null })),
    })),
  };
}

/** The pulse results as tidy CSV rows: [level, id, measure, value]. */
export function pulseCsvRows(r: TPulseResults): (string | number | null)[][] {
  const j = pulseJson(r);
  const rows: (string | number | null)[][] = [['citizens', 'pulse', 'responses', j.responses], ['citizens', 'pulse', 'synthetic', j.synthetic], ['citizens', 'pulse', 'enough', String(j.enough)]];
  for (const s of j.stages) rows.push(['stage_comparison', s.stage, 'government', s.government], ['stage_comparison', s.stage, 'non_government', s.nonGovernment], ['stage_comparison', s.stage, 'citizens', s.citizens], ['stage_comparison', s.stage, 'n_citizens', s.nCitizens]);
  for (const q of j.questions) for (const s of q.shares ?? []) rows.push(['pulse_question', `${q.id}/${s.option}`, 'share', s.share], ['pulse_question', `${q.id}/${s.option}`, 'low', s.low], ['pulse_question', `${q.id}/${s.option}`, 'high', s.high], ['pulse_question', `${q.id}/${s.option}`, 'count', s.count]);
  return rows;
}
