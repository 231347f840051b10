// Batched answer writes (src/db/repositories/answers.ts): the saves of one event-loop turn become one
// statement, the later of two saves of one answer wins, a bad row fails only its own save, and batches
// written in opposite orders from two connections pools (two instances) never deadlock.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { createDb } from '../src/db/index.ts';
import { settleAnswerWrites, upsertAnswersBatched } from '../src/db/repositories/answers.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { allItems } from '../src/instrument/model.ts';
import { bundledInstrument } from '../src/instrument/loader.ts';
import { eachDialect } from './env.ts';

/** Counts the statements that reach the database. */
/** Counts statements run (results), not queries built: batch statements are compiled once per size. */
class Counter implements KyselyPlugin {
  n = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.n++;
    return args.result;
  }
}

eachDialect('batched answer writes', (get) => {
  let assessmentId = '';
  let users: string[] = [];
  const items = allItems(bundledInstrument('2026.2')).map((i) => i.item.id);
  const row = (user: string, item: string, comment: string) => ({ assessment_id: assessmentId, user_id: user, item_id: item, value_json: 'null', comment, updated_at: '2026-06-01T09:00:00.000Z' });
  const comments = async () => {
    const rows = await get().db.kysely.selectFrom('answers').select(['user_id', 'item_id', 'comment']).where('assessment_id', '=', assessmentId).execute();
    return new Map(rows.map((r) => [`${r.user_id}:${r.item_id}`, r.comment]));
  };
  before(async () => {
    assessmentId = (await seedDemo(get().ctx)).assessmentId;
    users = (await get().db.kysely.selectFrom('memberships').select('user_id').where('assessment_id', '=', assessmentId).where('role', '=', 'respondent').execute()).map((r) => r.user_id);
    assert.ok(users.length >= 3);
  });

  test('the saves of one turn are one statement, settled after it; the later save of one answer wins', async () => {
    const counter = new Counter();
    const db = get().db.kysely.withPlugin(counter);
    const saves = [];
    for (let i = 0; i < 60; i++) saves.push(upsertAnswersBatched(db, [row(users[i % 2] as string, items[i % 10] as string, `batch-${i}`)]));
    await Promise.all(saves);
    assert.equal(counter.n, 1, 'one statement for sixty saves');
    const stored = await comments();
    const lastOf = new Map<string, string>();
    for (let i = 0; i < 60; i++) lastOf.set(`${users[i % 2]}:${items[i % 10]}`, `batch-${i}`);
    for (const [k, v] of lastOf) assert.equal(stored.get(k), v, k);
  });

  test('a bad row fails only its own save', async () => {
    const db = get().db.kysely;
    const good = upsertAnswersBatched(db, [row(users[0] as string, items[30] as string, 'kept')]);
    const bad = upsertAnswersBatched(db, [row('no-such-user', items[30] as string, 'refused')]);
    await good;
    await assert.rejects(bad);
    assert.equal((await comments()).get(`${users[0]}:${items[30]}`), 'kept');
  });

  test('two connection pools writing the same answers in opposite orders never deadlock', { timeout: 60_000 }, async () => {
    const te = get();
    const other = createDb(te.ctx.config.database);
    // A deadlock would show as more statements: the batch that lost is written again row by row.
    const counters = [new Counter(), new Counter()] as const;
    const one = te.db.kysely.withPlugin(counters[0]);
    const two = other.kysely.withPlugin(counters[1]);
    try {
      const keys = users.flatMap((u) => items.map((i) => [u, i] as const)).slice(0, 400);
      for (let round = 0; round < 20; round++) {
        const forward = keys.map(([u, i]) => upsertAnswersBatched(one, [row(u, i, `f${round}`)]));
        const backward = [...keys].reverse().map(([u, i]) => upsertAnswersBatched(two, [row(u, i, `b${round}`)]));
        await Promise.all([...forward, ...backward]);
      }
      await settleAnswerWrites(one);
      await settleAnswerWrites(two);
      assert.equal(counters[0].n + counters[1].n, 40, 'one statement per batch, none written again');
      const stored = await comments();
      for (const [u, i] of keys) assert.match(stored.get(`${u}:${i}`) ?? '', /^[fb]19$/);
    } finally {
      await other.close();
    }
  });
});
