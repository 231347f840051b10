// The operations of API v1: each calls the same use case as the page that shows the same thing, so the
// permissions are the page's (authorisation is in the use case; a token narrows its owner's rights there).
// Response schemas are the presenters: the registry parses every answer through them, which drops any
// field not listed here.
import { z } from 'zod';
import { ZAnswerBatch } from '../../domain/answering/answer-values.ts';
import { saveAnswers } from '../../domain/answering/save-answers.ts';
import { getDashboard } from '../../domain/assessments/get-dashboard.ts';
import { listAssessments } from '../../domain/assessments/list-assessments.ts';
import { getCountryProfile } from '../../domain/benchmarks/get-country-profile.ts';
import { listBenchmarkCountries } from '../../domain/benchmarks/list-benchmark-countries.ts';
import { getInstrument } from '../../domain/instruments/get-instrument.ts';
import { listInstrumentSummaries } from '../../domain/instruments/list-instrument-summaries.ts';
import { loadAssessment } from '../../domain/kernel/access.ts';
import { GROUPS } from '../../domain/kernel/groups.ts';
import { ROLES } from '../../domain/kernel/policies.ts';
import { addOrganisation, ZOrganisation } from '../../domain/participants/add-organisation.ts';
import { createInvitation } from '../../domain/participants/create-invitation.ts';
import { ZInvite } from '../../domain/participants/invite-schema.ts';
import { getPlanDocument } from '../../domain/plans/get-plan-document.ts';
import { getPulseResults } from '../../domain/pulse/get-pulse-results.ts';
import { computeResults } from '../../domain/results/compute-results.ts';
import { ZInstrument } from '../../instrument/schema.ts';
import { countryBenchmarksJson } from '../../reports/benchmarks-export.ts';
import { planJson } from '../../reports/plan-export.ts';
import { pulseJson } from '../../reports/pulse-export.ts';
import { resultsJson } from '../../reports/results-export.ts';
import { getPublicReport } from '../../domain/publication/get-public-report.ts';
import { listPublications } from '../../domain/publication/list-publications.ts';
import { PUBLICATION_LEVELS } from '../../domain/publication/publication-levels.ts';
import { countryName } from '../../i18n/countries.ts';
import { isLocale } from '../../i18n/index.ts';
import { absolute, API_ROUTES, paths } from '../paths.ts';
import { defineOperation, openApiDocument, pageOf, paginate, ZPageQuery } from './registry.ts';

const num = z.number().nullable();
const ZAssessmentParams = z.object({ id: z.string().min(1).max(64).meta({ description: 'The assessment id.' }) });
const STATES = ['draft', 'collecting', 'consolidating', 'validated', 'published'] as const;
/** An answer value: its kind decides the other fields (docs/METHODOLOGY.md). */
const ZValue = z.looseObject({ kind: z.string() });
const ZInterval = { low: num, high: num, bandProbability: num };

/** An assessment in a list. */
const ZAssessmentSummary = z.object({
  id: z.string(),
  country: z.string().meta({ description: 'ISO 3166-1 alpha-3' }),
  scope: z.string().nullable(),
  cycleYear: z.number().int(),
  state: z.enum(STATES),
  deadline: z.string().nullable(),
  createdAt: z.string(),
  role: z.enum(ROLES).nullable().meta({ description: 'Your role in it; null for an administrator without one.' }),
});

const ZAssessment = ZAssessmentSummary.extend({
  instrument: z.object({ key: z.string(), version: z.string() }),
  organisations: z
    .array(z.object({ id: z.string(), name: z.string(), group: z.enum(GROUPS) }))
    .nullable()
    .meta({ description: 'Only for those who may see the participants (coordinators); null otherwise.' }),
  participants: z
    .object({ total: z.number().int(), started: z.number().int(), submitted: z.number().int() })
    .nullable()
    .meta({ description: 'Counts, only for those who may see the participants; null otherwise.' }),
});

const ZPulse = z.object({
  pulse: z.object({ code: z.string(), state: z.string(), opensAt: z.string().nullable(), closesAt: z.string().nullable(), link: z.string() }).nullable(),
  instrument: z.string().nullable(),
  responses: z.number().int(),
  synthetic: z.number().int(),
  withCode: z.number().int(),
  method: z.object({ minSample: z.number(), minCell: z.number(), interval: z.string(), level: z.number() }),
  enough: z.boolean(),
  perDay: z.array(z.object({ day: z.string(), count: z.number().int() })),
  stages: z.array(z.object({ stage: z.string(), government: num, nonGovernment: num, citizens: num, nGovernment: num, nNonGovernment: num, nCitizens: num })),
  questions: z.array(
    z.object({
      id: z.string(),
      stage: z.string().nullable(),
      pillar: z.string().nullable(),
      n: num,
      mean: num,
      shares: z.array(z.object({ option: z.union([z.string(), z.number()]), count: z.number().int(), share: num, low: num, high: num })).nullable(),
    }),
  ),
  breakdowns: z.array(
    z.object({
      question: z.string(),
      demographic: z.string().nullable(),
      groups: z.array(z.object({ value: z.union([z.string(), z.number()]), n: num, suppressed: z.boolean(), stages: z.array(z.object({ stage: z.string(), citizens: num })).nullable() })),
    }),
  ),
});

const ZCalibration = z
  .object({
    partII: num,
    edition: z.number().int(),
    epi: num,
    epiRank: num,
    epiOf: num,
    epiPercentile: num,
    selfPosition: num,
    method: z.string().nullable(),
    peers: z.number().nullable(),
    gap: num,
    reading: z.string().nullable(),
    lagYears: z.number(),
    fictional: z.boolean(),
    trend: z.object({
      cycles: z.array(z.object({ year: z.number().int(), partII: num, provisional: z.boolean() })),
      editions: z.array(z.object({ year: z.number().int(), epi: num, epiPercentile: num })),
    }),
  })
  .nullable();

const ZResults = z.object({
  assessment: z.object({ id: z.string(), country: z.string(), scope: z.string().nullable(), cycleYear: z.number().int(), state: z.enum(STATES), instrument: z.string() }),
  provisional: z.boolean(),
  respondents: z.number().int(),
  unsubmitted: z.number().int(),
  unassigned: z.array(z.object({ number: z.number().int(), name: z.string().nullable(), organisation: z.string().nullable() })),
  method: z.object({
    minCoverage: z.number(),
    bootstrap: z.object({ resamples: z.number().int(), seed: z.number(), level: z.number() }),
    globalSensitivity: z.object({ draws: z.number().int(), seed: z.number(), weightChange: z.number(), rules: z.array(z.string()) }),
    gapTest: z.object({ method: z.string(), permutations: z.number().int(), seed: z.number(), minGroupSize: z.number().int(), alpha: z.number() }),
  }),
  index: z.object({
    score: num,
    band: z.string().nullable(),
    coverage: num,
    sufficient: z.boolean(),
    partial: z.boolean(),
    pillarsScored: z.number().int(),
    pillarsTotal: z.number().int(),
    ...ZInterval,
    rangeMin: num,
    rangeMax: num,
    agreement: num,
    evidenceStrength: num,
    unsupported: z.number().int(),
    agreedItems: z.number().int(),
  }),
  parts: z.array(z.object({ id: z.string(), score: num, band: z.string().nullable(), coverage: num, sufficient: z.boolean(), partial: z.boolean(), ...ZInterval })),
  pillars: z.array(
    z.object({
      id: z.string(),
      score: num,
      band: z.string().nullable(),
      coverage: num,
      sufficient: z.boolean(),
      ...ZInterval,
      rank: num,
      rankMin: num,
      rankMax: num,
      agreement: num,
      alpha: num,
      alphaReading: z.string().nullable(),
      evidenceStrength: num,
      weight: z.number(),
      government: num,
      nonGovernment: num,
      gap: num,
      gapItems: z.number().int(),
      gapP: num,
      gapNoise: z.boolean().nullable(),
    }),
  ),
  stages: z.record(z.string(), num),
  items: z.array(
    z.object({
      id: z.string(),
      score: num,
      notApplicable: z.boolean(),
      agreement: num,
      respondents: z.number().int(),
      withEvidence: z.number().int(),
      source: z.enum(['consensus', 'default']).nullable(),
      value: ZValue.nullable().meta({ description: 'The consolidated answer, null when none.' }),
      defaultAnswer: ZValue.nullable(),
      gap: num,
      gapP: num,
      gapNoise: z.boolean().nullable(),
      decision: z
        .object({ rationale: z.string().nullable(), dissent: z.string().nullable(), decidedAt: z.string(), revision: z.number().int() })
        .nullable()
        .meta({ description: "The workshop's decision behind an agreed answer: why, and who disagreed; null without one." }),
    }),
  ),
  calibration: ZCalibration,
  citizens: ZPulse.nullable(),
});

const ZNamed = z.object({ id: z.string(), name: z.string().optional() });
const ZPlan = z.object({
  assessment: z.object({ id: z.string(), country: z.string(), scope: z.string().nullable(), cycleYear: z.number().int() }),
  plan: z.object({ version: z.number().int(), status: z.string(), language: z.string(), createdAt: z.string(), adoptedAt: z.string().nullable() }),
  sections: z.array(z.object({ key: z.string(), body: z.string(), revision: z.number().int() })),
  actions: z.array(
    z.object({
      id: z.string(),
      position: z.number().int(),
      source: z.string().nullable(),
      title: z.string(),
      description: z.string().nullable(),
      lead: ZNamed.nullable(),
      partners: z.array(ZNamed.nullable()),
      start: z.string().nullable(),
      end: z.string().nullable(),
      indicator: z.object({ name: z.string().nullable(), unit: z.string().nullable(), baseline: z.union([z.string(), z.number()]).nullable(), target: z.union([z.string(), z.number()]).nullable() }),
      budget: z.union([z.string(), z.number()]).nullable(),
      status: z.string(),
      currentStatus: z.string().nullable(),
      completion: z.string().nullable().meta({ description: 'The latest update’s completion level.' }),
      dropReason: z.string().nullable(),
      items: z.array(z.string()),
      pillars: z.array(z.string()),
      sdg: z.array(z.string()),
      priority: num,
      revision: z.number().int(),
      updates: z.array(z.object({ at: z.string(), status: z.string(), completion: z.string().nullable(), evidenceUrl: z.string().nullable(), note: z.string().nullable(), by: z.string().nullable() })),
    }),
  ),
});

const ZCountryBenchmarks = z.object({
  country: z.string(),
  region: z.string().nullable(),
  subregion: z.string().nullable(),
  fictional: z.boolean(),
  editions: z.array(
    z.object({
      year: z.number().int(),
      egdi: num,
      egdiRank: num,
      egdiOf: num,
      egdiPercentile: num,
      egdiGroup: z.string().nullable(),
      epi: num,
      epiRank: num,
      epiOf: num,
      epiPercentile: num,
      osi: num,
      hci: num,
      tii: num,
      fictional: z.boolean(),
    }),
  ),
  sources: z.array(z.object({ year: z.number().int(), source: z.string().nullable() })),
});

const ZInstrumentSummary = z.object({
  key: z.string(),
  version: z.string(),
  status: z.enum(['draft', 'published', 'retired']),
  items: z.number().int(),
  scored: z.number().int(),
  languages: z.array(z.string()),
  previousVersion: z.string().nullable(),
  createdAt: z.string(),
});

// c.get, not c.var: Hono builds a new object of every variable on each c.var access (every autosave).
type THandlerContext = Parameters<Parameters<typeof defineOperation>[0]['handler']>[0];
const actorOf = (c: THandlerContext) => c.get('actor');
const ctxOf = (c: THandlerContext) => c.get('ctx');

defineOperation({
  id: 'listAssessments',
  method: 'get',
  path: API_ROUTES.assessments,
  tag: 'assessments',
  summary: 'The assessments you take part in (every assessment for an administrator), newest first',
  scope: 'read',
  query: ZPageQuery,
  status: 200,
  response: pageOf(ZAssessmentSummary),
  errors: [400],
  paginated: true,
  handler: async (c, { query }) => {
    const rows = await listAssessments(ctxOf(c), actorOf(c));
    // Newest first, ties by id, so a cursor (the last id seen) always lands in the same place.
    const ordered = [...rows].sort((a, b) => (a.created_at === b.created_at ? (a.id < b.id ? 1 : -1) : a.created_at < b.created_at ? 1 : -1));
    const page = paginate(ordered, (r) => r.id, query as { limit: number; cursor?: string });
    return {
      items: page.items.map((r) => ({ id: r.id, country: r.country, scope: r.scope, cycleYear: r.cycle_year, state: r.state, deadline: r.deadline, createdAt: r.created_at, role: r.role ?? null })),
      next: page.next,
    };
  },
});

defineOperation({
  id: 'getAssessment',
  method: 'get',
  path: API_ROUTES.assessment,
  tag: 'assessments',
  summary: 'One assessment: its state, instrument and, for coordinators, organisations and participation',
  scope: 'read',
  params: ZAssessmentParams,
  status: 200,
  response: ZAssessment,
  errors: [404],
  handler: async (c, { params }) => {
    const access = await loadAssessment(ctxOf(c), actorOf(c), params.id as string, 'assessment.read');
    const d = access.may('participants.read') ? await getDashboard(ctxOf(c), actorOf(c), access.assessment.id) : null;
    const a = access.assessment;
    return {
      id: a.id,
      country: a.country,
      scope: a.scope,
      cycleYear: a.cycle_year,
      state: a.state,
      deadline: a.deadline,
      createdAt: a.created_at,
      role: access.role ?? null,
      instrument: { key: access.instrument.key, version: access.instrument.version },
      organisations: d ? d.organisations.map((o) => ({ id: o.id, name: o.name, group: o.group_code })) : null,
      participants: d
        ? { total: d.participants.length, started: d.participants.filter((p) => p.status !== 'joined').length, submitted: d.participants.filter((p) => p.status === 'submitted').length }
        : null,
    };
  },
});

defineOperation({
  id: 'getResults',
  method: 'get',
  path: API_ROUTES.results,
  tag: 'results',
  summary: 'The results: index, parts, pillars, stages and items with intervals, agreement, gaps and calibration',
  description: 'The same numbers as the results page, its JSON download and `metep results`.',
  scope: 'read',
  params: ZAssessmentParams,
  status: 200,
  response: ZResults,
  errors: [403, 404],
  handler: async (c, { params }) => resultsJson(await computeResults(ctxOf(c), actorOf(c), params.id as string)),
});

defineOperation({
  id: 'getPlan',
  method: 'get',
  path: API_ROUTES.plan,
  tag: 'plans',
  summary: 'The action plan: sections, actions, their indicators and progress updates',
  scope: 'read',
  params: ZAssessmentParams,
  status: 200,
  response: ZPlan,
  errors: [403, 404],
  handler: async (c, { params }) => {
    const doc = await getPlanDocument(ctxOf(c), actorOf(c), params.id as string);
    return planJson(doc.assessment, doc.plan);
  },
});

defineOperation({
  id: 'getPulse',
  method: 'get',
  path: API_ROUTES.pulse,
  tag: 'pulse',
  summary: 'The citizen pulse results: responses, stage comparison, question shares with intervals, breakdowns',
  scope: 'read',
  params: ZAssessmentParams,
  status: 200,
  response: ZPulse,
  errors: [403, 404],
  handler: async (c, { params }) => pulseJson(await getPulseResults(ctxOf(c), actorOf(c), params.id as string)),
});

defineOperation({
  id: 'saveAnswers',
  method: 'post',
  path: API_ROUTES.answers,
  tag: 'answers',
  summary: 'Saves your answers (all or nothing: one answer that does not fit its item saves none)',
  description: 'The same use case as the questionnaire pages and their autosave. Each problem is named by item in `errors`.',
  scope: 'read_write',
  params: ZAssessmentParams,
  body: ZAnswerBatch,
  example: { answers: [{ itemId: 'A.01', value: { kind: 'level', level: 3 }, comment: null }] },
  status: 200,
  response: z.object({
    saved: z.number().int(),
    at: z.string().meta({ description: 'When they were saved: send it back as `base` to say which version of these answers you last read.' }),
    stale: z.array(z.string()).meta({ description: 'Items not written because their stored answer changed after the `base` sent (another tab or device) and differs from yours: the stored one stays. Empty without `base`.' }),
  }),
  errors: [400, 403, 404, 409, 413],
  handler: async (c, { params, body }) => saveAnswers(ctxOf(c), actorOf(c), params.id as string, body),
});

defineOperation({
  id: 'createOrganisation',
  method: 'post',
  path: API_ROUTES.organisations,
  tag: 'participants',
  summary: 'Lists a participating organisation with its stakeholder group (or returns the one of that name)',
  scope: 'read_write',
  params: ZAssessmentParams,
  body: ZOrganisation,
  example: { name: 'Ministry of Digital Affairs', group: 'central_government' },
  status: 201,
  response: z.object({ id: z.string() }),
  errors: [400, 403, 404, 409, 413],
  handler: async (c, { params, body }) => ({ id: await addOrganisation(ctxOf(c), actorOf(c), params.id as string, body) }),
});

defineOperation({
  id: 'createInvitation',
  method: 'post',
  path: API_ROUTES.invitations,
  tag: 'participants',
  summary: 'Invites a person; the answer carries the invitation link (e-mailed too when an address is given)',
  scope: 'read_write',
  params: ZAssessmentParams,
  body: ZInvite,
  example: { name: 'Amal Haddad', email: 'amal@example.org', organisation: 'Ministry of Digital Affairs', group: 'central_government', role: 'respondent', locale: 'ar' },
  status: 201,
  response: z.object({ id: z.string(), url: z.string(), emailed: z.boolean(), mailError: z.string().optional() }),
  errors: [400, 403, 404, 409, 413],
  handler: async (c, { params, body }) => createInvitation(ctxOf(c), actorOf(c), params.id as string, body),
});

defineOperation({
  id: 'listCountryBenchmarks',
  method: 'get',
  path: API_ROUTES.countries,
  tag: 'benchmarks',
  summary: 'Every country with figures as it stands in the latest UN E-Government Survey edition, by ISO3 code',
  scope: 'public',
  query: ZPageQuery,
  status: 200,
  response: pageOf(
    z.object({
      country: z.string(),
      year: z.number().int(),
      fictional: z.boolean(),
      egdi: num,
      egdiRank: num,
      egdiOf: z.number().int(),
      egdiPercentile: num,
      egdiGroup: z.string().nullable(),
      epi: num,
      epiRank: num,
      epiOf: z.number().int(),
      epiPercentile: num,
      osi: num,
      hci: num,
      tii: num,
    }),
  ),
  errors: [400],
  paginated: true,
  cache: 'public, max-age=300',
  handler: async (c, { query }) => {
    const { rows } = await listBenchmarkCountries(ctxOf(c));
    const ordered = [...rows].sort((a, b) => (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));
    const page = paginate(ordered, (r) => r.iso3, query as { limit: number; cursor?: string });
    return { items: page.items.map((r) => ({ ...r, country: r.iso3 })), next: page.next };
  },
});

defineOperation({
  id: 'getCountryBenchmarks',
  method: 'get',
  path: API_ROUTES.country,
  tag: 'benchmarks',
  summary: 'A country’s UN E-Government Survey figures (EGDI, EPI and their components) per edition',
  scope: 'public',
  params: z.object({ iso3: z.string().min(1).max(8).meta({ description: 'ISO 3166-1 alpha-3' }) }),
  status: 200,
  response: ZCountryBenchmarks,
  errors: [404],
  // Figures change only when an administrator imports an edition.
  cache: 'public, max-age=300',
  handler: async (c, { params }) => countryBenchmarksJson(await getCountryProfile(ctxOf(c), params.iso3 as string)),
});

defineOperation({
  id: 'listInstruments',
  method: 'get',
  path: API_ROUTES.instruments,
  tag: 'instruments',
  summary: 'The stored instrument versions (a short catalogue, not paginated)',
  scope: 'public',
  status: 200,
  response: z.object({ instruments: z.array(ZInstrumentSummary) }),
  errors: [],
  handler: async (c) => ({ instruments: await listInstrumentSummaries(ctxOf(c)) }),
});

defineOperation({
  id: 'getInstrument',
  method: 'get',
  path: API_ROUTES.instrument,
  tag: 'instruments',
  summary: 'One instrument version in full: parts, pillars, items in six languages, scoring and crosswalk',
  scope: 'public',
  params: z.object({ key: z.string().min(1).max(64), version: z.string().min(1).max(64) }),
  status: 200,
  response: ZInstrument,
  errors: [404],
  cache: 'public, max-age=3600',
  handler: async (c, { params }) => (await getInstrument(ctxOf(c), params.key as string, params.version as string)).instrument,
});

defineOperation({
  id: 'getOpenApi',
  method: 'get',
  path: API_ROUTES.openApi,
  tag: 'meta',
  summary: 'This document: OpenAPI 3.1, generated from the schemas that validate requests and shape answers',
  scope: 'public',
  status: 200,
  response: z.looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }),
  errors: [],
  cache: 'public, max-age=300',
  handler: async (c) => openApiDocument(ctxOf(c).config.publicUrl),
});

// Published assessments: what the public pages show, for everyone, no token needed. Made only from the
// redacted report (domain/publication): an assessment that is not published is 404 here.
const ZPublication = z.object({
  level: z.enum(PUBLICATION_LEVELS).meta({ description: 'What the coordinator made public: scores only, plus answer distributions, plus comments.' }),
  licence: z.string().meta({ description: 'SPDX id of the data licence chosen when publishing.' }),
  publishedAt: z.string(),
});

defineOperation({
  id: 'listPublishedAssessments',
  method: 'get',
  path: API_ROUTES.publicAssessments,
  tag: 'publication',
  summary: 'Published assessments: country, cycle, index and band, with links to the public report and its data',
  scope: 'public',
  query: ZPageQuery.extend({ language: z.string().optional().meta({ description: 'ar, en, es, fr, ru or zh: the language of `countryName` (en by default), as on each report.' }) }),
  status: 200,
  response: pageOf(
    z.object({
      id: z.string(),
      country: z.string(),
      countryName: z.string().meta({ description: 'The UN short name of the country in the language asked.' }),
      scope: z.string().nullable(),
      cycleYear: z.number().int(),
      publishedAt: z.string(),
      index: num,
      band: z.string().nullable(),
      level: z.enum(PUBLICATION_LEVELS),
      licence: z.string(),
      page: z.string(),
      data: z.string(),
    }),
  ),
  errors: [400],
  paginated: true,
  handler: async (c, { query }) => {
    const rows = await listPublications(ctxOf(c));
    const base = ctxOf(c).config.publicUrl;
    const q = query as { limit: number; cursor?: string; language?: string };
    const lang = isLocale(q.language) ? q.language : 'en';
    const page = paginate(rows, (r) => r.id, q);
    // The links keep the language asked, so a client that reads in Arabic follows to reports in Arabic.
    const language = lang === 'en' ? undefined : lang;
    return {
      items: page.items.map((r) => ({ ...r, countryName: countryName(lang, r.country), page: absolute(base, paths.publicAssessment(r.id, language)), data: absolute(base, paths.publicApiAssessment(r.id, language)) })),
      next: page.next,
    };
  },
});

defineOperation({
  id: 'getPublishedReport',
  method: 'get',
  path: API_ROUTES.publicAssessment,
  tag: 'publication',
  summary: 'The country report of a published assessment, as published (only what its publication level allows)',
  scope: 'public',
  params: ZAssessmentParams,
  query: z.object({ language: z.string().optional().meta({ description: 'ar, en, es, fr, ru or zh: the language of the report\'s labels (en by default).' }) }),
  status: 200,
  response: z.object({
    publication: ZPublication,
    // The report model is the one the public page prints (docs/METHODOLOGY.md says what each figure is);
    // its fields are listed by the redaction whitelist (domain/publication/redact-report.ts).
    report: z.looseObject({
      cover: z.looseObject({ countryCode: z.string(), cycleYear: z.number().int() }),
      pillars: z.array(z.looseObject({ id: z.string() })),
      items: z.array(z.looseObject({ id: z.string() })),
    }),
  }),
  errors: [404],
  handler: async (c, { params, query }) => {
    const asked = (query as { language?: string }).language;
    const { report, publication } = await getPublicReport(ctxOf(c), params.id as string, isLocale(asked) ? asked : 'en');
    return { publication, report };
  },
});
