// What the commands that work on an installation share: a context around an open database, and turning a
// domain error into a message for the terminal.
import type { TConfig } from '../config.ts';
import { createContext } from '../context.ts';
import { createDb, migrate } from '../db/index.ts';
import type { Ctx } from '../domain/kernel/context.ts';
import { ensureBundledInstrument } from '../domain/instruments/ensure-bundled-instrument.ts';
import { AppError } from '../domain/kernel/errors.ts';
import { t } from '../i18n/index.ts';
import { createLogger } from '../lib/log.ts';
import { UsageError } from './index.ts';

/** Opens the database, migrates, loads bundled data and builds a context for a command; closes it afterwards. */
export async function withCtx<T>(config: TConfig, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const db = createDb(config.database);
  try {
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
