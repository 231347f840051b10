// The one place that knows which database is behind the app. Everything else sees Kysely<Database>.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationProvider } from 'kysely';
import pg from 'pg';
import type { TConfig } from '../config.ts';
import { checkpointInBackground } from './checkpointer.ts';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';

// PostgreSQL returns bigint (COUNT) and numeric as strings; counts here always fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** A connected database: the query builder, its kind and how to close it. */
export interface Db {
  kysely: Kysely<Database>;
  kind: 'sqlite' | 'postgres';
  schema?: string;
  /** A pg pool for LISTEN/NOTIFY; absent on SQLite. */
  pool?: pg.Pool;
  /** SQLite file: checkpoint the write-ahead log in a worker thread from now on (checkpointer.ts). */
  checkpointInBackground?(onError: (message: string) => void): void;
  close(): Promise<void>;
}

/** The SQLite connection behind a Kysely instance, for running a compiled statement without Kysely's queue. */
export interface TDirect {
  prepare(sql: string): SQLite.Statement;
  /** Whether a transaction is open on the one connection (its statements must not be joined by others). */
  inTransaction(): boolean;
}

const direct = new WeakMap<Kysely<Database>, TDirect>();

/** The direct SQLite connection of a top-level Kysely instance (not a transaction's); undefined on PostgreSQL. */
export function directSqlite(k: unknown): TDirect | undefined {
  return direct.get(k as Kysely<Database>);
}

/** Opens the configured database (creating the SQLite file and its folder when needed). */
export function createDb(database: TConfig['database']): Db {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: database.url,
      max: 20,
      ...(database.schema ? { options: `-c search_path=${database.schema}` } : {}),
    });
    // As on SQLite below: the same few statements run all the time, so each connection keeps them as
    // named prepared statements instead of parsing and planning them on every call (pg names them; the
    // name is a hash of the text, so the set stays bounded by the code). Only plain data statements:
    // schema changes (migrations) keep running unnamed.
    pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...a: unknown[]) => unknown;
      (client as unknown as { query: (...a: unknown[]) => unknown }).query = (text: unknown, values?: unknown, cb?: unknown) => {
        if (typeof text === 'string' && Array.isArray(values) && typeof cb !== 'function' && /^\s*(select|insert|update|delete)\b/i.test(text)) {
          const named = { name: `m${createHash('sha1').update(text).digest('base64url')}`, text, values };
          // A migration run by another process can change a table under a statement prepared here
          // ("cached plan must not change result type"): run that call unnamed rather than fail.
          return (query(named) as Promise<unknown>).catch((e: { code?: string }) => (e?.code === '0A000' ? query(text, values) : Promise.reject(e)));
        }
        return query(text, values, cb);
      };
    });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, kind: 'postgres', pool, ...(database.schema ? { schema: database.schema } : {}), close: () => kysely.destroy() };
  }
  if (database.file !== ':memory:') mkdirSync(dirname(database.file), { recursive: true });
  const sqlite = new SQLite(database.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash may lose the last commits.
  sqlite.pragma('synchronous = NORMAL');
  // Kysely prepares every query afresh; preparing costs more than running a small statement, so keep
  // prepared statements by SQL text (the set of distinct queries is small and fixed by the code).
  const statements = new Map<string, SQLite.Statement>();
  const cached = {
    prepare(sql: string) {
      let st = statements.get(sql);
      if (!st) {
        st = sqlite.prepare(sql);
        if (statements.size > 1000) statements.clear();
        statements.set(sql, st);
      }
      return st;
    },
    close: () => sqlite.close(),
  };
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: cached as unknown as SQLite.Database }) });
  direct.set(kysely, { prepare: cached.prepare, inTransaction: () => sqlite.inTransaction });
  let stopCheckpoints: (() => Promise<void>) | undefined;
  return {
    kysely,
    kind: 'sqlite',
    ...(database.file !== ':memory:'
      ? {
          checkpointInBackground: (onError: (message: string) => void) => {
            stopCheckpoints ??= checkpointInBackground(sqlite, database.file, onError);
          },
        }
      : {}),
    close: async () => {
      await stopCheckpoints?.();
      await kysely.destroy();
    },
  };
}

/** Applies pending migrations; safe to call on every start and from several processes in turn. */
export async function migrate(db: Db): Promise<string[]> {
  if (db.kind === 'postgres' && db.schema) {
    await sql`create schema if not exists ${sql.id(db.schema)}`.execute(db.kysely);
  }
  const provider: MigrationProvider = { getMigrations: async () => migrations(db.kind) };
  const migrator = new Migrator({
    db: db.kysely,
    provider,
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
  // Kysely's migrator looks for its table by listing every schema's tables with has_schema_privilege(),
  // which fails (3F000) when another schema of the same database is dropped during that scan — tests and
  // benchmarks running side by side on one database, or a deployment removing an old schema. Nothing has
  // been applied then; looking again is safe.
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (error && (error as { code?: string }).code === '3F000' && attempt < 5) continue;
    if (error) throw error;
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }
}

/** Whether an error is a unique-key violation (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY). */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Answers whether the database responds to a trivial query. */
export async function ping(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db.kysely);
    return true;
  } catch {
    return false;
  }
}
