// What the commands that work on an installation share: a context around an open database, and turning a
// domain error into a message for the terminal.
import { existsSync } from 'node:fs';
import type { TConfig } from '../config.ts';
import { createContext } from '../context.ts';
import { createDb, migrate } from '../db/index.ts';
import type { Ctx } from '../domain/kernel/context.ts';
import { ensureBundledInstrument } from '../domain/instruments/ensure-bundled-instrument.ts';
import { AppError } from '../domain/kernel/errors.ts';
import { t } from '../i18n/index.ts';
import { createLogger } from '../lib/log.ts';
import { UsageError } from './index.ts';

/** Where DATABASE_URL points, for messages: the SQLite file, or the PostgreSQL host and database (no password). */
function describeDatabase(database: TConfig['database']): string {
  if (database.kind === 'sqlite') return database.file;
  try {
    const u = new URL(database.url);
    return `postgresql://${u.host}${u.pathname}`;
  } catch {
    return 'the PostgreSQL database';
  }
}

/**
 * Opens the database, migrates, loads bundled data and builds a context for a command; closes it afterwards.
 * With `existing`, a command that only reads an installation (results, lists, exports) refuses a database
 * that is not there — a SQLite file that does not exist, or one without METEP's tables — instead of creating
 * an empty one and reporting nothing. A server that cannot be reached is said plainly in every case.
 */
export async function withCtx<T>(config: TConfig, fn: (ctx: Ctx) => Promise<T>, opts: { existing?: boolean } = {}): Promise<T> {
  const where = describeDatabase(config.database);
  const missing = `no METEP database at ${where} (DATABASE_URL). Set DATABASE_URL to the installation's database; \`metep migrate\` creates a new one.`;
  if (opts.existing && config.database.kind === 'sqlite' && config.database.file !== ':memory:' && !existsSync(config.database.file)) throw new UsageError(missing);
  const db = createDb(config.database);
  try {
    try {
      const tables = await db.kysely.introspection.getTables();
      if (opts.existing && !tables.some((x) => x.name === 'assessments')) throw new UsageError(missing);
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`cannot open the database at ${where} (DATABASE_URL): ${(e as Error).message}`);
    }
    await migrate(db);
    const log = createLogger(config.logLevel);
    const ctx = createContext({ db, config, log, listen: false });
    try {
      await ensureBundledInstrument(ctx);
      return await fn(ctx);
    } finally {
      await ctx.bus.close();
    }
  } finally {
    await db.close();
  }
}

/** Turns an AppError into a one-screen English explanation for the terminal. */
export function explain(e: unknown): never {
  if (e instanceof AppError) {
    const fields = Object.entries(e.fields).map(([k, v]) => `${k}: ${t('en', v, e.params)}`);
    throw new UsageError([t('en', e.messageKey, e.params), ...fields].join('\n  '));
  }
  throw e;
}
