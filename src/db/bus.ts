// Live updates between app instances. On PostgreSQL a message goes out with NOTIFY and every instance
// LISTENing on the channel hands it to its local subscribers, so a room page served by one instance sees
// an answer saved through another. On SQLite there is one process, and an in-process emitter suffices.
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { TConfig } from '../config.ts';
import type { Logger } from '../lib/log.ts';
import type { Db } from './index.ts';

/** Publish/subscribe by topic; payloads are short strings (PostgreSQL limits NOTIFY to 8000 bytes). */
export interface Bus {
  publish(topic: string, payload: string): Promise<void>;
  /** Calls `fn` for every message on the topic until the returned function is called. */
  subscribe(topic: string, fn: (payload: string) => void): () => void;
  /** Resolves once messages from other instances can arrive (at once on SQLite). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

function localEmitter() {
  const em = new EventEmitter();
  // One listener per open room page; a workshop can have many phones and screens open at once.
  em.setMaxListeners(0);
  return em;
}

/** A bus for the database's kind: LISTEN/NOTIFY on PostgreSQL, in-process on SQLite; `listen: false` only publishes. */
export function createBus(db: Db, database: TConfig['database'], log: Logger, opts: { listen?: boolean } = {}): Bus {
  const em = localEmitter();
  const subscribe = (topic: string, fn: (payload: string) => void) => {
    em.on(topic, fn);
    return () => void em.off(topic, fn);
  };
  const pool = db.pool;
  if (database.kind !== 'postgres' || !pool) {
    return {
      publish: async (topic, payload) => void em.emit(topic, payload),
      subscribe,
      ready: async () => undefined,
      close: async () => void em.removeAllListeners(),
    };
  }
  // Channels are per schema so that several installations (or test runs) on one database stay apart.
  const channel = `metep_live_${db.schema ?? 'public'}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase().slice(0, 63);
  let client: pg.Client | undefined;
  let closed = false;
  let ready: Promise<void> = Promise.resolve();
  const connect = (delayMs: number): void => {
    ready = (async () => {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      if (closed) return;
      const c = new pg.Client({ connectionString: database.url });
      c.on('notification', (m) => {
        if (m.channel !== channel || !m.payload) return;
        const i = m.payload.indexOf('\n');
        if (i > 0) em.emit(m.payload.slice(0, i), m.payload.slice(i + 1));
      });
      // A dropped listener connection reconnects; messages sent meanwhile are lost, which live pages
      // tolerate because each message only says "fetch again".
      c.on('error', (err) => {
        log.warn('live listener lost', { error: err.message });
        client = undefined;
        void c.end().catch(() => undefined);
        if (!closed) connect(1000);
      });
      try {
        await c.connect();
        await c.query(`LISTEN ${channel}`);
        client = c;
      } catch (err) {
        log.warn('live listener failed', { error: (err as Error).message });
        void c.end().catch(() => undefined);
        if (!closed) connect(Math.min(10_000, (delayMs || 500) * 2));
      }
    })();
  };
  // Commands that only publish (the CLI) need no listener connection.
  if (opts.listen !== false) connect(0);
  return {
    async publish(topic, payload) {
      await pool.query('select pg_notify($1, $2)', [channel, `${topic}\n${payload}`]);
    },
    subscribe,
    ready: () => ready,
    async close() {
      closed = true;
      await ready;
      em.removeAllListeners();
      await client?.end().catch(() => undefined);
    },
  };
}
