// Graceful shutdown (issue 12, defect 4): SIGTERM to `metep serve` under load — autosaving clients, slow
// uploads half-sent, an open room event stream — loses no request the server accepted: every one gets its
// answer, every acknowledged save is in the database, the event stream ends with a reconnect hint, and the
// process exits 0.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createDb } from '../src/db/index.ts';
import { allItems } from '../src/instrument/model.ts';
import { bundledInstrument } from '../src/instrument/loader.ts';
import { prepareCollecting, spawnServer } from './support/server-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'metep-shutdown-'));
after(() => rmSync(dir, { recursive: true, force: true }));

type Outcome = { status: number; body: string; connection?: string } | { error: string };

/** One request on its own connection; `hold` delays the second half of the body until it resolves (and asks
 * to keep the connection open, as a browser does). */
function send(url: string, cookie: string, path: string, body: string, hold?: Promise<void>): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(`${url}${path}`, { method: 'POST', agent: false, headers: { cookie: `metep_session=${cookie}`, 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(body), ...(hold ? { connection: 'keep-alive' } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, ...(res.headers.connection ? { connection: res.headers.connection } : {}) }));
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ error: `response ${e.code ?? e.message}` }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    if (!hold) return req.end(body);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    void hold.then(() => req.end(body.slice(half)));
  });
}

test('SIGTERM under load: every accepted request is answered, every acknowledged save kept, exit 0', { timeout: 120_000 }, async () => {
  const database = { kind: 'sqlite' as const, file: join(dir, 'shutdown.sqlite') };
  const { assessmentId, coordinator, respondents } = await prepareCollecting(database, 4);
  const server = await spawnServer({ DATABASE_URL: database.file, SHUTDOWN_GRACE_SECONDS: '20' });
  const items = allItems(bundledInstrument()).map((i) => i.item.id);
  const api = `/api/v1/assessments/${assessmentId}/answers`;
  const save = (item: string, comment: string) => JSON.stringify({ answers: [{ itemId: item, value: null, comment }] });

  // The room's event stream, open when the signal comes.
  const stream = new Promise<{ text: string; ended: 'end' | string }>((resolve) => {
    let text = '';
    request(`${server.url}/assessments/${assessmentId}/room/events`, { agent: false, headers: { cookie: `metep_session=${coordinator}` } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ text, ended: 'end' }));
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ text, ended: e.code ?? e.message }));
    })
      .on('error', (e: NodeJS.ErrnoException) => resolve({ text, ended: e.code ?? e.message }))
      .end();
  });

  // A request whose head is half sent well before the signal and finished after it: its connection has
  // no request yet when the server starts closing quiet ones, but it is not quiet (bytes have arrived
  // since its last answer), so it must stay open and the request be answered, not cut off.
  let finishHead!: () => void;
  const headHeld = new Promise<void>((r) => (finishHead = r));
  const partialHead = new Promise<string>((resolve) => {
    const u = new URL(server.url);
    const sock = connect(Number(u.port), u.hostname);
    let text = '';
    sock.setEncoding('utf8');
    sock.on('data', (d) => (text += d));
    sock.on('end', () => resolve(text));
    sock.on('error', (e: NodeJS.ErrnoException) => resolve(`error ${e.code ?? e.message}`));
    sock.on('connect', () => {
      sock.write(`GET /healthz HTTP/1.1\r\nHost: ${u.host}\r\n`);
      void headHeld.then(() => sock.write('Accept: application/json\r\n\r\n'));
    });
  });

  // Autosaving clients, each on its own item, one request after another until the server is gone.
  let stop = false;
  const acked = new Map<string, number>();
  const errors: string[] = [];
  const workers = Array.from({ length: 12 }, async (_, w) => {
    const item = items[w] as string;
    for (let seq = 1; !stop; seq++) {
      const r = await send(server.url, respondents[w % respondents.length] as string, api, save(item, `w${w}-${seq}`));
      if ('error' in r) {
        errors.push(r.error);
        return;
      }
      // "Stopping": refused with an answer, nothing done — a client (or load balancer) goes elsewhere.
      if (r.status === 503) return;
      assert.equal(r.status, 200, r.body);
      acked.set(item, seq);
    }
  });
  await new Promise((r) => setTimeout(r, 800));

  // Slow uploads: accepted (headers and half the body sent) before the signal, finished after it.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const slow = Array.from({ length: 4 }, (_, k) => send(server.url, respondents[k] as string, api, save(items[20 + k] as string, `slow-${k}-${'x'.repeat(2000)}`), held));
  await new Promise((r) => setTimeout(r, 300));

  server.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  release();
  // After the slow uploads have finished (so the server is closing quiet connections by then).
  await new Promise((r) => setTimeout(r, 700));
  finishHead();
  const slowResults = await Promise.all(slow);
  stop = true;
  await Promise.all(workers);
  const exit = await server.exited;
  const ended = await stream;

  assert.deepEqual(exit, { code: 0, signal: null }, 'exits cleanly');
  for (const r of slowResults) assert.ok('status' in r && r.status === 200, `slow upload answered: ${JSON.stringify(r).slice(0, 200)}`);
  // In progress when the signal came: answered, then the connection closes, so the client's next request
  // goes to a running instance.
  for (const r of slowResults) assert.ok('status' in r && r.connection === 'close', `slow upload told to reconnect: ${JSON.stringify(r).slice(0, 200)}`);
  assert.ok(acked.size === 12, 'every client saved before the signal');
  // After the signal a client may be refused a connection (not accepted); none may be cut off mid-request.
  assert.deepEqual(errors.filter((e) => e !== 'ECONNREFUSED'), [], 'no accepted request was cut off');
  assert.match(await partialHead, /^HTTP\/1\.1 (200|503) /, 'a request whose head was still arriving is answered');
  assert.match(ended.text, /event: ready/);
  assert.match(ended.text, /\nretry: \d+\n\n$/, 'the event stream ends with a reconnect hint');
  assert.equal(ended.ended, 'end');

  const db = createDb(database);
  try {
    const rows = await db.kysely.selectFrom('answers').select(['item_id', 'comment']).where('assessment_id', '=', assessmentId).execute();
    const stored = new Map(rows.map((r) => [r.item_id, r.comment ?? '']));
    for (const [item, seq] of acked) {
      const m = /^w\d+-(\d+)$/.exec(stored.get(item) ?? '');
      assert.ok(m && Number(m[1]) >= seq, `${item}: acknowledged save ${seq} is in the database (found ${stored.get(item)})`);
    }
    for (let k = 0; k < 4; k++) assert.match(stored.get(items[20 + k] as string) ?? '', new RegExp(`^slow-${k}-`));
  } finally {
    await db.close();
  }
});
