// The one place that knows which database is behind the app. Everything else sees Kysely<Database>.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationProvider } from 'kysely';
import pg from 'pg';
import type { TConfig } from '../config.ts';
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
  close(): Promise<void>;
}

/** Opens the configured database (creating the SQLite file and its folder when needed). */
export function createDb(database: TConfig['database']): Db {
  if (database.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: database.url,
      max: 20,
      ...(database.schema ? { options: `-c search_path=${database.schema}` } : {}),
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
  return { kysely, kind: 'sqlite', close: () => kysely.destroy() };
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
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
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
