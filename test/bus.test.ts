// Live updates between app instances: on PostgreSQL a message published by one instance reaches the
// subscribers of another through LISTEN/NOTIFY; on SQLite (one process) the in-process bus delivers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createBus } from '../src/db/bus.ts';
import { createDb } from '../src/db/index.ts';
import { announce, liveTopic } from '../src/domain/kernel/live.ts';
import { createLogger } from '../src/lib/log.ts';
import { eachDialect, postgresOnly } from './env.ts';

function next(bus: ReturnType<typeof createBus>, topic: string, ms = 3000): Promise<string | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      off();
      resolve(undefined);
    }, ms);
    const off = bus.subscribe(topic, (p) => {
      clearTimeout(timer);
      off();
      resolve(p);
    });
  });
}

eachDialect('live bus', (get) => {
  test('a subscriber gets messages on its topic only', async () => {
    const bus = get().ctx.bus;
    const got = next(bus, 'a:one');
    const other = next(bus, 'a:two', 500);
    await bus.publish('a:one', 'answers');
    assert.equal(await got, 'answers');
    assert.equal(await other, undefined);
  });
});

// SQLite runs as one process: there is no second instance to reach.
postgresOnly('live bus across instances', (get) => {
  test('a second app instance on the same database receives what the first publishes', async () => {
    const { ctx } = get();
    const db2 = createDb(ctx.config.database);
    const bus2 = createBus(db2, ctx.config.database, createLogger('silent'));
    try {
      await bus2.ready();
      const got = next(bus2, 'a:cross');
      await ctx.bus.publish('a:cross', 'consensus');
      assert.equal(await got, 'consensus');
      // And back: the first instance hears the second.
      const back = next(ctx.bus, 'a:back');
      await bus2.publish('a:back', 'poll');
      assert.equal(await back, 'poll');
    } finally {
      await bus2.close();
      await db2.close();
    }
  });
});

eachDialect('announcing changes', (get) => {
  test('a burst of saved answers is announced at once and once more at the end; decisions always at once', async () => {
    const { ctx } = get();
    const got: string[] = [];
    const off = ctx.bus.subscribe(liveTopic('burst'), (p) => got.push(p));
    try {
      for (let i = 0; i < 20; i++) await announce(ctx, 'burst', 'answers');
      await announce(ctx, 'burst', 'consensus');
      await new Promise((r) => setTimeout(r, 400));
      assert.deepEqual(got.filter((k) => k === 'consensus'), ['consensus']);
      const answers = got.filter((k) => k === 'answers').length;
      assert.ok(answers >= 2 && answers <= 3, `answers announced ${answers} times`);
      // A save after a quiet moment goes out at once again.
      got.length = 0;
      await announce(ctx, 'burst', 'answers');
      await new Promise((r) => setTimeout(r, ctx.config.database.kind === 'postgres' ? 200 : 20));
      assert.deepEqual(got, ['answers']);
    } finally {
      off();
    }
  });
});
