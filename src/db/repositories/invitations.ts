// Invitations to an assessment.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, InvitationsTable } from '../schema.ts';

type Q = Kysely<Database> | Transaction<Database>;

/** An invitation row. */
export type InvitationRow = Selectable<InvitationsTable>;

/** Inserts an invitation. */
export async function insertInvitation(db: Q, row: InvitationsTable): Promise<void> {
  await db.insertInto('invitations').values(row).execute();
}

/** An invitation by the hash of its token. */
export async function findInvitationByHash(db: Q, tokenHash: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** An invitation by id within an assessment. */
export async function findInvitation(db: Q, assessmentId: string, id: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('assessment_id', '=', assessmentId).where('id', '=', id).executeTakeFirst();
}

/** Invitations of an assessment, newest first, with the organisation name. */
export async function listInvitations(db: Q, assessmentId: string) {
  return db
    .selectFrom('invitations')
    .leftJoin('organisations', 'organisations.id', 'invitations.organisation_id')
    .selectAll('invitations')
    .select(['organisations.name as organisation', 'organisations.group_code as groupCode'])
    .where('invitations.assessment_id', '=', assessmentId)
    .orderBy('invitations.created_at', 'desc')
    .execute();
}

/** Updates fields of an invitation. */
export async function updateInvitation(db: Q, id: string, set: Partial<InvitationsTable>): Promise<void> {
  await db.updateTable('invitations').set(set).where('id', '=', id).execute();
}

/** Marks an invitation used if it still is usable (single use even under races). */
export async function consumeInvitation(db: Q, id: string, userId: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('invitations')
    .set({ used_at: at, used_by: userId })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
