// Prepared queries give the same rows as the builder they come from, on both databases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { eachDialect, postgresOnly } from '../../test/env.ts';
import { prepared } from './prepared.ts';

eachDialect('prepared queries', (get) => {
  test('values land in the right places and the query\'s own constants stay', async () => {
    const db = get().db.kysely;
    await db.insertInto('users').values([
      { id: 'u1', email: 'a@example.org', name: 'A', password_hash: null, is_admin: 0, locale: null, disabled: 0, created_at: '2026-01-01T00:00:00Z', is_coordinator: 0 },
      { id: 'u2', email: 'b@example.org', name: 'B', password_hash: null, is_admin: 1, locale: 'ar', disabled: 0, created_at: '2026-01-02T00:00:00Z', is_coordinator: 0 },
    ] as never).execute();
    // Two arguments in the opposite order of their appearance, plus a constant in between.
    const find = prepared<{ id: string }, [string, string]>(2, (k, name, email) => k.selectFrom('users').select('id').where('email', '=', email as string).where('disabled', '=', 0).where('name', '=', name as string));
    assert.deepEqual(await find(db, 'B', 'b@example.org'), [{ id: 'u2' }]);
    assert.deepEqual(await find(db, 'A', 'a@example.org'), [{ id: 'u1' }]);
    assert.deepEqual(await find(db, 'A', 'b@example.org'), []);
    await assert.rejects(prepared(1, (k) => k.selectFrom('users').select('id'))(db, 'x'), /does not use argument 0/);
  });

  test('a prepared query never runs inside another caller\'s open transaction, and runs in its own', async () => {
    const db = get().db.kysely;
    const find = prepared<{ id: string }, [string]>(1, (k, email) => k.selectFrom('users').select('id').where('email', '=', email as string));
    const user = { id: 'u3', email: 'c@example.org', name: 'C', password_hash: null, is_admin: 0, locale: null, disabled: 0, created_at: '2026-01-03T00:00:00Z', is_coordinator: 0 };
    let inserted: () => void = () => undefined;
    let finish: () => void = () => undefined;
    const insertedP = new Promise<void>((r) => (inserted = r));
    const finishP = new Promise<void>((r) => (finish = r));
    // A transaction inserts a row and stays open; meanwhile a query on the top-level handle asks for it.
    const trx = db
      .transaction()
      .execute(async (t) => {
        await t.insertInto('users').values(user as never).execute();
        // Inside the transaction, its own prepared query sees its own row.
        assert.deepEqual(await find(t as never, 'c@example.org'), [{ id: 'u3' }]);
        inserted();
        await finishP;
        throw new Error('roll back');
      })
      .catch((e: Error) => assert.equal(e.message, 'roll back'));
    await insertedP;
    let outside: { id: string }[] | undefined;
    const asked = find(db, 'c@example.org').then((rows) => (outside = rows));
    await new Promise((r) => setTimeout(r, 50));
    // On SQLite (one connection) the outside query waits for the transaction rather than reading its
    // uncommitted row; on PostgreSQL it runs on another connection and does not see it either.
    assert.ok(outside === undefined || outside.length === 0, `uncommitted row seen from outside: ${JSON.stringify(outside)}`);
    finish();
    await trx;
    await asked;
    assert.deepEqual(outside, [], 'rolled back: the row never existed for anyone else');
  });
});

// SQLite re-prepares its statements itself when the schema changes; on PostgreSQL the app keeps named
// statements per connection (db/index.ts).
postgresOnly('statements kept by the database connection', (get) => {
  test('a table changed by a migration in another process does not break statements kept before', async () => {
    const { db, ctx } = get();
    if (ctx.config.database.kind !== 'postgres') throw new Error('PostgreSQL only');
    const all = () => db.kysely.selectFrom('instruments').selectAll().where('instrument_key', '=', 'nothing').execute();
    await all();
    await all();
    const other = new pg.Client({ connectionString: ctx.config.database.url });
    await other.connect();
    try {
      await other.query(`alter table ${ctx.config.database.schema}.instruments add column later text`);
    } finally {
      await other.end();
    }
    await Promise.all([all(), all(), all()]);
    assert.deepEqual(await all(), []);
  });
});
