// Layer and area boundaries of METEP (docs/ARCHITECTURE.md), checked by `npm run lint:deps` as the first
// step of `npm test`. Dependencies point one way, http → domain → db; scoring and the instrument model are
// pure; an area uses another area only through its use cases. Tests (test/, e2e/, *.test.ts) and bench/
// may import anything, except that bench/ does not depend on the browser tests in e2e/.
// Paths are relative to the repository root; npm packages resolve to node_modules/<name>/….

/** A test file beside the code: the rules below are about product code only. */
const TEST_FILE = '\\.test\\.tsx?$';
/** Test helpers that live beside the code they serve (not *.test.ts, but only tests may use them). */
const TEST_HELPER = '^src/scoring/test-fixture\\.ts$';
/**
 * A domain use-case file: its name starts with a verb (`get-results-page.ts`, `vote.ts`). Noun-named files
 * in an area (`account-schemas.ts`, `poll-view.ts`) are that area's internals.
 */
const USE_CASE =
  '^src/domain/[^/]+/(get|list|load|create|add|import|export|record|open|close|vote|show|set|save|submit|upload|remove|accept|resend|revoke|check|describe|deliver|start|resolve|reset|sign|change|compute|ensure|send|seed|validate)(-[^/]+|)\\.tsx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-not-to-http',
      comment:
        'The domain is the product without its web face: it is called by http/, the CLI and tests alike, so ' +
        'it never imports src/http, Hono or hono/jsx (http → domain → db).',
      severity: 'error',
      from: { path: '^src/domain/', pathNot: TEST_FILE },
      to: { path: ['^src/http/', '^node_modules/hono/', '^node_modules/@hono/'] },
    },
    {
      name: 'domain-has-no-jsx',
      comment:
        'A .tsx file compiles to hono/jsx calls that no import line shows, so domain code is plain .ts ' +
        '(the other half of domain-not-to-http).',
      severity: 'error',
      from: { path: '^src/domain/.+\\.tsx$' },
      to: {},
    },
    {
      name: 'scoring-is-pure',
      comment:
        'Scoring is pure functions over answers and the instrument model (no I/O), so it runs the same in ' +
        'the server, the CLI, reports and unit tests: it imports only src/scoring and the instrument schema, ' +
        'model and crosswalk helpers and the citizen pulse schema — no Node built-ins, no npm packages, no db, no instrument loader (which reads files).',
      severity: 'error',
      from: { path: '^src/scoring/', pathNot: [TEST_FILE, TEST_HELPER] },
      to: { pathNot: ['^src/scoring/', '^src/instrument/(schema|model|crosswalk|pulse/schema)\\.ts$'] },
    },
    {
      name: 'instrument-model-is-pure',
      comment:
        'The instrument schema and model helpers are what scoring may import, so they stay pure too: ' +
        'each other and zod, nothing else (reading files is loader.ts’s job).',
      severity: 'error',
      from: { path: '^src/instrument/(schema|model|crosswalk|pulse/schema)\\.ts$' },
      to: { pathNot: ['^src/instrument/(schema|model|crosswalk|pulse/schema)\\.ts$', '^node_modules/zod/'] },
    },
    {
      name: 'instrument-not-to-app',
      comment:
        'The instrument (schema, loader, spreadsheets, texts) is data plus its contract, used by the app ' +
        'and by the CLI before any database exists: it imports none of db, domain, http, reports, cli.',
      severity: 'error',
      from: { path: '^src/instrument/', pathNot: TEST_FILE },
      to: { path: '^src/(db|domain|http|reports|cli)/' },
    },
    {
      name: 'db-not-to-domain-or-http',
      comment:
        'The data layer serves the domain and knows nothing of it or of the web: src/db imports neither ' +
        'src/domain nor src/http (http → domain → db).',
      severity: 'error',
      from: { path: '^src/db/', pathNot: TEST_FILE },
      to: { path: '^src/(domain|http)/' },
    },
    {
      name: 'lib-has-no-domain',
      comment:
        'src/lib holds infrastructure helpers with no domain knowledge (csv, tokens, passwords, log, mail), ' +
        'usable from every layer: it imports none of domain, http, db, scoring, reports, instrument, cli.',
      severity: 'error',
      from: { path: '^src/lib/', pathNot: TEST_FILE },
      to: { path: '^src/(domain|http|db|scoring|reports|instrument|cli)/' },
    },
    {
      name: 'http-areas-apart',
      comment:
        'Each src/http/<area>/ is mounted on its own and changes on its own: it imports its own area, the ' +
        'shared kit and the top-level http files, never another area’s routes or views. The kit is shared ' +
        'by all areas and so imports none of them.',
      severity: 'error',
      from: { path: '^src/http/([^/]+)/', pathNot: TEST_FILE },
      to: { path: '^src/http/[^/]+/', pathNot: '^src/http/($1|kit)/' },
    },
    {
      name: 'domain-areas-through-use-cases',
      comment:
        'An area (and the kernel) uses another domain area only through its use cases — the files named ' +
        '<verb>-<noun>.ts — so an area’s helpers, schemas and caches can change without touching the ' +
        'others. What several areas share belongs in src/domain/kernel/.',
      severity: 'error',
      from: { path: '^src/domain/([^/]+)/', pathNot: TEST_FILE },
      to: { path: '^src/domain/[^/]+/', pathNot: ['^src/domain/($1|kernel)/', USE_CASE] },
    },
    {
      name: 'no-circular',
      comment:
        'A cycle makes modules load half-initialised under ESM and blurs which layer owns what; type-only ' +
        'imports count too (they show the same coupling).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-test-code',
      comment:
        'Product code never depends on tests, test helpers or benchmarks: they are not shipped and may ' +
        'change at any time.',
      severity: 'error',
      from: { path: '^src/', pathNot: [TEST_FILE, TEST_HELPER] },
      to: { path: ['^(test|e2e|bench)/', TEST_FILE, TEST_HELPER] },
    },
    {
      name: 'bench-not-to-e2e',
      comment:
        'Benchmarks run on their own (npx tsx bench/…) and do not depend on the browser tests; what both ' +
        'need (launching Chromium) lives in test/support/.',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^e2e/' },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'An import that does not resolve would slip past every rule above (and fails at run time): it is ' +
        'an error, so a resolution problem in this check cannot go unnoticed.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Look at our own code only; a package is one node (node_modules/<name>/…).
    doNotFollow: { path: '^node_modules' },
    // Worktrees share one node_modules through a symlink: keep its path, or packages would resolve to
    // ../main/node_modules/… and be cruised (and judged) as our own code.
    preserveSymlinks: true,
    // `import type` counts: a type-only import still ties one layer to another.
    tsPreCompilationDeps: true,
    // Resolves `.ts`/`.tsx` extension imports (allowImportingTsExtensions) as tsc does.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    // A worktree whose node_modules is a symlink to another checkout's must still see packages as
    // node_modules/<name>/… (not ../other/node_modules/…), or every rule about packages misfires.
    preserveSymlinks: true,
    moduleSystems: ['es6', 'cjs'],
    skipAnalysisNotInRules: true,
  },
};
