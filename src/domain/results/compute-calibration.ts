// Use case: the calibration of an assessment's results against the UN E-Participation Index
// (docs/METHODOLOGY.md §14) — the self-assessed Part II score's position beside the country's EPI
// percentile, the gap and its reading — and the trend: the country's METEP cycles the person may see beside
// its EPI editions, on one time axis.
import { listCountryCycles, listPublishedAssessments, type AssessmentRow } from '../../db/repositories/assessments.ts';
import type { TScores } from '../../scoring/aggregate.ts';
import { calibrationGap, type TCalibrationGap } from '../../scoring/calibration.ts';
import { getEpiStanding } from '../benchmarks/get-epi-standing.ts';
import { loadAssessment, type AssessmentAccess } from '../kernel/access.ts';
import { OPERATOR, type Actor, type Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { loadAnswerSet } from './load-answer-set.ts';

/** The part of the instrument whose pillars are the EPI's stages (e-information, e-consultation, e-decision-making). */
const PART_II = 'II';

/** The calibration shown with results. */
export interface TCalibration extends TCalibrationGap {
  /** The self-assessed Part II score (0..1). */
  partII: number | null;
  /** The Survey edition compared with, and the country's EPI, rank and percentile in it. */
  edition: number;
  epi: number;
  epiRank: number | null;
  epiOf: number;
  epiPercentile: number | null;
  /** Cycle year − edition year: how far apart the two pictures are in time. */
  lagYears: number;
  /** The EPI figures are invented (the demo's Demoland). */
  fictional: boolean;
  trend: {
    cycles: { year: number; partII: number | null; provisional: boolean; current: boolean }[];
    editions: { year: number; epi: number; epiPercentile: number | null; fictional: boolean }[];
  };
}

// Part II scores of results that can no longer change (validated or published), by assessment and its
// last state change. Derived data only: every instance computes its own, and a reopened assessment has a
// new updated_at, so nothing stale is ever served.
const finalScores = new Map<string, number | null>();

async function partIIOf(ctx: Ctx, row: AssessmentRow): Promise<number | null> {
  const key = `${row.id}@${row.updated_at}`;
  const final = row.state === 'validated' || row.state === 'published';
  if (final && finalScores.has(key)) return finalScores.get(key) as number | null;
  // Only the Part II score leaves this function, for comparisons: the system reads the answers on its own
  // authority (as for the published figures it compares with), never on the viewer's.
  const set = await loadAnswerSet(ctx, await loadAssessment(ctx, OPERATOR, row.id, 'results.read'));
  const score = set.consolidation.scores.parts.find((p) => p.id === PART_II)?.score ?? null;
  if (final) finalScores.set(key, score);
  return score;
}

/** The calibration of results the actor already reads; undefined when the country has no EPI. */
export async function computeCalibration(ctx: Ctx, actor: Actor | undefined, res: { access: AssessmentAccess; scores: TScores; provisional: boolean }): Promise<TCalibration | undefined> {
  const a = res.access.assessment;
  const standing = await getEpiStanding(ctx, a.country, a.cycle_year);
  if (!standing) return undefined;
  const partII = res.scores.parts.find((p) => p.id === PART_II)?.score ?? null;
  // Other countries' published results: the latest published cycle of each.
  const latest = new Map<string, AssessmentRow>();
  for (const row of await listPublishedAssessments(ctx.db.kysely)) if (row.country !== a.country && !latest.has(row.country)) latest.set(row.country, row);
  const peerScores: number[] = [];
  for (const row of latest.values()) {
    const s = await partIIOf(ctx, row);
    if (s !== null) peerScores.push(s);
  }
  const gap = calibrationGap({ partII, peerScores, epiPercentile: standing.compared.epiPercentile });
  // The trend: this cycle and every other final cycle of the same country and scope the person may read.
  const cycles: TCalibration['trend']['cycles'] = [];
  for (const row of await listCountryCycles(ctx.db.kysely, a.country, a.scope)) {
    if (row.id === a.id) {
      cycles.push({ year: row.cycle_year, partII, provisional: res.provisional, current: true });
      continue;
    }
    if (row.state !== 'validated' && row.state !== 'published') continue;
    try {
      await loadAssessment(ctx, actor, row.id, 'results.read');
    } catch (e) {
      if (e instanceof AppError) continue;
      throw e;
    }
    cycles.push({ year: row.cycle_year, partII: await partIIOf(ctx, row), provisional: false, current: false });
  }
  const c = standing.compared;
  return {
    ...gap,
    partII,
    edition: c.year,
    epi: c.epi as number,
    epiRank: c.epiRank,
    epiOf: c.epiOf,
    epiPercentile: c.epiPercentile,
    lagYears: a.cycle_year - c.year,
    fictional: c.fictional,
    trend: { cycles, editions: standing.series },
  };
}
