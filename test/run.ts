// Test runner: node 20's `--test` neither globs nor finds .ts files and exits 0 when there are none, so
// this lists every *.test.ts, refuses to run on zero files, and runs them through tsx. It compiles dist/
// first (incremental, about a second when nothing changed): the tests that start `metep` as a process run
// the compiled bin/metep.js, the runtime users get, and must never meet a stale build.
// Usage: tsx test/run.ts [--no-e2e] [filter…]
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const noE2e = args.includes('--no-e2e');
const filters = args.filter((a) => !a.startsWith('--'));

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts') || name.endsWith('.test.tsx')) out.push(p);
  }
  return out;
}

const dirs = ['src', 'test', ...(noE2e ? [] : ['e2e'])];
const files = dirs
  .flatMap((d) => walk(join(root, d), []))
  .map((f) => relative(root, f))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (files.length === 0) {
  console.error('test/run.ts: no test files found — refusing to report success');
  process.exit(1);
}
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const build = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('test/run.ts: compiling dist/ failed (tsc -b tsconfig.build.json)');
  process.exit(1);
}
console.log(`running ${files.length} test files`);
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
