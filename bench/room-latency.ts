// Latency from a saved answer to the workshop room showing it: a respondent saves through the JSON API,
// the server announces the change, every open room page receives the event and fetches its live part
// again (as public/room.js does). Measured per room page: time to the event, and time until the fresh
// fragment has arrived ("screen updated"). On PostgreSQL two app instances run: answers go to one, the
// room pages listen on the other, so the path includes LISTEN/NOTIFY between instances.
// Usage: npx tsx bench/room-latency.ts                                    (SQLite, one instance)
//        BENCH_DATABASE_URL=postgres://postgres@127.0.0.1/test npx tsx bench/room-latency.ts
// BENCH_ROOMS (20) open room pages, BENCH_SAVES (200) saves, one at a time, BENCH_GAP_MS (150) apart —
// more than the 100 ms window in which answer announcements are thinned (src/domain/live.ts), so each save
// is measured alone; saves closer together are announced at most 100 ms late, by design.
import { startSession } from '../src/domain/accounts/start-session.ts';
import { demoDatabase, launchServer, respondents } from './setup.ts';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 20);
const SAVES = Number(process.env.BENCH_SAVES ?? 200);
const GAP_MS = Number(process.env.BENCH_GAP_MS ?? 150);
const { env, ctx, assessmentId, dialect, cleanup } = await demoDatabase();
const pg = dialect === 'postgres';
const [respondent] = await respondents(ctx, assessmentId, 1);
const observer = await ctx.db.kysely.selectFrom('users').select('id').where('email', '=', 'observer@demo.metep.example').executeTakeFirstOrThrow();
const watcher = await startSession(ctx, ctx.db.kysely, observer.id, { ip: null, userAgent: 'bench' });
await ctx.db.close();

const writer = await launchServer(['src/main.ts', 'serve'], 3794, { ...env, PUBLIC_URL: 'http://127.0.0.1:3794' });
const reader = pg ? await launchServer(['src/main.ts', 'serve'], 3795, { ...env, PUBLIC_URL: 'http://127.0.0.1:3795' }) : writer;
const roomBase = pg ? 'http://127.0.0.1:3795' : 'http://127.0.0.1:3794';

/** One open room page: the event stream plus the re-fetch that room.js does. */
function openRoom(onEvent: (at: number) => void, onUpdated: (at: number) => void) {
  const ac = new AbortController();
  const headers = { cookie: `metep_session=${watcher}` };
  let running = false;
  let again = false;
  const refresh = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    do {
      again = false;
      const r = await fetch(`${roomBase}/assessments/${assessmentId}/room?part=live`, { headers });
      await r.text();
    } while (again);
    running = false;
    onUpdated(performance.now());
  };
  const ready = (async () => {
    const res = await fetch(`${roomBase}/assessments/${assessmentId}/room/events`, { headers, signal: ac.signal });
    const rd = (res.body as ReadableStream<Uint8Array>).getReader();
    const dec = new TextDecoder();
    let buf = '';
    let resolveReady: () => void = () => undefined;
    const isReady = new Promise<void>((r) => (resolveReady = r));
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await rd.read();
          if (done) break;
          buf += dec.decode(value, { stream: true });
          let i;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            if (block.includes('event: ready')) resolveReady();
            if (block.includes('event: change')) {
              onEvent(performance.now());
              void refresh();
            }
          }
        }
      } catch {
        // aborted at the end
      }
    })();
    await isReady;
  })();
  return { ready, close: () => ac.abort() };
}

const eventLat: number[] = [];
const updateLat: number[] = [];
let t0 = 0;
let pendingEvents = 0;
let pendingUpdates = 0;
let done: () => void = () => undefined;
const rooms = Array.from({ length: ROOMS }, () =>
  openRoom(
    (at) => {
      if (pendingEvents > 0) {
        eventLat.push(at - t0);
        pendingEvents--;
      }
    },
    (at) => {
      if (pendingUpdates > 0) {
        updateLat.push(at - t0);
        if (--pendingUpdates === 0) done();
      }
    },
  ),
);
await Promise.all(rooms.map((r) => r.ready));

for (let n = 0; n < SAVES; n++) {
  const allUpdated = new Promise<void>((r) => (done = r));
  pendingEvents = ROOMS;
  pendingUpdates = ROOMS;
  t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:3794/api/v1/assessments/${assessmentId}/answers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `metep_session=${respondent}` },
    body: JSON.stringify({ answers: [{ itemId: 'A.01', value: { kind: 'level', level: n % 5 } }] }),
  });
  if (!res.ok) throw new Error(`save failed: ${res.status}`);
  await Promise.race([allUpdated, new Promise((r) => setTimeout(r, 5000))]);
  await new Promise((r) => setTimeout(r, GAP_MS));
}

for (const r of rooms) r.close();
writer.kill();
if (reader !== writer) reader.kill();

const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
};
const row = (name: string, xs: number[]) => `  ${name.padEnd(16)} p50 ${q(xs, 0.5).toFixed(1).padStart(6)} ms   p95 ${q(xs, 0.95).toFixed(1).padStart(6)} ms   p99 ${q(xs, 0.99).toFixed(1).padStart(6)} ms   max ${Math.max(...xs).toFixed(1).padStart(6)} ms   (${xs.length} samples)`;
console.log(`saved answer → room updated, ${ROOMS} open room pages, ${SAVES} saves, ${pg ? 'postgres, two instances (LISTEN/NOTIFY)' : 'sqlite, one instance'}:`);
console.log(row('event received', eventLat));
console.log(row('screen updated', updateLat));
console.log(`  missed updates: ${SAVES * ROOMS - updateLat.length}`);
await cleanup();
process.exit(0);
