#!/usr/bin/env node
// `npx metep` / the package bin: runs the compiled entry in dist/ (`npm run build`; npm ci, npm start and
// the test runner compile it). TypeScript is not loaded at run time: tsx is for development and tests only.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('metep: dist/ has not been built — run `npm run build` (npm ci does it too)\n');
  process.exit(1);
}
await import(entry.href);
