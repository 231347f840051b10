// Answers, responses, evidence and files. One answer row per (assessment, respondent, item), upserted.
import type { CompiledQuery, Kysely, Selectable, Transaction } from 'kysely';
import { prepared, runCompiled } from '../prepared.ts';
import type { AnswersTable, Database, EvidenceTable, FilesTable } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

const upsertOne = prepared(6, (db, assessmentId, userId, itemId, valueJson, comment, updatedAt) =>
  db
    .insertInto('answers')
    .values({ assessment_id: assessmentId as string, user_id: userId as string, item_id: itemId as string, value_json: valueJson as string, comment: comment as string, updated_at: updatedAt as string })
    .onConflict((oc) =>
      oc.columns(['assessment_id', 'user_id', 'item_id']).doUpdateSet((eb) => ({
        value_json: eb.ref('excluded.value_json'),
        comment: eb.ref('excluded.comment'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    ),
);

/** Inserts or replaces answers (one answer, the usual autosave, through a query prepared once). */
export async function upsertAnswers(db: Q, rows: AnswersTable[]): Promise<void> {
  if (!rows.length) return;
  if (rows.length === 1) {
    const r = rows[0] as AnswersTable;
    await upsertOne(db, r.assessment_id, r.user_id, r.item_id, r.value_json, r.comment, r.updated_at);
    return;
  }
  const params = rows.flatMap((r) => [r.assessment_id, r.user_id, r.item_id, r.value_json, r.comment, r.updated_at]);
  const key = rows.length;
  let compiled = upsertMany.get(db)?.get(key);
  if (!compiled) {
    compiled = upsertQuery(db, rows).compile();
    // Kept only when its parameters are these rows' values in this order, so later calls can pass theirs.
    if (compiled.parameters.length !== params.length || compiled.parameters.some((v, i) => v !== params[i])) {
      await upsertQuery(db, rows).execute();
      return;
    }
    let byCount = upsertMany.get(db);
    if (!byCount) upsertMany.set(db, (byCount = new Map()));
    byCount.set(key, compiled);
  }
  await runCompiled(db as Kysely<Database>, compiled, params);
}

// The multi-row upserts of batched saves, compiled once per row count (at most BATCH_ROWS of them).
const upsertMany = new WeakMap<Q, Map<number, CompiledQuery>>();

function upsertQuery(db: Q, rows: AnswersTable[]) {
  return db
    .insertInto('answers')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['assessment_id', 'user_id', 'item_id']).doUpdateSet((eb) => ({
        value_json: eb.ref('excluded.value_json'),
        comment: eb.ref('excluded.comment'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    );
}

// Autosave writes are gathered per turn of the event loop and written as one multi-row upsert: under load
// hundreds of single-row statements (each its own commit, and on PostgreSQL its own pool checkout and
// round trip) become a few, which tripled save throughput (bench/README.md). Rows are written in key
// order, so two batches touching the same rows (two instances, or a batch and a form save) take their
// row locks in the same order and cannot deadlock, as unsorted batches did on PostgreSQL. One batch per
// database is in flight at a time; what arrives meanwhile forms the next one. A caller's promise settles
// only after its statement has committed, so an acknowledged save is a stored save.
const BATCH_ROWS = 500;

interface TWaiter {
  rows: AnswersTable[];
  resolve: () => void;
  reject: (e: unknown) => void;
}

interface TBatcher {
  pending: TWaiter[];
  scheduled: boolean;
  running: Promise<void> | undefined;
}

const batchers = new WeakMap<Kysely<Database>, TBatcher>();

const keyOf = (r: AnswersTable) => `${r.assessment_id}\u0000${r.user_id}\u0000${r.item_id}`;

async function writeBatch(db: Kysely<Database>, waiters: TWaiter[]): Promise<void> {
  // The same answer twice in one batch: the later one wins, as if written one after the other.
  const byKey = new Map<string, AnswersTable>();
  for (const w of waiters) for (const r of w.rows) byKey.set(keyOf(r), r);
  const rows = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  try {
    for (let i = 0; i < rows.length; i += BATCH_ROWS) await upsertAnswers(db, rows.slice(i, i + BATCH_ROWS));
    for (const w of waiters) w.resolve();
  } catch {
    // One bad row (an answer whose respondent was just deleted) must not fail everyone's save: each
    // request's rows are written again on their own, and only the failing request gets the error.
    for (const w of waiters) await upsertAnswers(db, [...w.rows].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1))).then(w.resolve, w.reject);
  }
}

function schedule(db: Kysely<Database>, b: TBatcher): void {
  if (b.scheduled || b.running) return;
  b.scheduled = true;
  setImmediate(() => {
    b.scheduled = false;
    const waiters = b.pending.splice(0);
    if (!waiters.length) return;
    b.running = writeBatch(db, waiters).finally(() => {
      b.running = undefined;
      if (b.pending.length) schedule(db, b);
    });
  });
}

/** Inserts or replaces answers together with the other saves of this event-loop turn; settles after commit. */
export function upsertAnswersBatched(db: Kysely<Database>, rows: AnswersTable[]): Promise<void> {
  if (!rows.length) return Promise.resolve();
  let b = batchers.get(db);
  if (!b) batchers.set(db, (b = { pending: [], scheduled: false, running: undefined }));
  const batcher = b;
  return new Promise<void>((resolve, reject) => {
    batcher.pending.push({ rows, resolve, reject });
    schedule(db, batcher);
  });
}

/** Resolves once every batched answer write handed over so far has been written (before closing the database). */
export async function settleAnswerWrites(db: Kysely<Database>): Promise<void> {
  const b = batchers.get(db);
  while (b && (b.pending.length || b.running || b.scheduled)) await (b.running ?? new Promise((r) => setImmediate(r)));
}

/** Deletes a respondent's answers to some items (cleared answers). */
export async function deleteAnswers(db: Q, assessmentId: string, userId: string, itemIds: string[]): Promise<void> {
  if (!itemIds.length) return;
  await db.deleteFrom('answers').where('assessment_id', '=', assessmentId).where('user_id', '=', userId).where('item_id', 'in', itemIds).execute();
}

/** A respondent's answers. */
export async function listAnswersOf(db: Q, assessmentId: string, userId: string): Promise<Selectable<AnswersTable>[]> {
  return db.selectFrom('answers').selectAll().where('assessment_id', '=', assessmentId).where('user_id', '=', userId).execute();
}

/** Every answer of an assessment. */
export async function listAllAnswers(db: Q, assessmentId: string): Promise<Selectable<AnswersTable>[]> {
  return db.selectFrom('answers').selectAll().where('assessment_id', '=', assessmentId).execute();
}

/** Which items each respondent has answered (for progress), without the values. */
export async function listAnsweredItems(db: Q, assessmentId: string): Promise<{ user_id: string; item_id: string }[]> {
  return db.selectFrom('answers').select(['user_id', 'item_id']).where('assessment_id', '=', assessmentId).execute();
}

/** Starts (or touches) a response; a submitted response stays submitted. */
export async function touchResponse(db: Q, assessmentId: string, userId: string, at: string): Promise<void> {
  await db
    .insertInto('responses')
    .values({ assessment_id: assessmentId, user_id: userId, status: 'started', started_at: at, updated_at: at, submitted_at: null })
    .onConflict((oc) => oc.columns(['assessment_id', 'user_id']).doUpdateSet({ updated_at: at }))
    .execute();
}

/** Marks a response submitted. */
export async function submitResponse(db: Q, assessmentId: string, userId: string, at: string): Promise<void> {
  await touchResponse(db, assessmentId, userId, at);
  await db.updateTable('responses').set({ status: 'submitted', submitted_at: at }).where('assessment_id', '=', assessmentId).where('user_id', '=', userId).execute();
}

/** A respondent's response row. */
export async function findResponse(db: Q, assessmentId: string, userId: string) {
  return db.selectFrom('responses').selectAll().where('assessment_id', '=', assessmentId).where('user_id', '=', userId).executeTakeFirst();
}

/** Inserts an evidence row. */
export async function insertEvidence(db: Q, row: EvidenceTable): Promise<void> {
  await db.insertInto('evidence').values(row).execute();
}

/** Evidence of a respondent (with file names and sizes). */
export async function listEvidenceOf(db: Q, assessmentId: string, userId?: string) {
  let q = db
    .selectFrom('evidence')
    .leftJoin('files', 'files.id', 'evidence.file_id')
    .select(['evidence.id', 'evidence.user_id', 'evidence.item_id', 'evidence.kind', 'evidence.title', 'evidence.url', 'evidence.file_id', 'evidence.created_at', 'files.name as file_name', 'files.size as file_size', 'files.mime as file_mime'])
    .where('evidence.assessment_id', '=', assessmentId);
  if (userId) q = q.where('evidence.user_id', '=', userId);
  return q.orderBy('evidence.created_at').execute();
}

/** One evidence row. */
export async function findEvidence(db: Q, assessmentId: string, id: string) {
  return db.selectFrom('evidence').selectAll().where('assessment_id', '=', assessmentId).where('id', '=', id).executeTakeFirst();
}

/** Deletes one evidence row (and its file). */
export async function deleteEvidence(db: Q, id: string, fileId: string | null): Promise<void> {
  await db.deleteFrom('evidence').where('id', '=', id).execute();
  if (fileId) await db.deleteFrom('files').where('id', '=', fileId).execute();
}

/** Stores a file. */
export async function insertFile(db: Q, row: FilesTable): Promise<void> {
  await db.insertInto('files').values(row).execute();
}

/** A stored file with its bytes. */
export async function findFile(db: Q, assessmentId: string, id: string) {
  return db.selectFrom('files').selectAll().where('assessment_id', '=', assessmentId).where('id', '=', id).executeTakeFirst();
}

/** The evidence row that a file belongs to. */
export async function findEvidenceByFile(db: Q, fileId: string) {
  return db.selectFrom('evidence').selectAll().where('file_id', '=', fileId).executeTakeFirst();
}
