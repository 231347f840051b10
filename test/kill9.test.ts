// kill -9 during concurrent autosave (issue 12): every save the server acknowledged (200) is in the
// database afterwards — one bounded run per database (SQLite in WAL mode; PostgreSQL when configured).
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

const dir = mkdtempSync(join(tmpdir(), 'metep-kill9-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function save(url: string, cookie: string, path: string, body: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(`${url}${path}`, { method: 'POST', agent: false, headers: { cookie: `metep_session=${cookie}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    req.end(body);
  });
}

for (const dialect of dialects()) {
  test(`kill -9 during concurrent autosave loses no acknowledged save [${dialect}]`, { timeout: 120_000 }, async () => {
    const schema = `k9_${Date.now().toString(36)}`;
    const database: TConfig['database'] = dialect === 'postgres' ? { kind: 'postgres', url: process.env.TEST_DATABASE_URL as string, schema } : { kind: 'sqlite', file: join(dir, 'kill9.sqlite') };
    const env: Record<string, string> = database.kind === 'postgres' ? { DATABASE_URL: database.url, DATABASE_SCHEMA: schema } : { DATABASE_URL: database.file };
    try {
      const { assessmentId, respondents } = await prepareCollecting(database, 8);
      const server = await spawnServer(env);
      const items = allItems(bundledInstrument()).map((i) => i.item.id);
      const acked = new Map<string, number>();
      let dead = false;
      const workers = Array.from({ length: 16 }, async (_, w) => {
        const who = respondents[w % respondents.length] as string;
        const item = items[w] as string;
        for (let seq = 1; !dead; seq++) {
          const r = await save(server.url, who, `/api/v1/assessments/${assessmentId}/answers`, JSON.stringify({ answers: [{ itemId: item, value: null, comment: `w${w}-${seq}` }] }));
          if (r === 200) acked.set(`${who}:${item}`, seq);
          else if (typeof r === 'string') return;
          else assert.fail(`unexpected status ${r}`);
        }
      });
      await new Promise((r) => setTimeout(r, 1500));
      server.child.kill('SIGKILL');
      await server.exited;
      dead = true;
      await Promise.all(workers);
      assert.ok(acked.size === 16, 'every client saved before the kill');
      const db = createDb(database);
      try {
        const users = await db.kysely.selectFrom('sessions').select(['id', 'user_id']).execute();
        const rows = await db.kysely.selectFrom('answers').select(['user_id', 'item_id', 'comment']).where('assessment_id', '=', assessmentId).execute();
        const stored = new Map(rows.map((r) => [`${r.user_id}:${r.item_id}`, r.comment ?? '']));
        const userOf = new Map(users.map((s) => [s.id, s.user_id]));
        let checked = 0;
        for (const [key, seq] of acked) {
          const [token, item] = key.split(':') as [string, string];
          const got = stored.get(`${userOf.get(hashToken(token))}:${item}`) ?? '';
          const m = /^w\d+-(\d+)$/.exec(got);
          assert.ok(m && Number(m[1]) >= seq, `${item}: acknowledged save ${seq} survived (found ${got})`);
          checked++;
        }
        assert.equal(checked, 16);
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
