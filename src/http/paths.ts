// Every URL the app builds, in one place: views, redirects, mails and the CLI call these builders, and the
// route tables mount their sub-apps at the prefixes below, so a path changes here or nowhere. Pure (no
// imports): mail templates and command-line code use it as well as pages.

const enc = encodeURIComponent;

/** Where each area's sub-app is mounted (Hono patterns). */
export const MOUNT = {
  assessments: '/assessments',
  assessment: '/assessments/:id',
  instrumentApi: '/api/v1/instruments',
  admin: '/admin',
  join: '/join',
  countries: '/countries',
  countryApi: '/api/v1/countries',
  benchmarksAdmin: '/admin/benchmarks',
  pulse: '/p',
  translations: '/translations',
  translatorsAdmin: '/admin/translators',
  /** Everything under it accepts a personal API token (Authorization: Bearer). */
  api: '/api/v1',
  tokens: '/account/tokens',
  programme: '/programme',
  programmeAdmin: '/admin/programme',
  /** Published assessments for everyone, no sign-in (domain/publication). */
  publicAssessments: '/public/assessments',
  publicApi: '/api/v1/public/assessments',
} as const;

/** The API's operations as Hono patterns relative to MOUNT.api (src/http/api/operations.ts declares them). */
export const API_ROUTES = {
  openApi: '/openapi.json',
  assessments: '/assessments',
  assessment: '/assessments/:id',
  results: '/assessments/:id/results',
  plan: '/assessments/:id/plan',
  pulse: '/assessments/:id/pulse',
  answers: '/assessments/:id/answers',
  organisations: '/assessments/:id/organisations',
  invitations: '/assessments/:id/invitations',
  countries: '/countries',
  country: '/countries/:iso3',
  instruments: '/instruments',
  instrument: '/instruments/:key/:version',
  publicAssessments: '/public/assessments',
  publicAssessment: '/public/assessments/:id',
} as const;

/** The pages and actions of one assessment. */
export function assessmentPaths(id: string) {
  const base = `${MOUNT.assessments}/${enc(id)}`;
  const api = `/api/v1/assessments/${enc(id)}`;
  return {
    overview: base,
    state: `${base}/state`,
    participants: `${base}/participants`,
    participantsCsv: `${base}/participants.csv`,
    settings: `${base}/settings`,
    organisations: `${base}/organisations`,
    organisation: (organisationId: string) => `${base}/organisations/${enc(organisationId)}`,
    removeOrganisation: (organisationId: string) => `${base}/organisations/${enc(organisationId)}/remove`,
    person: (userId: string) => `${base}/people/${enc(userId)}`,
    removePerson: (userId: string) => `${base}/people/${enc(userId)}/remove`,
    invitations: `${base}/invitations`,
    invitationsCsv: `${base}/invitations/csv`,
    fieldImport: `${base}/field-import`,
    revokeInvitation: (invitationId: string) => `${base}/invitations/${enc(invitationId)}/revoke`,
    resendInvitation: (invitationId: string) => `${base}/invitations/${enc(invitationId)}/resend`,
    remind: `${base}/remind`,
    answer: `${base}/answer`,
    answerPillar: (pillarId: string) => `${base}/answer/${enc(pillarId)}`,
    submit: `${base}/submit`,
    file: (fileId: string) => `${base}/files/${enc(fileId)}`,
    workshop: `${base}/workshop`,
    workshopPillar: (pillarId: string) => `${base}/workshop/${enc(pillarId)}`,
    workshopItem: (itemId: string) => `${base}/workshop/items/${enc(itemId)}`,
    consensus: (itemId: string) => `${base}/workshop/items/${enc(itemId)}/consensus`,
    anonymise: `${base}/anonymise`,
    room: `${base}/room`,
    roomLive: `${base}/room?part=live`,
    roomEvents: `${base}/room/events`,
    /** The room's event stream for a page showing snapshot `tag` (the stream starts with a newer one). */
    roomEventsSince: (tag: string) => `${base}/room/events?since=${enc(tag)}`,
    roomShow: `${base}/room/show`,
    poll: `${base}/poll`,
    polls: `${base}/polls`,
    closePoll: `${base}/polls/close`,
    roomVoting: `${base}/room/voting`,
    validation: `${base}/validation`,
    acceptDefaults: `${base}/validation/accept-defaults`,
    results: `${base}/results`,
    resultsJson: `${base}/results.json`,
    resultsCsv: `${base}/results.csv`,
    resultsItem: (itemId: string) => `${base}/results/items/${enc(itemId)}`,
    /** Every item's score on its own page (kept off the results page, which stays within its weight budget). */
    resultsItems: `${base}/results/items`,
    /** The items page scrolled to one pillar's item table (its id is `items-<pillar>`). */
    resultsPillarItems: (pillarId: string) => `${base}/results/items#items-${enc(pillarId)}`,
    /** The country report in a language (`?language=`: `?lang=` is the interface switch, and the report's language is its own). */
    report: (language?: string) => `${base}/report${language ? `?language=${enc(language)}` : ''}`,
    reportPdf: (language: string) => `${base}/report.pdf?language=${enc(language)}`,
    reportXlsx: (language: string) => `${base}/report.xlsx?language=${enc(language)}`,
    /** The report's open data: a Frictionless data package (datapackage.json and CSVs) in a ZIP. */
    reportZip: (language: string) => `${base}/report.zip?language=${enc(language)}`,
    plan: `${base}/plan`,
    planTimeline: `${base}/plan/timeline`,
    planGenerate: `${base}/plan/generate`,
    planAdopt: `${base}/plan/adopt`,
    planVersions: `${base}/plan/versions`,
    planActions: `${base}/plan/actions`,
    planActionNew: `${base}/plan/actions/new`,
    planAction: (actionId: string) => `${base}/plan/actions/${enc(actionId)}`,
    planActionUpdates: (actionId: string) => `${base}/plan/actions/${enc(actionId)}/updates`,
    planSection: (key: string) => `${base}/plan/sections/${enc(key)}`,
    planXlsx: `${base}/plan.xlsx`,
    planCsv: `${base}/plan.csv`,
    planJson: `${base}/plan.json`,
    pulse: `${base}/pulse`,
    pulseCodes: `${base}/pulse/codes`,
    pulseResults: `${base}/pulse/results`,
    /** A respondent's consent to be named in the report's participants annex. */
    consent: `${base}/consent`,
    /** What a published assessment shows the public, and its data licence. */
    publication: `${base}/publication`,
    api: {
      answers: `${api}/answers`,
      results: `${api}/results`,
      plan: `${api}/plan`,
      pulse: `${api}/pulse`,
    },
  };
}

/** Site-wide pages. */
export const paths = {
  home: '/',
  signIn: (next?: string) => (next ? `/sign-in?next=${enc(next)}` : '/sign-in'),
  signOut: '/sign-out',
  setup: (token: string) => `/setup/${enc(token)}`,
  reset: (token: string) => `/reset/${enc(token)}`,
  forgotPassword: '/forgot-password',
  /** The room code's page: anyone in the room reaches the poll by typing or scanning the code. */
  vote: '/v',
  voteCode: (code: string) => `/v/${enc(code)}`,
  join: (token: string) => `${MOUNT.join}/${enc(token)}`,
  users: `${MOUNT.admin}/users`,
  userResetLink: (userId: string) => `${MOUNT.admin}/users/${enc(userId)}/reset-link`,
  assessments: MOUNT.assessments,
  instruments: '/instruments',
  instrument: (key: string, version: string) => `/instruments/${enc(key)}/${enc(version)}`,
  instrumentPillar: (key: string, version: string, pillarId: string) => `/instruments/${enc(key)}/${enc(version)}/${enc(pillarId)}`,
  instrumentXlsForm: (key: string, version: string) => `/instruments/${enc(key)}/${enc(version)}/xlsform.xlsx`,
  instrumentXForm: (key: string, version: string) => `/instruments/${enc(key)}/${enc(version)}/xform.xml`,
  instrumentJson: (key: string, version: string) => `${MOUNT.instrumentApi}/${enc(key)}/${enc(version)}`,
  methodology: '/methodology',
  countries: MOUNT.countries,
  country: (iso3: string, query?: string) => `${MOUNT.countries}/${enc(iso3)}${query ? `?${query}` : ''}`,
  countryJson: (iso3: string) => `${MOUNT.countryApi}/${enc(iso3)}`,
  benchmarkEditions: MOUNT.benchmarksAdmin,
  /** The public citizen pulse of an assessment, by its short code (printed on posters). */
  pulse: (code: string) => `${MOUNT.pulse}/${enc(code)}`,
  pulseThanks: (code: string) => `${MOUNT.pulse}/${enc(code)}/thanks`,
  pulsePoster: (code: string, lang: string) => `${MOUNT.pulse}/${enc(code)}/poster/${enc(lang)}`,
  translations: MOUNT.translations,
  /** The workbench of one language, with its filters as a query string. */
  translationsLang: (lang: string, query?: string) => `${MOUNT.translations}/${enc(lang)}${query ? `?${query}` : ''}`,
  translationsReview: (lang: string) => `${MOUNT.translations}/${enc(lang)}/review`,
  /** One string of the workbench: its text to edit, history and suggestions. */
  translationsString: (lang: string, scope: string, key: string) => `${MOUNT.translations}/${enc(lang)}/string?${new URLSearchParams({ scope, key }).toString()}`,
  translationsEdit: (lang: string) => `${MOUNT.translations}/${enc(lang)}/edit`,
  translationsSuggest: (lang: string) => `${MOUNT.translations}/${enc(lang)}/suggest`,
  translationsDecide: (lang: string, id: string) => `${MOUNT.translations}/${enc(lang)}/suggestions/${enc(id)}`,
  /** One language of an instrument version as XLIFF 2.0. */
  translationsXliff: (lang: string, scope: string) => `${MOUNT.translations}/${enc(lang)}/xliff?scope=${enc(scope)}`,
  translators: MOUNT.translatorsAdmin,
  tokens: MOUNT.tokens,
  /** The programme view across countries, with its filters as a query string. */
  programme: (query?: string) => `${MOUNT.programme}${query ? `?${query}` : ''}`,
  /** The open-data export of the published results the programme view shows (same filters). */
  programmeCsv: (query?: string) => `${MOUNT.programme}/results.csv${query ? `?${query}` : ''}`,
  programmeOfficers: MOUNT.programmeAdmin,
  /** The API's documentation page (a page, outside /api/, so it gets the pages' language and styles). */
  apiDocs: '/api',
  /** The OpenAPI 3.1 document of the API. */
  openApi: `${MOUNT.api}${API_ROUTES.openApi}`,
  tokenRevoke: (id: string) => `${MOUNT.tokens}/${enc(id)}/revoke`,
  /** The public index of published assessments and each one's public report (`?language=` as on the report). */
  publicAssessments: MOUNT.publicAssessments,
  publicAssessment: (id: string, language?: string) => `${MOUNT.publicAssessments}/${enc(id)}${language ? `?language=${enc(language)}` : ''}`,
  publicReportPdf: (id: string, language: string) => `${MOUNT.publicAssessments}/${enc(id)}/report.pdf?language=${enc(language)}`,
  publicReportXlsx: (id: string, language: string) => `${MOUNT.publicAssessments}/${enc(id)}/report.xlsx?language=${enc(language)}`,
  /** The open data (Frictionless data package, zip) of a published report, under its publication's licence. */
  publicReportZip: (id: string, language: string) => `${MOUNT.publicAssessments}/${enc(id)}/report.zip?language=${enc(language)}`,
  publicApi: MOUNT.publicApi,
  publicApiAssessment: (id: string, language?: string) => `${MOUNT.publicApi}/${enc(id)}${language ? `?language=${enc(language)}` : ''}`,
  healthz: '/healthz',
  serviceWorker: '/sw.js',
  asset: (hash: string, name: string) => `/static/${hash}/${name}`,
} as const;

/** An absolute address for links that leave the app (mails, the CLI, links to copy). */
export function absolute(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${path}`;
}

/** Whether a request path is a questionnaire page (which may carry an evidence document). */
export function isAnswerPage(path: string): boolean {
  return /^\/assessments\/[^/]+\/answer\/[A-Z]$/.test(path);
}
