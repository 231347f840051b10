// Sign-in throttling under parallel guesses (issue 12, defect 1): the limit holds when attempts arrive at
// once, on one SQLite process and across two app instances on one PostgreSQL, per account and per address;
// the client address behind proxies is the right-most hop no client can forge.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createUser } from '../src/domain/accounts/create-user.ts';
import { signIn } from '../src/domain/accounts/sign-in.ts';
import { OPERATOR, type Ctx } from '../src/domain/kernel/context.ts';
import { AppError } from '../src/domain/kernel/errors.ts';
import { createDb } from '../src/db/index.ts';
import { createApp } from '../src/http/app.tsx';
import { forwardedClient } from '../src/http/request.ts';
import { createBus } from '../src/db/bus.ts';
import { createLogger } from '../src/lib/log.ts';
import { eachDialect, postgresOnly } from './env.ts';
import { Browser } from './http.ts';

const PASSWORD = 'the right long password';

/** Runs the attempts at once and tallies how each ended. */
async function burst(attempts: (() => Promise<unknown>)[]): Promise<{ ok: number[]; checked: number; throttled: number }> {
  const results = await Promise.allSettled(attempts.map((a) => a()));
  const ok: number[] = [];
  let checked = 0;
  let throttled = 0;
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') {
      ok.push(i);
      checked++;
    } else if (r.reason instanceof AppError && r.reason.code === 'unauthenticated') checked++;
    else if (r.reason instanceof AppError && r.reason.code === 'throttled') throttled++;
    else throw r.reason;
  });
  return { ok, checked, throttled };
}

const guess = (ctx: Ctx, email: string, password: string, ip: string | null) => () => signIn(ctx, { email, password }, { ip, userAgent: 'burst' });

test('the client address is the right-most hop written by a trusted proxy', () => {
  assert.equal(forwardedClient('203.0.113.9', 1, '10.0.0.2'), '203.0.113.9');
  assert.equal(forwardedClient('6.6.6.6, 1.2.3.4, 203.0.113.9', 1, '10.0.0.2'), '203.0.113.9', 'entries the client wrote are ignored');
  assert.equal(forwardedClient('6.6.6.6, 203.0.113.9, 10.0.0.5', 2, '10.0.0.2'), '203.0.113.9', 'CDN in front of the proxy');
  assert.equal(forwardedClient('203.0.113.9', 3, '10.0.0.2'), '203.0.113.9', 'fewer hops than proxies: the left-most is the client');
  assert.equal(forwardedClient('not-an-address', 1, '10.0.0.2'), '10.0.0.2', 'a malformed hop falls back to the socket');
  assert.equal(forwardedClient(undefined, 1, '10.0.0.2'), '10.0.0.2');
  assert.equal(forwardedClient('2001:db8::1', 1, null), '2001:db8::1');
});

eachDialect('sign-in throttling under parallel guesses', (get) => {
  test('40 parallel wrong passwords against one account: exactly the limit are checked', async () => {
    const { ctx, db } = get();
    await createUser(ctx, OPERATOR, { name: 'Pat', email: 'pat@example.org', password: PASSWORD });
    const r = await burst(Array.from({ length: 40 }, (_, i) => guess(ctx, 'pat@example.org', `wrong ${i}`, `198.51.100.${i + 1}`)));
    assert.equal(r.checked, ctx.config.loginMaxFailures);
    assert.equal(r.throttled, 40 - ctx.config.loginMaxFailures);
    const row = await db.kysely.selectFrom('login_throttle').selectAll().where('key', '=', 'email:pat@example.org').executeTakeFirstOrThrow();
    assert.equal(Number(row.failures), 40, 'no increment lost');
    assert.ok(row.locked_until, 'the account is locked');
  });

  test('a burst of 30 with the right password at position 26 is refused', async () => {
    const { ctx } = get();
    await createUser(ctx, OPERATOR, { name: 'Quinn', email: 'quinn@example.org', password: PASSWORD });
    const attempts = Array.from({ length: 30 }, (_, i) => guess(ctx, 'quinn@example.org', i === 25 ? PASSWORD : `wrong ${i}`, '192.0.2.77'));
    // Sent in order but without waiting, as a script would.
    const r = await burst(attempts);
    assert.deepEqual(r.ok, [], 'the late right password did not sign in');
    // At most the account's allowance (fewer when the address's count, taken in another order, refused some).
    assert.ok(r.checked >= 1 && r.checked <= ctx.config.loginMaxFailures, `checked ${r.checked}`);
  });

  test('per address: guesses spread over many accounts stop at the address allowance', async () => {
    const { ctx } = get();
    const max = ctx.config.loginMaxFailures * 4;
    const r = await burst(Array.from({ length: max + 15 }, (_, i) => guess(ctx, `nobody${i}@example.org`, 'whatever it is', '192.0.2.200')));
    assert.equal(r.checked, max);
    assert.equal(r.throttled, 15);
  });

  test('right passwords do not use up the address allowance (an office behind one NAT)', async () => {
    const { ctx } = get();
    await createUser(ctx, OPERATOR, { name: 'Rae', email: 'rae@example.org', password: PASSWORD });
    for (let i = 0; i < ctx.config.loginMaxFailures * 4 + 2; i++) await signIn(ctx, { email: 'rae@example.org', password: PASSWORD }, { ip: '192.0.2.201', userAgent: null });
  });

  test('behind a proxy, a forged X-Forwarded-For neither escapes the limit nor reaches the audit log', async () => {
    const { ctx, db } = get();
    const app = createApp({ ...ctx, config: { ...ctx.config, trustProxy: true, trustedProxies: 1 } });
    const b = new Browser(app);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const r = await b.post('/sign-in', { email: `forger${i}@example.org`, password: 'a wrong password' }, { 'x-forwarded-for': `10.${i}.0.1, 203.0.113.50` });
      statuses.push(r.status);
    }
    assert.equal(statuses.filter((s) => s === 401).length, ctx.config.loginMaxFailures * 4);
    assert.equal(statuses.filter((s) => s === 429).length, 25 - ctx.config.loginMaxFailures * 4);
    const ips = await db.kysely.selectFrom('audit_log').select('ip').distinct().where('after_json', 'like', '%forger%').execute();
    assert.deepEqual(ips.map((r) => r.ip), ['203.0.113.50']);
  });
});

postgresOnly('sign-in throttling across two app instances', (get) => {
  test('40 parallel wrong passwords split over two instances: exactly the limit are checked', async () => {
    const { ctx, db } = get();
    const db2 = createDb(ctx.config.database);
    const ctx2: Ctx = { ...ctx, db: db2, bus: createBus(db2, ctx.config.database, createLogger('silent'), { listen: false }) };
    try {
      await createUser(ctx, OPERATOR, { name: 'Sol', email: 'sol@example.org', password: PASSWORD });
      const a1 = new Browser(createApp(ctx));
      const a2 = new Browser(createApp(ctx2));
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 ? a2 : a1).post('/sign-in', { email: 'sol@example.org', password: i === 30 ? PASSWORD : `wrong ${i}` }).then((r) => r.status)),
      );
      assert.equal(results.filter((s) => s === 401).length, ctx.config.loginMaxFailures);
      assert.equal(results.filter((s) => s === 429).length, 40 - ctx.config.loginMaxFailures);
      assert.equal(results.filter((s) => s === 303).length, 0, 'the right password late in the burst is refused');
    } finally {
      await ctx2.bus.close();
      await db2.close();
    }
  });
});
