// Queries on the hot path (every autosave: the session, the assessment with the person's membership, the
// upsert) are built once per database instead of on every request: Kysely builds and compiles a query
// tree each time, which cost more than running these small queries. A query is compiled once with marker
// values for its parameters; later calls put the real values where the markers were.
import type SQLite from 'better-sqlite3';
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import { directSqlite } from './index.ts';
import type { Database } from './schema.ts';

const MARK = '\u0000metep-param-';
const columnNames = new WeakMap<SQLite.Statement, string[]>();

interface TPrepared {
  compiled: CompiledQuery;
  /** Per compiled parameter: the index of the caller's argument, or a constant the query itself holds. */
  slots: ({ arg: number } | { value: unknown })[];
}

/** A query built once per database; `build` receives one marker per argument in place of the values. */
export function prepared<R, A extends unknown[]>(arity: A['length'], build: (db: Kysely<Database>, ...markers: string[]) => Compilable<R>) {
  const cache = new WeakMap<Kysely<Database>, TPrepared>();
  // Not async itself: it hands back runCompiled's promise rather than wrapping it in another.
  return (db: Kysely<Database>, ...args: A): Promise<R[]> => {
    let p = cache.get(db);
    if (!p) {
      const markers = Array.from({ length: arity }, (_, i) => `${MARK}${i}`);
      const compiled = build(db, ...markers).compile();
      const slots = compiled.parameters.map((v) => (typeof v === 'string' && v.startsWith(MARK) ? { arg: Number(v.slice(MARK.length)) } : { value: v }));
      // Every argument must appear as a parameter, or the query silently ignores a value.
      for (let i = 0; i < arity; i++) if (!slots.some((s) => 'arg' in s && s.arg === i)) return Promise.reject(new Error(`prepared query does not use argument ${i}`));
      cache.set(db, (p = { compiled, slots }));
    }
    const parameters = p.slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
    return runCompiled<R>(db, p.compiled, parameters);
  };
}

/**
 * Runs a compiled query with these parameters. On SQLite, outside any transaction, the statement runs
 * straight on the connection: better-sqlite3 is synchronous, so Kysely's connection queue (a lock taken
 * and released across several promise turns per statement) only orders statements that are already
 * ordered, and costs more than a small statement (bench/README.md). While a transaction is open on the
 * one connection, and on a transaction's own handle (not the top-level instance), the statement waits its
 * turn in Kysely's queue as before, so it never runs inside someone else's transaction.
 */
export function runCompiled<R>(db: Kysely<Database>, compiled: CompiledQuery, parameters: readonly unknown[]): Promise<R[]> {
  const d = directSqlite(db);
  if (d && !d.inTransaction()) {
    try {
      const st = d.prepare(compiled.sql);
      if (!st.reader) {
        st.run(parameters);
        return Promise.resolve([]);
      }
      return Promise.resolve(rowsOf<R>(st, parameters));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  return db.executeQuery<R>({ ...compiled, parameters }).then((r) => r.rows);
}

/**
 * A statement's rows as objects. Read as arrays and named here: better-sqlite3 names each row's columns
 * itself, looking every column name up in V8's string table for every row, which cost more than the
 * query on the autosave path (bench/README.md). The statement is shared with Kysely's driver, so it is
 * put back in object mode before anyone else can use it.
 */
function rowsOf<R>(st: SQLite.Statement, parameters: readonly unknown[]): R[] {
  let rows: unknown[][];
  try {
    rows = st.raw(true).all(parameters) as unknown[][];
  } finally {
    st.raw(false);
  }
  let names = columnNames.get(st);
  if (!names) columnNames.set(st, (names = st.columns().map((c) => c.name)));
  const out: R[] = [];
  for (const r of rows) {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) o[names[i] as string] = r[i];
    out.push(o as R);
  }
  return out;
}
