// Bytes over the wire for a page on a first visit (empty cache), measured in real Chromium: every
// response's encoded (gzip) body plus headers, including the service worker and the page's own offline
// copy. Usage: npx tsx bench/page-weight.ts [pillar | results | items | room | workshop | profile | countries | pulse | public]
// A pillar letter (default E) is a respondent's questionnaire page; `results` the results page (charts
// included), `items` every item's score (the page the results link to) and `room` the room screen, as
// the observer; `workshop` the most contested item's page, as
// the facilitator, during consolidation; `profile` the public country profile (Kenya, signed out: charts,
// peer form and tables of its subregion) and `countries` the list of all countries; `pulse` the public
// citizen pulse questionnaire of the demo, signed out (budget 10 KB); `public` the public report of the
// demo's 2024 cycle published with answer distributions, signed out (the whole report, in Arabic).
import { changeAssessmentState } from '../src/domain/assessments/change-assessment-state.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { paths } from '../src/http/paths.ts';
import { startSession } from '../src/domain/accounts/start-session.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { respondents, startBench } from './setup.ts';
import { DEMO_PULSE_CODE } from '../src/domain/pulse/seed-demo-pulse.ts';

const which = process.argv[2] ?? 'E';
const b = await startBench(3791);
const demoUser = async (email: string) => {
  const u = await b.app.ctx.db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return startSession(b.app.ctx, b.app.ctx.db.kysely, u.id, { ip: null, userAgent: 'bench' });
};
let token: string | undefined;
let path: string;
if (which === 'results' || which === 'room' || which === 'items') {
  token = await demoUser('observer@demo.metep.example');
  path = `/assessments/${b.assessmentId}/${which === 'items' ? 'results/items' : which}`;
} else if (which === 'public') {
  const previous = '00000000-0000-4000-8000-000000000de4';
  await changeAssessmentState(b.app.ctx, OPERATOR, previous, { to: 'published', level: 'distributions' });
  path = paths.publicAssessment(previous);
} else if (which === 'pulse') {
  path = `/p/${DEMO_PULSE_CODE}`;
} else if (which === 'profile' || which === 'countries') {
  path = which === 'profile' ? '/countries/KEN' : '/countries';
} else if (which === 'workshop') {
  await changeAssessmentState(b.app.ctx, OPERATOR, b.assessmentId, { to: 'consolidating' });
  token = await demoUser('facilitator@demo.metep.example');
  path = `/assessments/${b.assessmentId}/workshop/items/A.03`;
} else {
  [token] = await respondents(b.app.ctx, b.assessmentId, 1);
  path = `/assessments/${b.assessmentId}/answer/${which}`;
}
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  if (token) await context.addCookies([{ name: 'metep_session', value: token, url: b.base }]);
  const page = await context.newPage();
  const rows: { url: string; body: number; headers: number }[] = [];
  page.on('requestfinished', async (req) => {
    const s = await req.sizes().catch(() => null);
    if (s) rows.push({ url: new URL(req.url()).pathname, body: s.responseBodySize, headers: s.responseHeadersSize });
  });
  context.on('requestfinished', () => {});
  await page.goto(`${b.base}${path}?lang=ar`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const total = rows.reduce((s, r) => s + r.body + r.headers, 0);
  console.log(`${/^[A-Z]$/.test(which) ? `questionnaire page, pillar ${which}` : `${which} page`}, Arabic, first visit (gzip, 360×740):`);
  for (const r of rows) console.log(`  ${String(r.body + r.headers).padStart(7)} B  ${r.url.replace(/[0-9a-f-]{36}/, ':id')}`);
  console.log(`  ${String(total).padStart(7)} B  total = ${(total / 1024).toFixed(1)} KB${/^[A-Z]$/.test(which) ? ' (budget 30 KB)' : which === 'profile' ? ' (budget 30 KB, target 20 KB)' : which === 'pulse' ? ' (budget 10 KB)' : ''}`);
} finally {
  await browser.close();
  await b.close();
}
