// Queries on the hot path (every autosave: the session, the assessment with the person's membership, the
// upsert) are built once per database instead of on every request: Kysely builds and compiles a query
// tree each time, which cost more than running these small queries. A query is compiled once with marker
// values for its parameters; later calls put the real values where the markers were.
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema.ts';

const MARK = '\u0000metep-param-';

interface TPrepared {
  compiled: CompiledQuery;
  /** Per compiled parameter: the index of the caller's argument, or a constant the query itself holds. */
  slots: ({ arg: number } | { value: unknown })[];
}

/** A query built once per database; `build` receives one marker per argument in place of the values. */
export function prepared<R, A extends unknown[]>(arity: A['length'], build: (db: Kysely<Database>, ...markers: string[]) => Compilable<R>) {
  const cache = new WeakMap<Kysely<Database>, TPrepared>();
  return async (db: Kysely<Database>, ...args: A): Promise<R[]> => {
    let p = cache.get(db);
    if (!p) {
      const markers = Array.from({ length: arity }, (_, i) => `${MARK}${i}`);
      const compiled = build(db, ...markers).compile();
      const slots = compiled.parameters.map((v) => (typeof v === 'string' && v.startsWith(MARK) ? { arg: Number(v.slice(MARK.length)) } : { value: v }));
      // Every argument must appear as a parameter, or the query silently ignores a value.
      for (let i = 0; i < arity; i++) if (!slots.some((s) => 'arg' in s && s.arg === i)) throw new Error(`prepared query does not use argument ${i}`);
      cache.set(db, (p = { compiled, slots }));
    }
    const parameters = p.slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
    return (await db.executeQuery<R>({ ...p.compiled, parameters })).rows;
  };
}
