// Every command of the CLI, in the order `metep --help` lists them. Only what --help prints and how the
// options parse is here; each `load` imports the command's module when the command runs (see index.ts).
import type { Command } from './index.ts';

/** All commands. */
export const allCommands: Command[] = [
  {
    path: ['serve'],
    summary: 'Run the web application (what `npm start` runs).',
    usage: 'metep serve   (PORT, HOST, DATABASE_URL … from the environment)',
    options: {},
    load: async () => (await import('./serve.ts')).serve,
  },
  {
    path: ['migrate'],
    summary: 'Apply pending database migrations (also done at every start).',
    usage: 'metep migrate',
    options: {},
    load: async () => (await import('./serve.ts')).migrate,
  },
  {
    path: ['user', 'create'],
    summary: 'Create an account (password generated and printed once, or read with --password-stdin).',
    usage: 'metep user create --email ADDRESS --name "NAME" [--admin] [--coordinator] [--password-stdin]   (--coordinator: may create assessments)',
    options: { email: { type: 'string' }, name: { type: 'string' }, admin: { type: 'boolean' }, coordinator: { type: 'boolean' }, 'password-stdin': { type: 'boolean' } },
    load: async () => (await import('./users.ts')).userCreate,
  },
  {
    path: ['user', 'reset-link'],
    summary: 'Print a one-time password-reset link for an account.',
    usage: 'metep user reset-link --email ADDRESS',
    options: { email: { type: 'string' } },
    load: async () => (await import('./users.ts')).userResetLink,
  },
  {
    path: ['instrument', 'validate'],
    summary: 'Check an instrument file (merged JSON) or folder (split files); lists every problem by item and field.',
    usage: 'metep instrument validate <file|dir>',
    options: {},
    allowPositionals: true,
    load: async () => (await import('./instrument.ts')).validate,
  },
  {
    path: ['instrument', 'list'],
    summary: 'List the instrument versions stored in this installation.',
    usage: 'metep instrument list',
    options: {},
    load: async () => (await import('./instrument.ts')).list,
  },
  {
    path: ['instrument', 'export'],
    summary: 'Print an instrument version as merged JSON (all languages), or write a translators\' XLSX (one sheet per language), one language as XLIFF 2.0 with its review states, an XLSForm (KoboToolbox, ODK Central) or an XForm (ODK Collect, Enketo) in six languages.',
    usage: 'metep instrument export [--key metep] [--version V] --format json|xlsx|xliff|xlsform|xform [--lang ar] [--out FILE]',
    options: { key: { type: 'string', default: 'metep' }, version: { type: 'string' }, format: { type: 'string', default: 'json' }, lang: { type: 'string' }, out: { type: 'string' } },
    load: async () => (await import('./instrument.ts')).exportInstrument,
  },
  {
    path: ['instrument', 'import'],
    summary: 'Store a new instrument version from a JSON instrument, or from a translated XLSX or XLIFF 2.0 file (as a new draft version).',
    usage: 'metep instrument import <file.json|file.xlsx|file.xlf> [--version NEW]   (XLSX, XLIFF: NEW defaults to the next free minor version)',
    options: { version: { type: 'string' } },
    allowPositionals: true,
    load: async () => (await import('./instrument.ts')).importFile,
  },
  {
    path: ['instrument', 'publish-translation'],
    summary: 'Sign off one language of an instrument version as an approved translation; refused while any of its texts is not approved.',
    usage: 'metep instrument publish-translation --lang ar [--key metep] [--version V]',
    options: { key: { type: 'string', default: 'metep' }, version: { type: 'string' }, lang: { type: 'string' } },
    load: async () => (await import('./instrument.ts')).publishLanguage,
  },
  {
    path: ['translations', 'export-ui'],
    summary: 'Write a language\'s UI catalog with the texts edited in the translators\' workbench (the layout of src/i18n/locales/LANG.json), to contribute them to the project.',
    usage: 'metep translations export-ui --lang ar [--out src/i18n/locales/ar.json]',
    options: { lang: { type: 'string' }, out: { type: 'string' } },
    load: async () => (await import('./translations.ts')).exportUi,
  },
  {
    path: ['answers', 'import'],
    summary: 'Import answers collected in the field: the CSV that KoboToolbox or ODK export for METEP\'s field form (all rows or nothing).',
    usage: 'metep answers import ASSESSMENT-ID FILE.csv [--skip-invalid]\n' +
      '  FILE.csv       the export of the XLSForm/XForm of the assessment\'s instrument version (`metep instrument export --format xlsform`);\n' +
      '                 a row with the e-mail of an invited respondent is theirs; without one it becomes a pseudonymous respondent\n' +
      '                 of the row\'s stakeholder group (the same submission imported again updates it)\n' +
      '  --skip-invalid import the good rows and list the bad ones (otherwise one bad row refuses the file)',
    options: { 'skip-invalid': { type: 'boolean' } },
    allowPositionals: true,
    load: async () => (await import('./answers.ts')).answersImport,
  },
  {
    path: ['benchmarks', 'import'],
    summary: 'Import a UN E-Government Survey edition from the Data Center\'s CSV or XLSX file (all rows or nothing).',
    usage: 'metep benchmarks import FILE [--edition YEAR] [--dry-run] [--replace] [--skip-invalid]\n' +
      '  FILE          the edition as the UN E-Government Knowledgebase Data Center publishes it (EGOV_DATA_<year>.csv or .xlsx):\n' +
      '                Survey Year, Country Name, E-Government Rank, E-Government Index, E-Participation Index, Online Service Index,\n' +
      '                Human Capital Index, Telecommunication Infrastructure Index\n' +
      '  --edition     the survey year, when the file has no Survey Year column (or to check it)\n' +
      '  --dry-run     check and report; store nothing\n' +
      '  --replace     replace an edition that is already loaded\n' +
      '  --skip-invalid import the good rows and list the bad ones (otherwise one bad row refuses the file)',
    options: { edition: { type: 'string' }, 'dry-run': { type: 'boolean' }, replace: { type: 'boolean' }, 'skip-invalid': { type: 'boolean' } },
    allowPositionals: true,
    load: async () => (await import('./benchmarks.ts')).benchmarksImport,
  },
  {
    path: ['benchmarks', 'list'],
    summary: 'List the UN E-Government Survey editions loaded, with their source and who imported them when.',
    usage: 'metep benchmarks list',
    options: {},
    load: async () => (await import('./benchmarks.ts')).benchmarksList,
  },
  {
    path: ['benchmarks', 'show'],
    summary: 'Print one country\'s EGDI and EPI with rank and percentile in every edition.',
    usage: 'metep benchmarks show ISO3 [--format json|csv]',
    options: { format: { type: 'string', default: 'json' } },
    allowPositionals: true,
    load: async () => (await import('./benchmarks.ts')).benchmarksShow,
  },
  {
    path: ['demo'],
    summary: 'Create a demo assessment (fictional Demoland, 12 respondents who have answered); safe to run again.',
    usage: 'metep demo   (prints the demo accounts with a fresh password; do not run on a production installation)',
    options: {},
    load: async () => (await import('./demo.ts')).demo,
  },
  {
    path: ['assessments', 'list'],
    summary: 'List the assessments of this installation (id, country, year, scope, state, deadline), newest first.',
    usage: 'metep assessments list [--format tsv|json]   (the id is what `metep results` takes)',
    options: { format: { type: 'string', default: 'tsv' } },
    load: async () => (await import('./assessments.ts')).assessmentsList,
  },
  {
    path: ['results'],
    summary: 'Print the scores of an assessment (index, parts, pillars, stages, items with coverage, intervals, agreement and gap tests).',
    usage: 'metep results <assessment-id> [--format json|csv] [--lang ar|en|es|fr|ru|zh]   (provisional until the results are validated; --lang: the CSV\'s labels, default en)',
    options: { format: { type: 'string', default: 'json' }, lang: { type: 'string', default: 'en' } },
    allowPositionals: true,
    load: async () => (await import('./results.ts')).results,
  },
  {
    path: ['report'],
    summary: 'Write the country report of an assessment in one of the six languages, as PDF (printed by Chromium), standalone HTML, an XLSX workbook or open data (a Frictionless data package: datapackage.json and CSVs in a ZIP).',
    usage: 'metep report <assessment-id> --lang ar|en|es|fr|ru|zh --format pdf|html|xlsx|datapackage --out FILE [--licence CC-BY-4.0]   (PDF needs Chromium: CHROMIUM_PATH, default /usr/bin/chromium; --licence is an SPDX id for the data package: CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, ODC-By-1.0, ODbL-1.0, PDDL-1.0)',
    options: { lang: { type: 'string', default: 'en' }, format: { type: 'string', default: 'pdf' }, out: { type: 'string' }, licence: { type: 'string' } },
    allowPositionals: true,
    load: async () => (await import('./report.ts')).report,
  },
  {
    path: ['backup'],
    summary: 'Write a consistent copy of the whole database to a file (safe while the app runs).',
    usage: 'metep backup --out FILE   (SQLite: a SQLite file; PostgreSQL: a pg_dump custom-format archive, needs pg_dump)',
    options: { out: { type: 'string' } },
    load: async () => (await import('./backup.ts')).backup,
  },
  {
    path: ['restore'],
    summary: 'Replace the database with a backup made by `metep backup` (stop the app first).',
    usage: 'metep restore FILE [--yes]   (--yes is needed when the database already has accounts: they are replaced)',
    options: { yes: { type: 'boolean', default: false } },
    allowPositionals: true,
    load: async () => (await import('./backup.ts')).restore,
  },
];
