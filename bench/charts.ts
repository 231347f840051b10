// The chart module measured: the SVG each chart adds to the demo's pages (bytes, gzip bytes) and the time to
// draw each chart in a warm loop. Usage: npx tsx bench/charts.ts [module]  (default src/reports/charts.ts;
// another module with the same exports can be compared on the same pages' data, e.g. a candidate rewrite).
// Bytes are taken from the pages the server renders (results and country profile in Arabic and English, the
// demo's previous-cycle plan timeline), so they are what a visitor downloads; times use the same data.
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSession } from '../src/domain/accounts/start-session.ts';
import { startBench } from './setup.ts';

type TCharts = typeof import('../src/reports/charts.ts');
const modulePath = resolve(process.argv[2] ?? 'src/reports/charts.ts');
const charts = (await import(pathToFileURL(modulePath).href)) as TCharts;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);

// Bytes on the demo pages, as rendered by the running app (which uses src/reports/charts.ts).
if (!process.argv[2]) {
  const b = await startBench(3792);
  try {
    const u = await b.app.ctx.db.kysely.selectFrom('users').select('id').where('email', '=', 'observer@demo.metep.example').executeTakeFirstOrThrow();
    const token = await startSession(b.app.ctx, b.app.ctx.db.kysely, u.id, { ip: null, userAgent: 'bench' });
    const previous = '00000000-0000-4000-8000-000000000de4';
    const pages = [
      ['results', `/assessments/${b.assessmentId}/results`],
      ['profile', '/countries/KEN'],
      ['plan timeline', `/assessments/${previous}/plan/timeline`],
    ] as const;
    console.log('SVG per chart on the demo pages (bytes raw / gzip alone):');
    for (const [name, path] of pages) {
      for (const lang of ['en', 'ar']) {
        const res = await fetch(`${b.base}${path}`, { headers: { cookie: `metep_session=${token}; metep_lang=${lang}` } });
        const html = await res.text();
        const svgs = html.match(/<svg\b[^>]*role="img"[\s\S]*?<\/svg>/g) ?? [];
        const sizes = svgs.map((s) => `${/aria-labelledby="([^"]*)"/.exec(s)?.[1]} ${s.length}/${gzipSync(s).length}`);
        const total = svgs.reduce((n, s) => n + s.length, 0);
        console.log(`  ${name} (${lang}, HTTP ${res.status}): page ${html.length} B, gzip ${gzipSync(html).length} B; charts ${total} B: ${sizes.join(', ')}`);
      }
    }
  } finally {
    await b.close();
  }
}

// Render time (wall, and the process's CPU time, the steadier number on a shared machine): the demo's shapes (seven pillars with a previous cycle; three stages; seven pillar pairs;
// EGDI and EPI over ten editions; five peer groups of up to 192 countries; twelve plan actions over
// twelve quarters), warm loop after 30 unmeasured rounds.
const PILLARS = ['Legal and policy framework', 'Institutions and strategy', 'Channels and technology', 'Outreach, inclusion and capacity', 'e-Information', 'e-Consultation', 'e-Decision-making'];
const ids = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];
const v = (k: number) => Array.from({ length: 7 }, (_, i) => Math.round(((i * 37 + k * 11) % 80) + 15));
const egdi = Array.from({ length: 10 }, (_, i) => ({ x: 2003 + i * 2 + (i > 4 ? 1 : 0), y: 40 + i * 3 }));
const strip = Array.from({ length: 5 }, (_, g) => ({
  label: ['World (193)', 'Africa (54)', 'Eastern Africa (18)', 'High EGDI group (60)', 'Custom (8)'][g]!,
  values: Array.from({ length: [192, 53, 17, 59, 7][g]! }, (_, i) => ((i * 7919) % 1000) / 1000),
  box: { q1: 0.35, median: 0.55, q3: 0.74 },
  highlight: 0.61,
}));
const kinds = ['planned', 'in_progress', 'done', 'dropped'] as const;
const cases: [string, () => string][] = [
  ['radar (7 axes, 2 series)', () => charts.radarSvg({ id: 'r', title: 'Pillars' }, PILLARS, [{ name: '2026', values: v(1) }, { name: '2024', values: v(2) }])],
  ['bar, vertical (3 stages, 2 series)', () => charts.barSvg({ id: 's', title: 'Stages' }, ['e-Information', 'e-Consultation', 'e-Decision-making'], [{ name: '2026', values: [72, 51, 33] }, { name: '2024', values: [60, 45, 20] }])],
  ['bar, horizontal (perception gap, 7×2)', () => charts.barSvg({ id: 'g', title: 'Gap' }, ids, [{ name: 'Government', values: v(3) }, { name: 'Non-government', values: v(4) }], { horizontal: true })],
  ['time (2 series, 10 editions)', () => charts.timeSvg({ id: 't', title: 'Over time' }, [{ name: 'EGDI', points: egdi }, { name: 'EPI', points: egdi.map((p) => ({ x: p.x, y: p.y - 10 })) }])],
  ['strip (5 groups, 329 dots)', () => charts.stripSvg({ id: 'p', title: 'Peers' }, strip, { highlightName: 'Kenya', othersName: 'Other countries', boxName: 'Quartiles', tick: (x) => x.toFixed(2) })],
  ['timeline (12 actions, 12 quarters)', () => charts.timelineSvg({ id: 'l', title: 'Timeline' }, [{ label: '2026', span: 4 }, { label: '2027', span: 4 }, { label: '2028', span: 4 }], Array.from({ length: 12 }, (_, i) => `Q${(i % 4) + 1}`), Array.from({ length: 12 }, (_, i) => ({ label: String(i + 1), from: i % 6, to: (i % 6) + 3, kind: kinds[i % 4]! })), { planned: 'Planned', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' }, { width: 340 })],
];
console.log(`\nRender time per chart (${modulePath.replace(process.cwd() + '/', '')}, node ${process.version}, ${ROUNDS} warm rounds):`);
for (const [name, draw] of cases) {
  for (let i = 0; i < 30; i++) draw();
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  let bytes = 0;
  for (let i = 0; i < ROUNDS; i++) bytes = draw().length;
  const cpu = process.cpuUsage(cpu0);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6 / ROUNDS;
  const cpuMs = (cpu.user + cpu.system) / 1000 / ROUNDS;
  console.log(`  ${name.padEnd(40)} wall ${ms.toFixed(3).padStart(7)} ms  cpu ${cpuMs.toFixed(3).padStart(7)} ms   ${String(bytes).padStart(6)} B  gzip ${gzipSync(draw()).length} B`);
}
