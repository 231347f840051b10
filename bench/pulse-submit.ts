// Citizen pulse submissions per second: open-loop load at fixed rates (autocannon's overallRate, latencies
// corrected for coordinated omission) through the full stack — CSRF, body parsing, the pulse lookup, the
// rate limit and duplicate-damping counters in the database, validation, the insert — next to a bare route
// doing only the same insert on the same database, in one run. Each request comes from its own address
// (X-Forwarded-For behind a trusted proxy) and browser, as a national campaign's would, so what is measured
// is the work of accepting answers, not the limits refusing them. On PostgreSQL the full stack also runs as
// two instances on one database, each taking half the rate. Servers run in their own processes.
// Usage: npx tsx bench/pulse-submit.ts                                              (SQLite)
//        BENCH_DATABASE_URL=postgres://postgres@127.0.0.1/test npx tsx bench/pulse-submit.ts
//        PULSE_RATES=100,200,400 BENCH_SECONDS=8 (defaults)
import autocannon from 'autocannon';
import { findPulseOfAssessment } from '../src/db/repositories/pulses.ts';
import { DEMO_PULSE_CODE } from '../src/domain/pulse/seed-demo-pulse.ts';
import { demoDatabase, launchServer } from './setup.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const RATES = (process.env.PULSE_RATES ?? '100,200,400').split(',').map(Number);
const { env, ctx, assessmentId, dialect, cleanup } = await demoDatabase();
const pulse = await findPulseOfAssessment(ctx.db.kysely, assessmentId);
if (!pulse) throw new Error('the demo has no pulse');
await ctx.db.close();
const serverEnv = { ...env, TRUST_PROXY: 'true', PUBLIC_URL: 'http://127.0.0.1:4731' };

const form = new URLSearchParams({ P01: 'yes', P02: 'often', P03: 'somewhat', P04: 'once_twice', P05: 'mostly', P06: 'no', P07: 'never', P08: 'some', P09: 'cost', D4: 'urban' }).toString();
let n = 0;
const setup = (origin: string) => (req: any) => {
  n++;
  return { ...req, headers: { 'content-type': 'application/x-www-form-urlencoded', origin, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`, 'user-agent': `bench-${n}` }, body: form };
};

function run(url: string, rate: number): Promise<autocannon.Result> {
  const origin = new URL(url).origin;
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 50, overallRate: rate, duration: SECONDS, requests: [{ method: 'POST', setupRequest: setup(origin) }] }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

const row = (name: string, rate: number, rs: autocannon.Result[]) => {
  const ok = rs.reduce((s, r) => s + r['3xx'], 0) / SECONDS;
  const p50 = Math.max(...rs.map((r) => r.latency.p50));
  const p99 = Math.max(...rs.map((r) => r.latency.p99));
  const bad = rs.reduce((s, r) => s + r.non2xx - r['3xx'] + r.errors + r.timeouts, 0);
  return `  ${name.padEnd(22)} offered ${String(rate).padStart(4)}/s   accepted ${ok.toFixed(0).padStart(4)}/s   p50 ${String(p50).padStart(4)} ms   p99 ${String(p99).padStart(5)} ms   refused/errors ${bad}`;
};

const lines: string[] = [];
const full = await launchServer(['src/main.ts', 'serve'], 4731, serverEnv);
const second = dialect === 'postgres' ? await launchServer(['src/main.ts', 'serve'], 4732, { ...serverEnv, PUBLIC_URL: 'http://127.0.0.1:4732' }) : undefined;
const bare = await launchServer(['bench/pulse-bare-server.ts'], 4733, { ...env, BENCH_PULSE: pulse.id });
try {
  for (const rate of RATES) {
    lines.push(row('full stack, 1 instance', rate, [await run(`http://127.0.0.1:4731/p/${DEMO_PULSE_CODE}`, rate)]));
    if (second) lines.push(row('full stack, 2 instances', rate, await Promise.all([run(`http://127.0.0.1:4731/p/${DEMO_PULSE_CODE}`, rate / 2), run(`http://127.0.0.1:4732/p/${DEMO_PULSE_CODE}`, rate / 2)])));
    lines.push(row('bare insert', rate, [await run('http://127.0.0.1:4733/', rate)]));
  }
} finally {
  full.kill();
  second?.kill();
  bare.kill();
}
console.log(`citizen pulse submissions, open loop, ${SECONDS} s per rate, ${dialect}:`);
for (const l of lines) console.log(l);
await cleanup();
