// The workshop room at scale: BENCH_PHONES phones keep the room page open (the event stream, which pushes
// the room's live part after each change, as public/room.js reads it)
// while BENCH_AUTOSAVERS respondents autosave (one save every BENCH_AUTOSAVE_MS each, open loop, latency
// per save from when it was due). A probe respondent adds and removes one answer every BENCH_GAP_MS; for
// each probe and phone: time until the phone's screen shows the new answer count ("screen updated").
// On PostgreSQL two app instances run (BENCH_INSTANCES=1: one): saves go to one, the phones to the other,
// so the path includes LISTEN/NOTIFY between instances. A warm-up (every autosaver's first save, each phone's stream open with
// its first part) comes before measuring.
// Usage: npx tsx bench/room-latency.ts                                    (SQLite, one instance)
//        BENCH_PHONES=300 BENCH_AUTOSAVERS=200 npx tsx bench/room-latency.ts
//        BENCH_DATABASE_URL=postgres://postgres@127.0.0.1/test BENCH_PHONES=300 BENCH_AUTOSAVERS=200 npx tsx bench/room-latency.ts
import { get as httpGet } from 'node:http';
import { createGunzip } from 'node:zlib';
import { openLoop, quantile } from './open-loop.ts';
import { demoDatabase, launchServer, respondents } from './setup.ts';

const PHONES = Number(process.env.BENCH_PHONES ?? 20);
const AUTOSAVERS = Number(process.env.BENCH_AUTOSAVERS ?? 0);
const AUTOSAVE_MS = Number(process.env.BENCH_AUTOSAVE_MS ?? 2000);
const PROBES = Number(process.env.BENCH_PROBES ?? 30);
const GAP_MS = Number(process.env.BENCH_GAP_MS ?? 1000);
const { env, ctx, assessmentId, dialect, cleanup } = await demoDatabase();
const pg = dialect === 'postgres';
const [probe, ...savers] = await respondents(ctx, assessmentId, 1 + AUTOSAVERS);
// One person per phone, as in a room: the app allows a person only a few open room streams at once.
const watchers = await respondents(ctx, assessmentId, PHONES);
await ctx.db.close();

const writer = await launchServer(['src/main.ts', 'serve'], 3794, { ...env, PUBLIC_URL: 'http://127.0.0.1:3794' });
// Two instances by default on PostgreSQL (BENCH_INSTANCES=1 for one), one on SQLite.
const two = pg && process.env.BENCH_INSTANCES !== '1';
const reader = two ? await launchServer(['src/main.ts', 'serve'], 3795, { ...env, PUBLIC_URL: 'http://127.0.0.1:3795' }) : writer;
const roomBase = two ? 'http://127.0.0.1:3795' : 'http://127.0.0.1:3794';
const api = `/api/v1/assessments/${assessmentId}/answers`;
const PROBE_ITEM = 'G.08'; // a text item in instrument 2026.2 (the demo's version)
const count = (html: string) => Number(/(\d+) answers/.exec(html)?.[1]);

let t0 = 0;
let expected = -1;
let pushes = 0;
let bytes = 0;
const updateLat: number[] = [];
const eventLat: number[] = [];
let waiting = 0;
let allSeen: () => void = () => undefined;

/** One phone with the room open: the event stream, whose "live" events carry the part room.js swaps in. */
function openPhone(n: number) {
  const ac = new AbortController();
  const cookie = `metep_session=${watchers[n % watchers.length]}`;
  let seenFor = -1;
  let evFor = -1;
  let probeNo = 0;
  const shown = (html: string) => {
    pushes++;
    if (expected >= 0 && evFor !== probeNo) {
      evFor = probeNo;
      eventLat.push(performance.now() - t0);
    }
    if (expected >= 0 && count(html) === expected && seenFor !== probeNo && waiting > 0) {
      seenFor = probeNo;
      updateLat.push(performance.now() - t0);
      if (--waiting === 0) allSeen();
    }
  };
  // node:http rather than fetch, to count the bytes as they travel (gzip, as a browser asks for them).
  const ready = new Promise<void>((resolveReady) => {
    const u = new URL(`${roomBase}/assessments/${assessmentId}/room/events`);
    const req = httpGet({ host: u.hostname, port: u.port, path: u.pathname, headers: { cookie, 'accept-encoding': 'gzip' }, signal: ac.signal }, (res) => {
      res.on('data', (c: Buffer) => (bytes += c.length));
      const plain = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
      plain.setEncoding('utf8');
      let buf = '';
      plain.on('data', (text: string) => {
        buf += text;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const lines = block.split('\n');
          const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim();
          if (event === 'ready') resolveReady();
          if (event === 'live') shown(lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n'));
        }
      });
      plain.on('error', () => undefined);
    });
    req.on('error', () => undefined);
  });
  return { ready, close: () => ac.abort(), next: (k: number) => void (probeNo = k) };
}

const post = (token: string, answers: unknown[]) =>
  fetch(`http://127.0.0.1:3794${api}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: `metep_session=${token}` }, body: JSON.stringify({ answers }) }).then((r) => {
    if (!r.ok) throw new Error(`save failed: ${r.status}`);
  });
const saverItem = (i: number) => ['A.01', 'B.01', 'C.01', 'D.01', 'E.01'][i % 5] as string;
// Warm-up: the probe item starts empty; each autosaver's answer exists, so later saves change no count.
await post(probe as string, [{ itemId: PROBE_ITEM, value: null }]);
for (let i = 0; i < savers.length; i += 20) await Promise.all(savers.slice(i, i + 20).map((s, k) => post(s, [{ itemId: saverItem(i + k), value: { kind: 'level', level: 1 } }])));
const phones = Array.from({ length: PHONES }, (_, n) => openPhone(n));
for (let i = 0; i < phones.length; i += 25) await Promise.all(phones.slice(i, i + 25).map((p) => p.ready));
const base = count(await (await fetch(`${roomBase}/assessments/${assessmentId}/room?part=live`, { headers: { cookie: `metep_session=${watchers[0]}` } })).text());

const autosave = AUTOSAVERS
  ? openLoop('http://127.0.0.1:3794', (AUTOSAVERS * 1000) / AUTOSAVE_MS, (PROBES * GAP_MS) / 1000 + 1, (i) => ({
      path: api,
      headers: { 'content-type': 'application/json', cookie: `metep_session=${savers[i % AUTOSAVERS]}` },
      body: JSON.stringify({ answers: [{ itemId: saverItem(i % AUTOSAVERS), value: { kind: 'level', level: i % 5 } }] }),
    }))
  : undefined;

let missed = 0;
for (let k = 1; k <= PROBES; k++) {
  for (const p of phones) p.next(k);
  const adding = k % 2 === 1;
  expected = adding ? base + 1 : base;
  waiting = PHONES;
  const seen = new Promise<void>((r) => (allSeen = r));
  t0 = performance.now();
  await post(probe as string, [{ itemId: PROBE_ITEM, value: adding ? { kind: 'text', text: `probe ${k}` } : null }]);
  await Promise.race([seen, new Promise((r) => setTimeout(r, 5000))]);
  missed += waiting;
  waiting = 0;
  await new Promise((r) => setTimeout(r, Math.max(0, GAP_MS - (performance.now() - t0))));
}
const saves = autosave ? await autosave : undefined;

for (const p of phones) p.close();
writer.kill();
if (reader !== writer) reader.kill();

const row = (name: string, xs: number[]) => `  ${name.padEnd(16)} p50 ${quantile(xs, 0.5).toFixed(1).padStart(7)} ms   p95 ${quantile(xs, 0.95).toFixed(1).padStart(7)} ms   p99 ${quantile(xs, 0.99).toFixed(1).padStart(7)} ms   max ${Math.max(...xs).toFixed(1).padStart(7)} ms   (${xs.length} samples)`;
console.log(`room at scale on ${pg ? (two ? 'postgres, two instances (LISTEN/NOTIFY)' : 'postgres, one instance') : 'sqlite, one instance'}: ${PHONES} phones, ${AUTOSAVERS} respondents autosaving every ${AUTOSAVE_MS} ms, ${PROBES} probes ${GAP_MS} ms apart`);
console.log(row('event received', eventLat));
console.log(row('screen updated', updateLat));
console.log(`  missed updates (not shown within 5 s): ${missed}; live parts pushed ${pushes} (${(bytes / PHONES / 1024).toFixed(1)} KB per phone over the run as sent, gzip; ${((bytes / Math.max(1, pushes)) | 0)} B per push)`);
if (saves) console.log(row('autosave', saves.latencies) + `   non-2xx/errors ${saves.non2xx}/${saves.errors}`);
await cleanup();
process.exit(0);
