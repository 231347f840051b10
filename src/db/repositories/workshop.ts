// Workshop data: consensus decisions (every revision kept), quick polls and their votes, and the item on
// the room's projector.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ConsensusTable, Database, PollsTable } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** A consensus decision with the name of the person who recorded it. */
export type ConsensusRow = Selectable<ConsensusTable> & { decided_by_name: string | null };

/** Every decision of an assessment (all revisions, oldest first), optionally for one item. */
export async function listConsensus(db: Q, assessmentId: string, itemId?: string): Promise<ConsensusRow[]> {
  let q = db
    .selectFrom('consensus')
    .leftJoin('users', 'users.id', 'consensus.decided_by')
    .selectAll('consensus')
    .select('users.name as decided_by_name')
    .where('consensus.assessment_id', '=', assessmentId);
  if (itemId) q = q.where('consensus.item_id', '=', itemId);
  return q.orderBy('consensus.item_id').orderBy('consensus.revision').execute();
}

/** The current (highest) revision per item. */
export function currentConsensus(rows: readonly ConsensusRow[]): Map<string, ConsensusRow> {
  const out = new Map<string, ConsensusRow>();
  for (const r of rows) {
    const cur = out.get(r.item_id);
    if (!cur || r.revision > cur.revision) out.set(r.item_id, r);
  }
  return out;
}

/**
 * Inserts one revision. Returns false when that revision number already exists (someone else recorded it
 * first): the unique key is the concurrency check, so two writers can never both succeed.
 */
export async function insertConsensus(db: Q, row: ConsensusTable): Promise<boolean> {
  const r = await db
    .insertInto('consensus')
    .values(row)
    .onConflict((oc) => oc.columns(['assessment_id', 'item_id', 'revision']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Puts an item on the room's projector (null clears it). */
export async function setRoomItem(db: Q, assessmentId: string, itemId: string | null): Promise<void> {
  await db.updateTable('assessments').set({ room_item: itemId }).where('id', '=', assessmentId).execute();
}

/** The open poll of an assessment, if any (at most one is open at a time). */
export async function findOpenPoll(db: Q, assessmentId: string): Promise<Selectable<PollsTable> | undefined> {
  return db.selectFrom('polls').selectAll().where('assessment_id', '=', assessmentId).where('status', '=', 'open').orderBy('created_at', 'desc').executeTakeFirst();
}

/** The latest poll on an item (open or closed). */
export async function findLatestPoll(db: Q, assessmentId: string, itemId: string): Promise<Selectable<PollsTable> | undefined> {
  return db.selectFrom('polls').selectAll().where('assessment_id', '=', assessmentId).where('item_id', '=', itemId).orderBy('created_at', 'desc').executeTakeFirst();
}

/** Creates a poll. */
export async function insertPoll(db: Q, row: PollsTable): Promise<void> {
  await db.insertInto('polls').values(row).execute();
}

/** Closes every open poll of an assessment. */
export async function closePolls(db: Q, assessmentId: string, at: string): Promise<void> {
  await db.updateTable('polls').set({ status: 'closed', closed_at: at }).where('assessment_id', '=', assessmentId).where('status', '=', 'open').execute();
}

/** Records or replaces a person's vote. */
export async function upsertVote(db: Q, pollId: string, userId: string, choice: string, at: string): Promise<void> {
  await db
    .insertInto('poll_votes')
    .values({ poll_id: pollId, user_id: userId, choice, voted_at: at })
    .onConflict((oc) => oc.columns(['poll_id', 'user_id']).doUpdateSet({ choice, voted_at: at }))
    .execute();
}

/** Vote counts per choice. */
export async function countVotes(db: Q, pollId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('poll_votes').select(['choice', (eb) => eb.fn.countAll<number>().as('n')]).where('poll_id', '=', pollId).groupBy('choice').execute();
  return new Map(rows.map((r) => [r.choice, Number(r.n)]));
}

/** A person's vote in a poll. */
export async function findVote(db: Q, pollId: string, userId: string): Promise<string | undefined> {
  const r = await db.selectFrom('poll_votes').select('choice').where('poll_id', '=', pollId).where('user_id', '=', userId).executeTakeFirst();
  return r?.choice;
}
