// The country report PDF of the demo's validated 2024 cycle: cold (Chromium launched for it), warm (the
// kept browser, a report not printed before: what a changed assessment costs) and cached (the same report
// again), per language; the report model's time is given apart. Median of 5 warm runs.
// Usage: npx tsx bench/report-pdf.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { createContext } from '../src/context.ts';
import { createDb, migrate } from '../src/db/index.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { getReport } from '../src/domain/reports/get-report.ts';
import { reportPdf } from '../src/http/reports/report-files.ts';
import { createLogger } from '../src/lib/log.ts';
import { closePdfBrowser } from '../src/reports/pdf.ts';

const PREVIOUS = '00000000-0000-4000-8000-000000000de4';
const dir = mkdtempSync(join(tmpdir(), 'metep-bench-pdf-'));
const config = loadConfig({ DATABASE_URL: join(dir, 'bench.sqlite'), LOG_LEVEL: 'silent' });
const db = createDb(config.database);
await migrate(db);
const ctx = createContext({ db, config, log: createLogger('silent') });
await seedDemo(ctx);

const ms = (t0: number) => Math.round(performance.now() - t0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

for (const lang of ['en', 'ar', 'zh'] as const) {
  let t0 = performance.now();
  const r = await getReport(ctx, OPERATOR, PREVIOUS, lang);
  const model = ms(t0);
  await closePdfBrowser();
  t0 = performance.now();
  const pdf = await reportPdf(ctx, r);
  const cold = ms(t0);
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    // A new fingerprint is a report not printed before, as after any change to the assessment.
    const changed = { ...r, fingerprint: `${r.fingerprint}-${i}` };
    t0 = performance.now();
    await reportPdf(ctx, changed);
    warm.push(ms(t0));
  }
  t0 = performance.now();
  await reportPdf(ctx, r);
  const cached = ms(t0);
  console.log(`${lang}: model ${model} ms, PDF cold ${cold} ms, warm ${median(warm)} ms (median of 5), cached ${cached} ms, ${Math.round(pdf.length / 1024)} KB`);
}
await closePdfBrowser();
await db.close();
rmSync(dir, { recursive: true, force: true });
