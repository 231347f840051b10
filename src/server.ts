// Starting and stopping the HTTP server around a context (used by `metep serve` and by tests).
import { setMaxListeners } from 'node:events';
import type { Server as HttpServer } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import type { TConfig } from './config.ts';
import { createDb, migrate } from './db/index.ts';
import { settleAnswerWrites } from './db/repositories/answers.ts';
import type { Ctx } from './domain/kernel/context.ts';
import { createSetupLink } from './domain/accounts/create-setup-link.ts';
import { ensureBundledInstrument } from './domain/instruments/ensure-bundled-instrument.ts';
import { ensureBundledBenchmarks } from './domain/benchmarks/ensure-bundled-benchmarks.ts';
import { createApp } from './http/app.tsx';
import { trackConnections } from './lib/graceful.ts';
import { createLogger } from './lib/log.ts';
import { closePdfBrowser } from './reports/pdf.ts';
import { createContext } from './context.ts';

/** A running server with its context. */
export interface Running {
  ctx: Ctx;
  server: ServerType;
  url: string;
  setupUrl: string | undefined;
  stop(): Promise<void>;
}

/** Opens the database, migrates, loads bundled data, listens, and prints the setup link on a fresh install. */
export async function start(config: TConfig, opts: { quiet?: boolean; setup?: (url: string, expiresAt: string) => void } = {}): Promise<Running> {
  const log = createLogger(config.logLevel);
  const db = createDb(config.database);
  await migrate(db);
  const ctx = createContext({ db, config, log });
  // A server's SQLite checkpoints run beside it, not inside an autosave's commit (db/checkpointer.ts).
  db.checkpointInBackground?.((message) => log.warn('checkpoint failed', { message }));
  await ensureBundledInstrument(ctx);
  await ensureBundledBenchmarks(ctx);
  const stopping = new AbortController();
  // Every open room page's event stream listens for the shutdown (hundreds in a workshop): not a leak.
  setMaxListeners(0, stopping.signal);
  const app = createApp(ctx, { shutdown: stopping.signal });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const connections = trackConnections(server as HttpServer);
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://${config.host}:${port}`;
  log.info('listening', { url, database: db.kind });
  const setup = await createSetupLink(ctx);
  if (setup) {
    if (opts.setup) opts.setup(setup.url, setup.expiresAt);
    else if (!opts.quiet) {
      process.stdout.write(
        `\nNo administrator yet. Open this one-time link to create one (valid until ${setup.expiresAt}):\n\n  ${setup.url}\n\n`,
      );
    }
  }
  return {
    ctx,
    server,
    url,
    setupUrl: setup?.url,
    stop: async () => {
      // Graceful: stop accepting, end event streams (with a reconnect hint), let requests in flight finish
      // within the grace period (src/lib/graceful.ts), then close the database pools.
      stopping.abort();
      const { cutOff } = await connections.drain(config.shutdownGraceMs);
      if (cutOff) log.warn('stopped with requests still in flight after the grace period', { count: cutOff });
      // Saves handed to the answer batcher by requests cut off at the deadline are still written.
      await settleAnswerWrites(db.kysely);
      await closePdfBrowser();
      await ctx.bus.close();
      await db.close();
    },
  };
}
