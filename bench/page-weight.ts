// Bytes over the wire for a questionnaire pillar page on a first visit (empty cache), measured in real
// Chromium: every response's encoded (gzip) body plus headers, including the service worker and the
// page's own offline copy. Usage: npx tsx bench/page-weight.ts [pillar]
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../e2e/browser.ts';
import { respondents, startBench } from './setup.ts';

const pillar = process.argv[2] ?? 'E';
const b = await startBench(3791);
const [token] = await respondents(b.app.ctx, b.assessmentId, 1);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await context.addCookies([{ name: 'metep_session', value: token!, url: b.base }]);
  const page = await context.newPage();
  const rows: { url: string; body: number; headers: number }[] = [];
  page.on('requestfinished', async (req) => {
    const s = await req.sizes().catch(() => null);
    if (s) rows.push({ url: new URL(req.url()).pathname, body: s.responseBodySize, headers: s.responseHeadersSize });
  });
  context.on('requestfinished', () => {});
  await page.goto(`${b.base}/assessments/${b.assessmentId}/answer/${pillar}?lang=ar`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const total = rows.reduce((s, r) => s + r.body + r.headers, 0);
  console.log(`questionnaire page, pillar ${pillar}, first visit (gzip, 360×740):`);
  for (const r of rows) console.log(`  ${String(r.body + r.headers).padStart(7)} B  ${r.url.replace(/[0-9a-f-]{36}/, ':id')}`);
  console.log(`  ${String(total).padStart(7)} B  total = ${(total / 1024).toFixed(1)} KB (budget 30 KB)`);
} finally {
  await browser.close();
  await b.close();
}
