// Writes the demo report's HTML as it goes to Chromium for the PDF, in en/ar/zh, with its running header, to a
// directory: run it at two commits to time their printing side by side (bench/report-pdf-compare.ts).
// The old printer hid the stylesheet's page-number box (it printed its own footer); the new one overrides
// it, so the rule added here suits both.
// Usage: npx tsx bench/report-html.ts DIR
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createContext } from '../src/context.ts';
import { createDb, migrate } from '../src/db/index.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { getReport } from '../src/domain/reports/get-report.ts';
import { reportFile } from '../src/http/reports/report-files.ts';
import { reportRunningHeader } from '../src/http/reports/report-document.tsx';
import { createLogger } from '../src/lib/log.ts';
const out = process.argv[2]!;
const dir = mkdtempSync(join(tmpdir(), 'metep-bench-html-'));
const config = loadConfig({ DATABASE_URL: join(dir, 'bench.sqlite'), LOG_LEVEL: 'silent' });
const db = createDb(config.database);
await migrate(db);
const ctx = createContext({ db, config, log: createLogger('silent') });
await seedDemo(ctx);
for (const lang of ['en', 'ar', 'zh'] as const) {
  const r = await getReport(ctx, OPERATOR, '00000000-0000-4000-8000-000000000de4', lang);
  writeFileSync(join(out, `${lang}.html`), reportFile(r, '2026-11-30T00:00:00Z', process.env.EXTRA_CSS ?? '@page { @bottom-center { content: none; } }'));
  writeFileSync(join(out, `${lang}.header.txt`), reportRunningHeader(r));
}
await db.close();
