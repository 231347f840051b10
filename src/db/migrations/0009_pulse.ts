// The citizen pulse: one public survey per assessment, its anonymous answers, and one-time codes for a
// controlled sample. By design no column can hold a name, an e-mail or an address: answers carry only the
// answers, the language, the hour they came in and whether they are synthetic (the demo) or came with a
// code. Rate-limit and duplicate counters use the existing `login_throttle` table under keys that are
// salted hashes (never an address); the index below lets the daily purge of those keys stay cheap.
import type { Kysely, Migration } from 'kysely';

/** Creates the pulse tables. */
export function pulseMigration(_dialect: 'sqlite' | 'postgres'): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('pulses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('assessment_id', 'text', (c) => c.notNull().unique().references('assessments.id').onDelete('cascade'))
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('instrument_version', 'text', (c) => c.notNull())
        .addColumn('opens_at', 'text', (c) => c.notNull())
        .addColumn('closes_at', 'text', (c) => c.notNull())
        .addColumn('regions_json', 'text', (c) => c.notNull())
        .addColumn('codes_required', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('pulse_responses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('pulse_id', 'text', (c) => c.notNull().references('pulses.id').onDelete('cascade'))
        // The hour only: a minute-exact time could be matched with a web server's access log.
        .addColumn('hour', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('answers_json', 'text', (c) => c.notNull())
        .addColumn('with_code', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('pulse_responses_pulse').on('pulse_responses').columns(['pulse_id', 'hour']).execute();
      await db.schema
        .createTable('pulse_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('pulse_id', 'text', (c) => c.notNull().references('pulses.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema.createIndex('pulse_codes_pulse').on('pulse_codes').column('pulse_id').execute();
      // A random server secret the daily salts derive from, made once per installation (every instance
      // reads the same row). It never leaves this table and no answer refers to it.
      await db.schema
        .createTable('pulse_secret')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('secret', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('login_throttle_window').on('login_throttle').column('window_start').execute();
    },
  };
}
