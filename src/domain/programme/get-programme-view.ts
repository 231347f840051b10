// Use case: the programme view (issue 17) — every assessment the viewer may read across countries (all of
// them for an administrator; those of their countries, and any they are a member of, for a programme
// officer), with progress, the index and its interval, stage scores, the calibration gap to the UN
// E-Participation Index and the citizen pulse's size. Each assessment goes through `loadAssessment`, so what
// a row shows is exactly what the viewer may read on the assessment's own pages; the figures come from the
// results use cases (the same numbers as the results page), never from a second scoring.
import { listAssessmentsFor } from '../../db/repositories/assessments.ts';
import { countPulseResponses, countRespondents, listAssessmentsOfCountries, listProgrammeCountries } from '../../db/repositories/programme.ts';
import { m49Of } from '../../i18n/regions.ts';
import { allItems } from '../../instrument/model.ts';
import type { TScores } from '../../scoring/aggregate.ts';
import type { TCalibrationReading } from '../../scoring/calibration.ts';
import type { TBand } from '../../scoring/types.ts';
import type { TInterval } from '../../scoring/uncertainty.ts';
import { loadAssessment, type AssessmentAccess } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { authorize } from '../kernel/policies.ts';
import { computeCalibration } from '../results/compute-calibration.ts';
import { fullResultsOf, isFinal } from '../results/compute-results.ts';

/** The assessment states, in the order an assessment goes through them. */
export const PROGRAMME_STATES = ['draft', 'collecting', 'consolidating', 'validated', 'published'] as const;

/** What the view is narrowed to (each empty = everything). */
export interface TProgrammeFilter {
  /** UN M49 region code, e.g. '002' Africa. */
  region?: string | undefined;
  /** UN M49 subregion (CLDR's smallest grouping: intermediate region where M49 has one), e.g. '014'. */
  subregion?: string | undefined;
  cycle?: number | undefined;
  state?: string | undefined;
}

/** One assessment in the programme view; figures are null where the viewer may not read results or there are none. */
export interface TProgrammeRow {
  id: string;
  country: string;
  region: string | null;
  subregion: string | null;
  cycle: number;
  state: (typeof PROGRAMME_STATES)[number];
  instrument: string;
  /** Whether the viewer may read this assessment's results (the figures below are null otherwise). */
  results: boolean;
  provisional: boolean;
  /** Invited respondents, those with answers, and answers given of those expected (respondents × items). */
  respondents: number | null;
  answering: number | null;
  answered: number | null;
  expected: number | null;
  index: number | null;
  band: TBand | null;
  sufficient: boolean;
  interval: { low: number | null; high: number | null } | null;
  stages: TScores['stages'] | null;
  calibration: { gap: number | null; reading: TCalibrationReading | null; edition: number; epiPercentile: number | null; fictional: boolean } | null;
  /** Citizen-pulse answer sheets; null when the assessment has no pulse. */
  pulse: number | null;
}

/** The view: the rows the filter keeps, and the choices the filter offers (from every visible assessment). */
export interface TProgrammeView {
  rows: TProgrammeRow[];
  /** Visible assessments before filtering. */
  total: number;
  /** The viewer's programme countries (empty for an administrator, who sees every country). */
  countries: string[];
  all: boolean;
  facets: { regions: string[]; subregions: string[]; cycles: number[]; states: string[] };
}

// Figures of results that can no longer change (validated or published), by assessment and its last state
// change — as compute-calibration keeps Part II scores — so a programme of a few hundred assessments does
// not bootstrap every finished one again on each visit. Derived data only: a reopened assessment has a new
// updated_at, so nothing stale is served; another instance computes the same numbers. Kept per database
// (a process with two, as the tests have, must not read one's figures for the other's assessment).
interface TFigures {
  scores: TScores;
  interval: TInterval;
  answering: number;
  answered: number;
}
const finalFiguresOf = new WeakMap<object, Map<string, TFigures>>();
const KEEP_FINAL = 2000;

async function figuresOf(ctx: Ctx, access: AssessmentAccess): Promise<TFigures> {
  let finalFigures = finalFiguresOf.get(ctx.db);
  if (!finalFigures) finalFiguresOf.set(ctx.db, (finalFigures = new Map()));
  const a = access.assessment;
  const key = `${a.id}@${a.updated_at}`;
  const hit = isFinal(a.state) ? finalFigures.get(key) : undefined;
  if (hit) return hit;
  const res = await fullResultsOf(ctx, access);
  const withAnswers = res.set.respondents.filter((r) => r.answers.size > 0);
  const f: TFigures = { scores: res.scores, interval: res.uncertainty.bootstrap.index, answering: withAnswers.length, answered: withAnswers.reduce((s, r) => s + r.answers.size, 0) };
  if (isFinal(a.state)) {
    finalFigures.set(key, f);
    if (finalFigures.size > KEEP_FINAL) finalFigures.delete(finalFigures.keys().next().value as string);
  }
  return f;
}

const sortNum = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => b - a);
const sortStr = (xs: Iterable<string | null>) => [...new Set(xs)].filter((x): x is string => x !== null).sort();

/** The assessments the actor may read across countries, filtered, with their figures. */
export async function getProgrammeView(ctx: Ctx, actor: Actor | undefined, filter: TProgrammeFilter = {}): Promise<TProgrammeView> {
  authorize(actor, 'programme.view');
  const db = ctx.db.kysely;
  const countries = actor.isAdmin ? [] : await listProgrammeCountries(db, actor.id);
  const candidates = actor.isAdmin ? await listAssessmentsFor(db, actor.id, true) : [...(await listAssessmentsOfCountries(db, countries)), ...(await listAssessmentsFor(db, actor.id, false))];
  // Authorised one by one through the same check as the assessment's own pages.
  const seen = new Set<string>();
  const visible: (Awaited<ReturnType<typeof loadAssessment>> & { region: string | null; subregion: string | null })[] = [];
  for (const c of candidates) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    try {
      const access = await loadAssessment(ctx, actor, c.id, 'assessment.read');
      const m = m49Of(access.assessment.country);
      visible.push({ ...access, region: m?.region ?? null, subregion: m?.subregion ?? null });
    } catch (e) {
      if (e instanceof AppError) continue;
      throw e;
    }
  }
  const facets = {
    regions: sortStr(visible.map((v) => v.region)),
    subregions: sortStr(visible.filter((v) => !filter.region || v.region === filter.region).map((v) => v.subregion)),
    cycles: sortNum(visible.map((v) => v.assessment.cycle_year)),
    states: PROGRAMME_STATES.filter((s) => visible.some((v) => v.assessment.state === s)),
  };
  const kept = visible.filter(
    (v) =>
      (!filter.region || v.region === filter.region) &&
      (!filter.subregion || v.subregion === filter.subregion) &&
      (filter.cycle === undefined || v.assessment.cycle_year === filter.cycle) &&
      (!filter.state || v.assessment.state === filter.state),
  );
  const ids = kept.map((v) => v.assessment.id);
  const [respondents, pulses] = await Promise.all([countRespondents(db, ids), countPulseResponses(db, ids)]);
  const rows: TProgrammeRow[] = [];
  for (const v of kept) {
    const a = v.assessment;
    const base = { id: a.id, country: a.country, region: v.region, subregion: v.subregion, cycle: a.cycle_year, state: a.state, instrument: `${v.instrument.key} ${v.instrument.version}`, provisional: !isFinal(a.state), pulse: pulses.get(a.id) ?? null };
    if (!v.may('results.read')) {
      rows.push({ ...base, results: false, respondents: null, answering: null, answered: null, expected: null, index: null, band: null, sufficient: false, interval: null, stages: null, calibration: null, pulse: null });
      continue;
    }
    const f = await figuresOf(ctx, v);
    const cal = await computeCalibration(ctx, v.actor, { access: v, scores: f.scores, provisional: base.provisional });
    const invited = respondents.get(a.id) ?? 0;
    rows.push({
      ...base,
      results: true,
      respondents: invited,
      answering: f.answering,
      answered: f.answered,
      expected: invited * allItems(v.instrument).length,
      index: f.scores.score,
      band: f.scores.band,
      sufficient: f.scores.sufficient,
      interval: { low: f.interval.low, high: f.interval.high },
      stages: f.scores.stages,
      calibration: cal ? { gap: cal.gap, reading: cal.reading, edition: cal.edition, epiPercentile: cal.epiPercentile, fictional: cal.fictional } : null,
    });
  }
  return { rows, total: visible.length, countries, all: actor.isAdmin, facets };
}
