// Test environments on real databases: every data-layer test runs on a SQLite file always and on
// PostgreSQL when TEST_DATABASE_URL is set (a fresh schema per run, dropped afterwards). In CI a missing
// PostgreSQL is a failure, not a silent skip.
import { after, before, describe } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig, type TConfig } from '../src/config.ts';
import { createDb, migrate, type Db } from '../src/db/index.ts';
import type { Ctx } from '../src/domain/kernel/context.ts';
import { createLogger } from '../src/lib/log.ts';
import { createContext } from '../src/context.ts';

/** A database-backed test environment with a movable clock. */
export interface TestEnv {
  ctx: Ctx;
  db: Db;
  dialect: 'sqlite' | 'postgres';
  /** Moves the clock forward. */
  advance(ms: number): void;
  close(): Promise<void>;
}

/** Which dialects to test on. */
export function dialects(): ('sqlite' | 'postgres')[] {
  if (process.env.TEST_DATABASE_URL) return ['sqlite', 'postgres'];
  if (process.env.CI === 'true') throw new Error('CI=true but TEST_DATABASE_URL is not set: PostgreSQL tests must run in CI');
  return ['sqlite'];
}

/** Opens a fresh, migrated database of a dialect. */
export async function openTestEnv(dialect: 'sqlite' | 'postgres', env: Record<string, string> = {}): Promise<TestEnv> {
  let database: TConfig['database'];
  let cleanup: () => Promise<void>;
  if (dialect === 'postgres') {
    const url = process.env.TEST_DATABASE_URL as string;
    const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    database = { kind: 'postgres', url, schema };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'metep-test-'));
    database = { kind: 'sqlite', file: join(dir, 'test.sqlite') };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const config = { ...loadConfig({ PUBLIC_URL: 'http://metep.test', LOG_LEVEL: 'silent', ...env }), database };
  const db = createDb(database);
  await migrate(db);
  let nowMs = Date.parse('2026-06-01T09:00:00Z');
  const log = createLogger('silent');
  const ctx: Ctx = createContext({ db, config, log, now: () => new Date(nowMs) });
  await ctx.bus.ready();
  return {
    ctx,
    db,
    dialect,
    advance: (ms) => {
      nowMs += ms;
    },
    close: async () => {
      await ctx.bus.close();
      await db.close();
      await cleanup();
    },
  };
}

/** Declares a suite once per dialect; `get()` returns that suite's environment. */
export function eachDialect(name: string, body: (get: () => TestEnv) => void, env: Record<string, string> = {}, only?: 'postgres'): void {
  for (const dialect of dialects().filter((d) => !only || d === only)) {
    describe(`${name} [${dialect}]`, () => {
      let te: TestEnv | undefined;
      before(async () => {
        te = await openTestEnv(dialect, env);
      });
      after(async () => {
        await te?.close();
      });
      body(() => {
        if (!te) throw new Error('test environment not ready');
        return te;
      });
    });
  }
}

/** Declares a suite for behaviour only PostgreSQL has (several app instances on one database); it runs
 * whenever PostgreSQL tests run (always in CI). */
export function postgresOnly(name: string, body: (get: () => TestEnv) => void): void {
  eachDialect(name, body, {}, 'postgres');
}
