#!/usr/bin/env -S node --max-semi-space-size=32
// `npx metep` / the package bin: runs the compiled entry in dist/ (`npm run build`; npm ci, npm start and
// the test runner compile it). TypeScript is not loaded at run time: tsx is for development and tests only.
// --max-semi-space-size=32 (here and in `npm start`): a young generation twice Node's default. Under
// hundreds of concurrent autosaves, objects that live a little longer than a request survived two
// scavenges and were promoted in about one server in four, which then spent a fifth more CPU per save
// for its whole life; with 32 MB no run did (bench/README.md, docs/OPERATIONS.md).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('metep: dist/ has not been built — run `npm run build` (npm ci does it too)\n');
  process.exit(1);
}
await import(entry.href);
