// Every URL the app builds, in one place: views, redirects, mails and the CLI call these builders, and the
// route tables mount their sub-apps at the prefixes below, so a path changes here or nowhere. Pure (no
// imports): mail templates and command-line code use it as well as pages.

const enc = encodeURIComponent;

/** Where each area's sub-app is mounted (Hono patterns). */
export const MOUNT = {
  assessments: '/assessments',
  assessment: '/assessments/:id',
  assessmentApi: '/api/v1/assessments/:id',
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
    /** The results page scrolled to one pillar's item table (its id is `items-<pillar>`). */
    resultsPillarItems: (pillarId: string) => `${base}/results#items-${enc(pillarId)}`,
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
  /** One language of an instrument version as XLIFF 2.0. */
  translationsXliff: (lang: string, scope: string) => `${MOUNT.translations}/${enc(lang)}/xliff?scope=${enc(scope)}`,
  translators: MOUNT.translatorsAdmin,
  tokens: MOUNT.tokens,
  tokenRevoke: (id: string) => `${MOUNT.tokens}/${enc(id)}/revoke`,
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
