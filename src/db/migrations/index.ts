// Migrations are code, listed in order; the same builder calls run on SQLite and PostgreSQL. The only
// dialect difference is how an auto-increment key is spelt, handled by `serialId`.
import type { Kysely, Migration } from 'kysely';
import { pulseMigration } from './0009_pulse.ts';
import { publication } from './0010_publication.ts';
import { editingMigration } from './0011_editing.ts';
import { translationsMigration } from './0012_translations.ts';
import { apiTokensMigration } from './0013_api_tokens.ts';
import { roomVotingMigration } from './0014_invite_polls.ts';
import { publishingMigration } from './0015_publishing.ts';
import { programmeMigration } from './0016_programme.ts';
import { translationRevisionsMigration } from './0017_translation_revisions.ts';

type Dialect = 'sqlite' | 'postgres';

// Plan figures are doubles on PostgreSQL (its `real` is single precision and would turn 0.6 into 0.600000024).
function realType(dialect: Dialect) {
  return dialect === 'postgres' ? 'double precision' : 'real';
}

function serialType(dialect: Dialect) {
  return dialect === 'postgres' ? 'serial' : 'integer';
}

/** The ordered list of migrations for a dialect. */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_accounts': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('email', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text')
          .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('locale', 'text')
          .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('last_seen_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('ip', 'text')
          .addColumn('user_agent', 'text')
          .execute();
        await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
        await db.schema
          .createTable('auth_tokens')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
          .addColumn('created_by', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('used_at', 'text')
          .execute();
        await db.schema
          .createTable('login_throttle')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('failures', 'integer', (c) => c.notNull())
          .addColumn('window_start', 'text', (c) => c.notNull())
          .addColumn('locked_until', 'text')
          .execute();
        await db.schema
          .createTable('audit_log')
          .addColumn('id', serialType(dialect), (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor_id', 'text')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('entity_type', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text')
          .addColumn('before_json', 'text')
          .addColumn('after_json', 'text')
          .addColumn('ip', 'text')
          .execute();
        await db.schema.createIndex('audit_entity').on('audit_log').columns(['entity_type', 'entity_id']).execute();
      },
    },
    '0002_instruments': {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable('instruments')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('instrument_key', 'text', (c) => c.notNull())
          .addColumn('version', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('document', 'text', (c) => c.notNull())
          .addColumn('previous_version', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text')
          .addUniqueConstraint('instruments_key_version', ['instrument_key', 'version'])
          .execute();
      },
    },
    '0003_assessments': {
      async up(db: Kysely<any>) {
        // Site-wide permission to create assessments (national focal points), granted by an administrator.
        await db.schema.alterTable('users').addColumn('is_coordinator', 'integer', (c) => c.notNull().defaultTo(0)).execute();
        await db.schema
          .createTable('assessments')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('country', 'text', (c) => c.notNull())
          .addColumn('scope', 'text')
          .addColumn('cycle_year', 'integer', (c) => c.notNull())
          .addColumn('instrument_id', 'text', (c) => c.notNull().references('instruments.id'))
          .addColumn('target_index', 'real')
          .addColumn('deadline', 'text')
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('anonymise', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('organisations')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('group_code', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('organisations_name', ['assessment_id', 'name'])
          .execute();
        await db.schema
          .createTable('memberships')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('memberships_person', ['assessment_id', 'user_id'])
          .execute();
        await db.schema.createIndex('memberships_user').on('memberships').column('user_id').execute();
        await db.schema
          .createTable('invitations')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
          .addColumn('email', 'text')
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('organisation_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('used_at', 'text')
          .addColumn('used_by', 'text')
          .addColumn('revoked_at', 'text')
          .addColumn('sent_at', 'text')
          .execute();
        await db.schema.createIndex('invitations_assessment').on('invitations').column('assessment_id').execute();
        await db.schema
          .createTable('responses')
          .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('started_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('submitted_at', 'text')
          .addPrimaryKeyConstraint('responses_pk', ['assessment_id', 'user_id'])
          .execute();
        await db.schema
          .createTable('answers')
          .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('item_id', 'text', (c) => c.notNull())
          .addColumn('value_json', 'text', (c) => c.notNull())
          .addColumn('comment', 'text')
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('answers_pk', ['assessment_id', 'user_id', 'item_id'])
          .execute();
        await db.schema
          .createTable('files')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('mime', 'text', (c) => c.notNull())
          .addColumn('size', 'integer', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('data', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('evidence')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('item_id', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('url', 'text')
          .addColumn('file_id', 'text', (c) => c.references('files.id').onDelete('cascade'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('evidence_answer').on('evidence').columns(['assessment_id', 'user_id', 'item_id']).execute();
      },
    },
    '0004_workshop': {
      async up(db: Kysely<any>) {
        // Every consensus decision is a row; the current one is the highest revision. The unique key makes
        // "insert revision n+1" the optimistic-concurrency check on both databases: a second facilitator
        // writing the same revision number fails instead of overwriting.
        await db.schema
          .createTable('consensus')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
          .addColumn('item_id', 'text', (c) => c.notNull())
          .addColumn('revision', 'integer', (c) => c.notNull())
          .addColumn('value_json', 'text', (c) => c.notNull())
          .addColumn('rationale', 'text', (c) => c.notNull())
          .addColumn('dissent', 'text')
          .addColumn('decided_by', 'text', (c) => c.notNull())
          .addColumn('decided_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('consensus_revision', ['assessment_id', 'item_id', 'revision'])
          .execute();
        await db.schema
          .createTable('polls')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
          .addColumn('item_id', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('closed_at', 'text')
          .execute();
        await db.schema.createIndex('polls_assessment').on('polls').columns(['assessment_id', 'status']).execute();
        await db.schema
          .createTable('poll_votes')
          .addColumn('poll_id', 'text', (c) => c.notNull().references('polls.id').onDelete('cascade'))
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('choice', 'text', (c) => c.notNull())
          .addColumn('voted_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('poll_votes_pk', ['poll_id', 'user_id'])
          .execute();
        // The item the facilitator puts on the projector.
        await db.schema.alterTable('assessments').addColumn('room_item', 'text').execute();
      },
    },
    '0005_invitation_language': {
      async up(db: Kysely<any>) {
        // The invitee's language: invitation and reminder mails are written in it, not the sender's.
        await db.schema.alterTable('invitations').addColumn('locale', 'text').execute();
      },
    },
    '0006_benchmarks': {
      async up(db: Kysely<any>) {
        // PostgreSQL's `real` is single precision; the indices are published to 5 decimals and compared
        // for ranks and ties, so both databases keep doubles.
        const float = dialect === 'postgres' ? 'double precision' : 'real';
        // Editions of the UN E-Government Survey (one per survey year) and their per-country indices. A
        // value row marked fictional (the demo's Demoland) is shown for its country but never counted among
        // the countries of an edition (ranks, percentiles, peers).
        await db.schema
          .createTable('benchmark_editions')
          .addColumn('year', 'integer', (c) => c.primaryKey())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('origin', 'text', (c) => c.notNull())
          .addColumn('file_name', 'text')
          .addColumn('countries', 'integer', (c) => c.notNull())
          .addColumn('imported_at', 'text', (c) => c.notNull())
          .addColumn('imported_by', 'text')
          .execute();
        await db.schema
          .createTable('benchmark_values')
          .addColumn('year', 'integer', (c) => c.notNull().references('benchmark_editions.year').onDelete('cascade'))
          .addColumn('iso3', 'text', (c) => c.notNull())
          .addColumn('egdi', float)
          .addColumn('epi', float)
          .addColumn('osi', float)
          .addColumn('hci', float)
          .addColumn('tii', float)
          .addColumn('egdi_rank', 'integer')
          .addColumn('fictional', 'integer', (c) => c.notNull().defaultTo(0))
          .addPrimaryKeyConstraint('benchmark_values_pk', ['year', 'iso3'])
          .execute();
        await db.schema.createIndex('benchmark_values_country').on('benchmark_values').column('iso3').execute();
      },
    },
    '0008_plans': {
      async up(db: Kysely<any>) {
        // An action plan per assessment and version; the adopted version is frozen. Actions and narrative
        // sections carry a revision: an edit names the revision it started from and is refused when someone
        // saved a newer one (optimistic concurrency, as for workshop decisions).
        await db.schema
          .createTable('plans')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('assessment_id', 'text', (c) => c.notNull().references('assessments.id').onDelete('cascade'))
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('language', 'text', (c) => c.notNull())
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('adopted_by', 'text')
          .addColumn('adopted_at', 'text')
          .addUniqueConstraint('plans_version', ['assessment_id', 'version'])
          .execute();
        await db.schema
          .createTable('plan_actions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('action_key', 'text')
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('description', 'text', (c) => c.notNull())
          .addColumn('lead_org', 'text')
          .addColumn('partners_json', 'text', (c) => c.notNull())
          .addColumn('start_q', 'text', (c) => c.notNull())
          .addColumn('end_q', 'text', (c) => c.notNull())
          .addColumn('indicator', 'text', (c) => c.notNull())
          .addColumn('indicator_unit', 'text', (c) => c.notNull())
          .addColumn('baseline', realType(dialect))
          .addColumn('target', realType(dialect))
          .addColumn('budget', 'text')
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('drop_reason', 'text')
          .addColumn('items_json', 'text', (c) => c.notNull())
          .addColumn('pillars_json', 'text', (c) => c.notNull())
          .addColumn('sdg_json', 'text', (c) => c.notNull())
          .addColumn('priority', realType(dialect))
          .addColumn('revision', 'integer', (c) => c.notNull())
          .addColumn('updated_by', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('plan_actions_plan').on('plan_actions').column('plan_id').execute();
        await db.schema
          .createTable('plan_sections')
          .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('revision', 'integer', (c) => c.notNull())
          .addColumn('updated_by', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('plan_sections_pk', ['plan_id', 'key'])
          .execute();
        // Progress after adoption: the adopted plan stays as adopted, its actions move by status updates.
        await db.schema
          .createTable('plan_updates')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('action_id', 'text', (c) => c.notNull().references('plan_actions.id').onDelete('cascade'))
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('completion', 'text', (c) => c.notNull())
          .addColumn('evidence_url', 'text')
          .addColumn('note', 'text')
          .addColumn('recorded_by', 'text', (c) => c.notNull())
          .addColumn('recorded_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('plan_updates_action').on('plan_updates').column('action_id').execute();
      },
    },
    '0009_pulse': pulseMigration(dialect),
    '0010_publication': publication(dialect),
    '0011_editing': editingMigration(dialect),
    '0012_translations': translationsMigration(dialect),
    '0013_api_tokens': apiTokensMigration(dialect),
    '0014_invite_polls': roomVotingMigration(),
    '0015_publishing': publishingMigration(dialect),
    '0016_programme': programmeMigration(),
    '0017_translation_revisions': translationRevisionsMigration(),
  };
}
