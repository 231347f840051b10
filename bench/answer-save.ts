// Answer saves per second and latency with 200 concurrent respondents (each connection its own session)
// through the full stack (session, permission, validation, upsert), next to a bare route doing only the
// same upsert on the same database. Both servers run in their own process (as in production) so the
// load generator does not share their event loop. Loopback only, BENCH_SECONDS (10) per run.
// Usage: npx tsx bench/answer-save.ts                                    (SQLite)
//        BENCH_DATABASE_URL=postgres://postgres@127.0.0.1/test npx tsx bench/answer-save.ts
import autocannon from 'autocannon';
import { demoDatabase, launchServer, respondents } from './setup.ts';

const CONNECTIONS = 200;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const { env, ctx, assessmentId, dialect, cleanup } = await demoDatabase();
const tokens = await respondents(ctx, assessmentId, CONNECTIONS);
await ctx.db.close();

const launch = (args: string[], port: number, extra: Record<string, string> = {}) => launchServer(args, port, { ...env, ...extra });

function run(url: string, setup: (req: any, c: any) => any) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests: [{ method: 'POST', setupRequest: setup }] }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

const items = ['A.01', 'B.01', 'C.01', 'D.01', 'E.01', 'F.02', 'G.03'];
const body = (n: number) => ({ answers: [{ itemId: items[n % items.length], value: { kind: 'level', level: n % 5 } }] });
let next = 0;

const server = await launch(['src/main.ts', 'serve'], 3792);
const full = await run(`http://127.0.0.1:3792/api/v1/assessments/${assessmentId}/answers`, (req, c) => {
  c.i ??= next++;
  c.n = (c.n ?? 0) + 1;
  return { ...req, headers: { 'content-type': 'application/json', cookie: `metep_session=${tokens[c.i % tokens.length]}` }, body: JSON.stringify(body(c.n)) };
});
server.kill();

next = 0;
const bare = await launch(['bench/bare-server.ts'], 3793, { BENCH_ASSESSMENT: assessmentId });
const raw = await run('http://127.0.0.1:3793/', (req, c) => {
  c.i ??= next++;
  c.n = (c.n ?? 0) + 1;
  return { ...req, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ u: c.i, ...body(c.n) }) };
});
bare.kill();

const row = (name: string, r: autocannon.Result) =>
  `  ${name.padEnd(12)} ${String(Math.round(r.requests.average)).padStart(6)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   non-2xx/errors ${r.non2xx}/${r.errors}`;
console.log(`answer saves, ${CONNECTIONS} concurrent connections, ${SECONDS} s, ${dialect}:`);
console.log(row('full stack', full));
console.log(row('bare upsert', raw));
await cleanup();
