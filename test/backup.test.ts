// `metep backup` and `metep restore` as an operator runs them, on both databases: a backup taken while
// data exists, then changes, then a restore brings back exactly what was backed up (documents' bytes too).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createUser } from '../src/domain/accounts/create-user.ts';
import { OPERATOR } from '../src/domain/kernel/context.ts';
import { dialects, openTestEnv } from './env.ts';

const bin = new URL('../bin/metep.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'metep-backup-'));
after(() => rmSync(dir, { recursive: true, force: true }));

for (const dialect of dialects()) {
  test(`backup, change, restore: the database is as it was backed up [${dialect}]`, { timeout: 120_000 }, async () => {
    const te = await openTestEnv(dialect);
    const database = te.ctx.config.database;
    const env = { ...process.env, LOG_LEVEL: 'silent', ...(database.kind === 'postgres' ? { DATABASE_URL: database.url, DATABASE_SCHEMA: database.schema ?? '' } : { DATABASE_URL: database.file }) };
    const metep = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
    try {
      const k = te.db.kysely;
      await createUser(te.ctx, OPERATOR, { name: 'Kept Person', email: 'kept@example.org', password: 'a long enough password' });
      const kept = await k.selectFrom('users').select('id').where('email', '=', 'kept@example.org').executeTakeFirstOrThrow();
      const bytes = new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));
      await k.insertInto('instruments').values({ id: 'i-b', instrument_key: 'metep', version: 'b', status: 'published', document: '{}', previous_version: null, created_at: 'x', created_by: null }).execute();
      await k.insertInto('assessments').values({ id: 'a-b', country: 'NPL', scope: null, cycle_year: 2026, instrument_id: 'i-b', target_index: null, deadline: null, state: 'collecting', anonymise: 0, created_by: kept.id, created_at: 'x', updated_at: 'x', room_item: null }).execute();
      await k.insertInto('files').values({ id: 'f-b', assessment_id: 'a-b', name: 'ملف.pdf', mime: 'application/pdf', size: bytes.length, sha256: 'x', data: bytes, created_by: kept.id, created_at: 'x' }).execute();

      const out = join(dir, `backup-${dialect}.bin`);
      let r = metep(['backup', '--out', out]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /Backup written/);

      await createUser(te.ctx, OPERATOR, { name: 'Added Later', email: 'later@example.org', password: 'a long enough password' });
      await k.deleteFrom('files').where('id', '=', 'f-b').execute();

      r = metep(['restore', out]);
      assert.equal(r.status, 2, 'refused without --yes on a database with accounts');
      assert.match(r.stderr, /--yes/);
      r = metep(['restore', out, '--yes']);
      assert.equal(r.status, 0, r.stderr);

      const emails = (await k.selectFrom('users').select('email').orderBy('email').execute()).map((u) => u.email);
      assert.deepEqual(emails, ['kept@example.org']);
      const f = await k.selectFrom('files').select(['name', 'data']).where('id', '=', 'f-b').executeTakeFirstOrThrow();
      assert.equal(f.name, 'ملف.pdf');
      assert.deepEqual(new Uint8Array(f.data as Uint8Array), bytes);

    } finally {
      await te.close();
    }
  });
}

test('without pg_dump, backing up PostgreSQL says what to install', () => {
  const r = spawnSync(process.execPath, [bin, 'backup', '--out', join(dir, 'x.dump')], { env: { ...process.env, PATH: '/nonexistent', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', LOG_LEVEL: 'silent' }, encoding: 'utf8' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /pg_dump was not found.*postgresql-client/s);
});
