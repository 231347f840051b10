// `metep serve` and `metep migrate`: running the web application and preparing its database.
import { createDb, migrate as applyMigrations } from '../db/index.ts';
import { start } from '../server.ts';
import type { CommandRun } from './index.ts';

/** Runs the web application until SIGINT or SIGTERM. */
export const serve: CommandRun = async ({ config }) => {
  const running = await start(config());
  const stop = async () => {
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(`METEP is running at ${running.ctx.config.publicUrl} (database: ${running.ctx.db.kind})\n`);
  await new Promise(() => {});
  return 0;
};

/** Applies pending migrations and says which. */
export const migrate: CommandRun = async ({ config }) => {
  const db = createDb(config().database);
  try {
    const applied = await applyMigrations(db);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
  } finally {
    await db.close();
  }
  return 0;
};
