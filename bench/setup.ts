// Shared set-up for benchmarks: a running METEP on a fresh database (SQLite file, or PostgreSQL from
// BENCH_DATABASE_URL) with the demo assessment and N extra respondents holding sessions.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { createDb, migrate } from '../src/db/index.ts';
import { insertMembership } from '../src/db/repositories/assessments.ts';
import { insertUser } from '../src/db/repositories/users.ts';
import type { Ctx } from '../src/domain/kernel/context.ts';
import { seedDemo } from '../src/domain/assessments/seed-demo.ts';
import { startSession } from '../src/domain/accounts/start-session.ts';
import { newId } from '../src/lib/tokens.ts';
import { createLogger } from '../src/lib/log.ts';
import { start, type Running } from '../src/server.ts';
import { createContext } from '../src/context.ts';

/** A benchmark environment. */
export interface Bench {
  app: Running;
  base: string;
  assessmentId: string;
  dialect: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

/** Starts METEP on a free port with the demo data. */
export async function startBench(port: number): Promise<Bench> {
  const pgUrl = process.env.BENCH_DATABASE_URL;
  const dir = mkdtempSync(join(tmpdir(), 'metep-bench-'));
  const schema = `bench_${Date.now().toString(36)}`;
  const env: Record<string, string> = { PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'silent', DATABASE_URL: pgUrl ?? join(dir, 'bench.sqlite') };
  if (pgUrl) env.DATABASE_SCHEMA = schema;
  const app = await start(loadConfig(env), { quiet: true });
  const demo = await seedDemo(app.ctx);
  return {
    app,
    base: `http://127.0.0.1:${port}`,
    assessmentId: demo.assessmentId,
    dialect: pgUrl ? 'postgres' : 'sqlite',
    close: async () => {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
      if (pgUrl) await dropSchema(pgUrl, schema);
    },
  };
}

/** Adds `n` respondents to the assessment and returns a session token for each. */
export async function respondents(ctx: Ctx, assessmentId: string, n: number): Promise<string[]> {
  const tokens: string[] = [];
  const at = new Date().toISOString();
  for (let i = 0; i < n; i++) {
    const id = newId();
    await insertUser(ctx.db.kysely, { id, email: `bench${i}-${id.slice(0, 6)}@bench.example`, name: `Bench ${i}`, passwordHash: null, isAdmin: false, isCoordinator: false, locale: 'en', disabled: false, createdAt: at });
    await insertMembership(ctx.db.kysely, { id: newId(), assessment_id: assessmentId, user_id: id, role: 'respondent', organisation_id: null, created_at: at });
    tokens.push(await startSession(ctx, ctx.db.kysely, id, { ip: null, userAgent: 'bench' }));
  }
  return tokens;
}

/** A fresh demo database for a benchmark that runs servers in their own processes: the environment those
 * servers need, the demo assessment, an open context to add people with, and how to clean up. */
export async function demoDatabase() {
  const pgUrl = process.env.BENCH_DATABASE_URL;
  const dir = mkdtempSync(join(tmpdir(), 'metep-bench-'));
  const schema = `bench_${Date.now().toString(36)}`;
  const env: Record<string, string> = { LOG_LEVEL: 'silent', DATABASE_URL: pgUrl ?? join(dir, 'bench.sqlite'), ...(pgUrl ? { DATABASE_SCHEMA: schema } : {}) };
  const config = loadConfig(env);
  const db = createDb(config.database);
  await migrate(db);
  const log = createLogger('silent');
  const ctx: Ctx = createContext({ db, config, log, listen: false });
  const { assessmentId } = await seedDemo(ctx);
  return {
    env,
    ctx,
    assessmentId,
    dialect: pgUrl ? 'postgres' : 'sqlite',
    cleanup: async () => {
      rmSync(dir, { recursive: true, force: true });
      if (pgUrl) await dropSchema(pgUrl, schema);
    },
  };
}

/** Drops a benchmark's throwaway PostgreSQL schema. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`drop schema if exists ${schema} cascade`);
  await c.end();
}

/** Runs a server script in its own process (as in production) and resolves once it says it is up. */
export function launchServer(args: string[], port: number, env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // BENCH_PROFILE_DIR: the app servers write a V8 CPU profile there when they stop (for `node --cpu-prof`'s viewers).
    const prof = process.env.BENCH_PROFILE_DIR && args[0] === 'src/main.ts' ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
    // Both servers with the young generation `npm start` gives the app (bin/metep.js says why).
    const child = spawn(process.execPath, [...prof, '--max-semi-space-size=32', '--import', 'tsx', ...args], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout!.on('data', (d: Buffer) => {
      if (/ready|running/.test(d.toString())) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
}
