// The citizen pulse results of an assessment, in one presenter-friendly model shared by the
// results page, the pulse results page, `metep results`, the exports, the JSON API and the country report:
// answers per day, each question's distribution with 95 % Wilson intervals, breakdowns by demographic with
// small cells suppressed, and the three-way comparison per e-participation stage — government,
// non-government (the perception gap's composition-fair pillar scores) and citizens. Nothing but the count
// is shown below the minimum sample (docs/METHODOLOGY.md, "Citizen pulse").
import { findPulseOfAssessment, listPulseResponses } from '../../db/repositories/pulses.ts';
import { bundledPulseInstrument } from '../../instrument/pulse/loader.ts';
import { PULSE_STAGES, type TPulseInstrument, type TPulseQuestion, type TPulseStage } from '../../instrument/pulse/schema.ts';
import type { TI18nText } from '../../instrument/schema.ts';
import { breakdown, demographicQuestions, distribution, MIN_CELL, MIN_PULSE_SAMPLE, perDay, stageScores, type TBreakdownRow, type TQuestionDistribution } from '../../scoring/pulse.ts';
import { allPillars } from '../../instrument/model.ts';
import type { AssessmentAccess } from '../kernel/access.ts';
import type { Ctx } from '../kernel/context.ts';
import type { TGap } from '../../scoring/groups.ts';
import { pulseState, type TPulseState } from './get-public-pulse.ts';

/** One stage of the three-way comparison (scores 0–100; null where a side has too few answers). */
export interface TThreeWay {
  stage: TPulseStage;
  government: number | null;
  nonGovernment: number | null;
  citizens: number | null;
  nGovernment: number;
  nNonGovernment: number;
  nCitizens: number;
}

/** A question with its texts and, once the sample is large enough, its distribution. */
export interface TPulseQuestionResult {
  question: TPulseQuestion;
  /** Option labels by id (a region question's are the pulse's region names). */
  labels: { id: string; label: TI18nText | string }[];
  distribution: TQuestionDistribution | null;
}

/** The pulse results of an assessment. */
export interface TPulseResults {
  assessmentId: string;
  access: AssessmentAccess;
  /** Null when the coordinator has not opened a pulse. */
  pulse: { code: string; state: TPulseState; opensAt: string; closesAt: string; link: string } | null;
  instrument: TPulseInstrument | null;
  total: number;
  synthetic: number;
  withCode: number;
  minSample: number;
  minCell: number;
  /** Whether the sample reaches the minimum: below it, only `total` and `perDay` are given. */
  enough: boolean;
  perDay: { day: string; count: number }[];
  questions: TPulseQuestionResult[];
  breakdowns: { question: TPulseQuestion; labels: { id: string; label: TI18nText | string }[]; rows: TBreakdownRow[] }[];
  stages: TThreeWay[];
}

function labelsOf(q: TPulseQuestion, regions: readonly string[]): { id: string; label: TI18nText | string }[] {
  return q.type === 'region' ? regions.map((r, i) => ({ id: `r${i + 1}`, label: r })) : q.options.map((o) => ({ id: o.id, label: o.label }));
}

/** The pulse results from an already-authorised access and the self-assessment's
 * perception-gap pillar scores (the results computed once for the page, the exports and the API). */
export async function pulseResultsOf(ctx: Ctx, access: AssessmentAccess, gapPillars: readonly TGap[]): Promise<TPulseResults> {
  const p = await findPulseOfAssessment(ctx.db.kysely, access.assessment.id);
  const sheets = p ? await listPulseResponses(ctx.db.kysely, p.id) : [];
  const inst = p ? bundledPulseInstrument(p.instrument_version) : null;
  const regions = p?.regions ?? [];
  const enough = sheets.length >= MIN_PULSE_SAMPLE;
  const answers = sheets.map((s) => s.answers);
  const citizens = inst && enough ? stageScores(inst, answers) : null;
  const stagePillars = allPillars(access.instrument).filter((pl) => pl.epiStage);
  const stages = PULSE_STAGES.map((stage): TThreeWay => {
    const gap = gapPillars.find((g) => stagePillars.some((pl) => pl.id === g.id && pl.epiStage === stage));
    const c = citizens?.find((s) => s.stage === stage);
    return {
      stage,
      government: gap?.government === null || gap?.government === undefined ? null : 100 * gap.government,
      nonGovernment: gap?.nonGovernment === null || gap?.nonGovernment === undefined ? null : 100 * gap.nonGovernment,
      citizens: c?.score ?? null,
      nGovernment: gap?.nGovernment ?? 0,
      nNonGovernment: gap?.nNonGovernment ?? 0,
      nCitizens: c?.n ?? 0,
    };
  });
  return {
    assessmentId: access.assessment.id,
    access,
    pulse: p ? { code: p.code, state: pulseState(p, ctx.now()), opensAt: p.opens_at, closesAt: p.closes_at, link: ctx.links.pulse(p.code) } : null,
    instrument: inst,
    total: sheets.length,
    synthetic: sheets.filter((s) => s.synthetic).length,
    withCode: sheets.filter((s) => s.withCode).length,
    minSample: MIN_PULSE_SAMPLE,
    minCell: MIN_CELL,
    enough,
    perDay: perDay(sheets.map((s) => s.hour)),
    questions: inst ? inst.questions.filter((q) => !q.demographic).map((q) => ({ question: q, labels: labelsOf(q, regions), distribution: enough ? distribution(q, answers, regions) : null })) : [],
    breakdowns: inst && enough ? demographicQuestions(inst).map((q) => ({ question: q, labels: labelsOf(q, regions), rows: breakdown(inst, q, answers, regions) })) : [],
    stages,
  };
}
