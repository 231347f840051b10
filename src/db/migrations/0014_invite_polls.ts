// Polls open to the whole room: a short code people type or scan to reach the vote, the time until which
// the facilitator lets people vote without an account, and those votes, one per device (a random cookie,
// stored hashed), kept apart from members' votes so the result can show them separately.
import type { Kysely, Migration } from 'kysely';

/** Room code, voting without an account, and device votes. */
export function roomVotingMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('assessments').addColumn('room_code', 'text').execute();
      await db.schema.alterTable('assessments').addColumn('room_open_until', 'text').execute();
      await db.schema.createIndex('assessments_room_code').unique().on('assessments').column('room_code').execute();
      await db.schema
        .createTable('poll_device_votes')
        .addColumn('poll_id', 'text', (c) => c.notNull().references('polls.id').onDelete('cascade'))
        .addColumn('device', 'text', (c) => c.notNull())
        .addColumn('choice', 'text', (c) => c.notNull())
        .addColumn('voted_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('poll_device_votes_pk', ['poll_id', 'device'])
        .execute();
    },
  };
}
