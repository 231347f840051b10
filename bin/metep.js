#!/usr/bin/env node
// `npx metep` / the package bin: runs the compiled entry in dist/ (built by `npm run build`, which
// `npm ci`, `npm start` and `npm test` run). TypeScript is not loaded at run time: tsx is for development
// and tests only.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('metep: dist/ has not been built — run `npm run build` (npm ci does it too)\n');
  process.exit(1);
}
await import(entry.href);
