// Answer saves through the full stack (session, permission, validation, batched upsert) next to a bare
// route doing only the same upsert on the same database, both servers running side by side in their own
// processes (as in production) so the load generator does not share their event loop. Loopback only.
// Each measured run is preceded by a warm-up (JIT, pool connections, prepared queries, "last active"
// writes), and runs alternate between the two servers for BENCH_ROUNDS rounds; medians are printed.
//   closed loop (autocannon, 200 connections, BENCH_SECONDS): throughput, and the full/bare ratio
//   open loop (BENCH_RATE saves/s for BENCH_SECONDS, latency per request from when it was due): p50/p99
// Usage: npx tsx bench/answer-save.ts                                    (SQLite; open loop 6,000/s)
//        BENCH_DATABASE_URL=postgres://postgres@127.0.0.1/test npx tsx bench/answer-save.ts   (1,500/s)
import autocannon from 'autocannon';
import { median, openLoop, quantile, type TOpenResult } from './open-loop.ts';
import { demoDatabase, launchServer, respondents } from './setup.ts';

const CONNECTIONS = 200;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const { env, ctx, assessmentId, dialect, cleanup } = await demoDatabase();
const RATE = Number(process.env.BENCH_RATE ?? (dialect === 'postgres' ? 1500 : 6000));
const tokens = await respondents(ctx, assessmentId, CONNECTIONS);
await ctx.db.close();

const items = ['A.01', 'B.01', 'C.01', 'D.01', 'E.01', 'F.04', 'G.03'];
const body = (n: number) => ({ answers: [{ itemId: items[n % items.length], value: { kind: 'level', level: n % 5 } }] });

const full = await launchServer(['src/main.ts', 'serve'], 3792, env);
const bare = await launchServer(['bench/bare-server.ts'], 3793, { ...env, BENCH_ASSESSMENT: assessmentId });
const targets = {
  full: { url: `http://127.0.0.1:3792/api/v1/assessments/${assessmentId}/answers`, make: (i: number, n: number) => ({ headers: { 'content-type': 'application/json', cookie: `metep_session=${tokens[i % tokens.length]}` }, body: JSON.stringify(body(n)) }) },
  bare: { url: 'http://127.0.0.1:3793/', make: (i: number, n: number) => ({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ u: i, ...body(n) }) }) },
};
type TName = keyof typeof targets;

function closed(name: TName, seconds: number) {
  const t = targets[name];
  let next = 0;
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url: t.url,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            setupRequest: (req: any, c: any) => {
              c.i ??= next++;
              c.n = (c.n ?? 0) + 1;
              return { ...req, ...t.make(c.i, c.n) };
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
  });
}

function open(name: TName, rate: number, seconds: number): Promise<TOpenResult> {
  const t = targets[name];
  const u = new URL(t.url);
  return openLoop(u.origin, rate, seconds, (i) => ({ path: u.pathname, ...t.make(i % CONNECTIONS, Math.floor(i / CONNECTIONS)) }));
}

const closedRuns: Record<TName, autocannon.Result[]> = { full: [], bare: [] };
const openRuns: Record<TName, TOpenResult[]> = { full: [], bare: [] };
// BENCH_LOOPS=open (or closed) runs one kind only, for quicker experiments.
const LOOPS = process.env.BENCH_LOOPS ?? 'closed,open';
for (let round = 0; round < ROUNDS; round++) {
  for (const name of ['full', 'bare'] as const) {
    if (!LOOPS.includes('closed')) break;
    await closed(name, WARMUP);
    closedRuns[name].push(await closed(name, SECONDS));
  }
  for (const name of ['full', 'bare'] as const) {
    if (!LOOPS.includes('open')) break;
    await open(name, RATE, WARMUP);
    openRuns[name].push(await open(name, RATE, SECONDS));
  }
}
full.kill();
bare.kill();

const ms = (x: number) => `${x.toFixed(1).padStart(6)} ms`;
const closedRow = (name: TName) => {
  const rs = closedRuns[name];
  return `  ${name.padEnd(5)} ${String(Math.round(median(rs.map((r) => r.requests.average)))).padStart(6)} saves/s   p50 ${String(median(rs.map((r) => r.latency.p50))).padStart(4)} ms   p99 ${String(median(rs.map((r) => r.latency.p99))).padStart(4)} ms   non-2xx/errors ${rs.reduce((s, r) => s + r.non2xx, 0)}/${rs.reduce((s, r) => s + r.errors, 0)}`;
};

/** The socket errors of open-loop runs by code, when there were any. */
function codes(rs: TOpenResult[]): string {
  const all: Record<string, number> = {};
  for (const r of rs) for (const [k, n] of Object.entries(r.errorCodes)) all[k] = (all[k] ?? 0) + n;
  const s = Object.entries(all).map(([k, n]) => `${k} ${n}`).join(', ');
  return s ? ` (${s})` : '';
}
const openRow = (name: TName) => {
  const rs = openRuns[name];
  const answered = median(rs.map((r) => r.latencies.length / SECONDS));
  return `  ${name.padEnd(5)} ${String(Math.round(answered)).padStart(6)} answered/s   p50 ${ms(median(rs.map((r) => quantile(r.latencies, 0.5))))}   p99 ${ms(median(rs.map((r) => quantile(r.latencies, 0.99))))}   max ${ms(median(rs.map((r) => Math.max(...r.latencies))))}   non-2xx/errors ${rs.reduce((s, r) => s + r.non2xx, 0)}/${rs.reduce((s, r) => s + r.errors, 0)}${codes(rs)}`;
};
const ratios = closedRuns.full.map((f, i) => f.requests.average / (closedRuns.bare[i] as autocannon.Result).requests.average);
console.log(`answer saves on ${dialect}, ${ROUNDS} rounds (medians), ${WARMUP} s warm-up before each ${SECONDS} s run:`);
if (LOOPS.includes('closed')) {
  console.log(`closed loop, ${CONNECTIONS} connections:`);
  console.log(closedRow('full'));
  console.log(closedRow('bare'));
  console.log(`  full/bare ratio ${median(ratios).toFixed(2)}× (rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')})`);
}
if (LOOPS.includes('open')) {
  console.log(`open loop, ${RATE} saves/s offered:`);
  console.log(openRow('full'));
  console.log(openRow('bare'));
}
await cleanup();
process.exit(0);
