// SIGTERM while answer saves are being written in batches (src/db/repositories/answers.ts): 48 clients save
// at once, so saves reach the server in the same event-loop turns and are written as multi-row batches
// when the signal comes. Every save the server acknowledged is in the database afterwards, on SQLite and
// PostgreSQL, and the process exits 0.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import type { TConfig } from '../src/config.ts';
import { createDb } from '../src/db/index.ts';
import { allItems } from '../src/instrument/model.ts';
import { bundledInstrument } from '../src/instrument/loader.ts';
import { hashToken } from '../src/lib/tokens.ts';
import { dialects } from './env.ts';
import { prepareCollecting, spawnServer } from './support/server-process.ts';

const dir = mkdtempSync(join(tmpdir(), 'metep-shutdown-batch-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function save(url: string, cookie: string, path: string, body: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(`${url}${path}`, { method: 'POST', agent: false, headers: { cookie: `metep_session=${cookie}`, 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    req.end(body);
  });
}

for (const dialect of dialects()) {
  test(`SIGTERM mid-batch loses no acknowledged save [${dialect}]`, { timeout: 120_000 }, async () => {
    const schema = `sb_${Date.now().toString(36)}`;
    const database: TConfig['database'] = dialect === 'postgres' ? { kind: 'postgres', url: process.env.TEST_DATABASE_URL as string, schema } : { kind: 'sqlite', file: join(dir, 'batch.sqlite') };
    const env: Record<string, string> = database.kind === 'postgres' ? { DATABASE_URL: database.url, DATABASE_SCHEMA: schema } : { DATABASE_URL: database.file };
    try {
      const { assessmentId, respondents } = await prepareCollecting(database, 8);
      const server = await spawnServer({ ...env, SHUTDOWN_GRACE_SECONDS: '20' });
      const items = allItems(bundledInstrument()).map((i) => i.item.id);
      const acked = new Map<string, number>();
      const refused: (number | string)[] = [];
      let stop = false;
      // 48 clients: 8 respondents × 6 items each, every client on its own answer.
      const workers = Array.from({ length: 48 }, async (_, w) => {
        const who = respondents[w % respondents.length] as string;
        const item = items[Math.floor(w / respondents.length)] as string;
        for (let seq = 1; !stop; seq++) {
          const r = await save(server.url, who, `/api/v1/assessments/${assessmentId}/answers`, JSON.stringify({ answers: [{ itemId: item, value: null, comment: `w${w}-${seq}` }] }));
          if (r === 200) acked.set(`${who}:${item}`, seq);
          else {
            // After the signal: "stopping" (503) or no connection; never a failed save.
            refused.push(r);
            return;
          }
        }
      });
      await new Promise((r) => setTimeout(r, 1500));
      server.child.kill('SIGTERM');
      const exit = await server.exited;
      stop = true;
      await Promise.all(workers);
      assert.deepEqual(exit, { code: 0, signal: null }, 'exits cleanly');
      assert.ok(refused.every((r) => r === 503 || r === 'ECONNREFUSED' || r === 'ECONNRESET'), `only refusals after the signal: ${refused}`);
      assert.ok(acked.size > 0, 'saves were acknowledged before the signal');
      const db = createDb(database);
      try {
        const sessions = new Map((await db.kysely.selectFrom('sessions').select(['id', 'user_id']).execute()).map((s) => [s.id, s.user_id]));
        const rows = await db.kysely.selectFrom('answers').select(['user_id', 'item_id', 'comment']).where('assessment_id', '=', assessmentId).execute();
        const stored = new Map(rows.map((r) => [`${r.user_id}:${r.item_id}`, r.comment ?? '']));
        for (const [key, seq] of acked) {
          const [token, item] = key.split(':') as [string, string];
          const got = stored.get(`${sessions.get(hashToken(token))}:${item}`) ?? '';
          const m = /^w\d+-(\d+)$/.exec(got);
          assert.ok(m && Number(m[1]) >= seq, `${item}: acknowledged save ${seq} is in the database (found ${got})`);
        }
      } finally {
        await db.close();
      }
    } finally {
      if (database.kind === 'postgres') {
        const c = new pg.Client({ connectionString: database.url });
        await c.connect();
        await c.query(`drop schema if exists ${schema} cascade`);
        await c.end();
      }
    }
  });
}
