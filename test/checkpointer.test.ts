// A server on SQLite checkpoints its write-ahead log in a worker thread (src/db/checkpointer.ts), so no
// autosave's commit waits for the disk: what the server writes reaches the database file while the
// server's own connection does not checkpoint, and stopping the server stops the worker.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { FALLBACK_PAGES } from '../src/db/checkpointer.ts';
import { start } from '../src/server.ts';

test('SQLite: the server checkpoints in the background; its writes reach the database file; stopping ends it', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'metep-ckpt-'));
  const file = join(dir, 'metep.sqlite');
  const running = await start(loadConfig({ DATABASE_URL: file, PORT: String(40_000 + Math.floor(Math.random() * 20_000)), HOST: '127.0.0.1', PUBLIC_URL: 'http://127.0.0.1', LOG_LEVEL: 'silent' }), { quiet: true });
  try {
    const db = running.ctx.db.kysely;
    const own = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(db);
    assert.equal(own.rows[0]?.wal_autocheckpoint, FALLBACK_PAGES, 'the server connection leaves checkpoints to the worker');
    // About 1 MB of rows: far below SQLite's own threshold (1,000 pages, 4 MB), so without the worker they
    // would stay in the log and not be in the database file yet.
    const rows = Array.from({ length: 2000 }, (_, i) => ({ id: `ck-${i}`, email: `ck${i}@example.org`, name: `Person ${i} ${'x'.repeat(400)}`, password_hash: null, is_admin: 0, locale: null, disabled: 0, created_at: '2026-12-01T00:00:00Z', is_coordinator: 0 }));
    for (let i = 0; i < rows.length; i += 200) await db.insertInto('users').values(rows.slice(i, i + 200) as never).execute();
    assert.ok(statSync(`${file}-wal`).size > 500_000, 'the rows went to the write-ahead log');
    // The database file alone (as a copy, without its log) holds them once the worker has checkpointed.
    const copy = join(dir, 'copy.sqlite');
    let n = 0;
    for (let attempt = 0; attempt < 20 && n < rows.length; attempt++) {
      await new Promise((r) => setTimeout(r, 250));
      for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true });
      copyFileSync(file, copy);
      // Opened writable: a database in WAL mode needs its (here new, empty) log files to be read.
      const c = new SQLite(copy);
      try {
        n = (c.prepare("select count(*) as n from users where id like 'ck-%'").get() as { n: number }).n;
      } catch {
        n = 0; // not even the tables are in the file yet
      } finally {
        c.close();
      }
    }
    assert.equal(n, rows.length, 'checkpointed into the database file while the server runs');
  } finally {
    await running.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
