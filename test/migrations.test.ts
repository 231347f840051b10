// Migrations upward from the first schema with data in it (issue 12), on both databases: an installation
// that ran only 0001 (accounts), and one that stopped at 0003 (the first with assessments and answers),
// are filled with data of their time, then migrated to the latest schema; nothing is lost and the
// current code reads it.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Migrator, type Kysely } from 'kysely';
import pg from 'pg';
import type { TConfig } from '../src/config.ts';
import { createDb, migrate, type Db } from '../src/db/index.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { findAssessmentWithMembership } from '../src/db/repositories/assessments.ts';
import { listInvitations } from '../src/db/repositories/invitations.ts';
import { findUserByEmail } from '../src/db/repositories/users.ts';
import { listAnswersOf } from '../src/db/repositories/answers.ts';
import { dialects } from './env.ts';

const dir = mkdtempSync(join(tmpdir(), 'metep-migrations-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function withDb(dialect: 'sqlite' | 'postgres', name: string, body: (db: Db) => Promise<void>) {
  const schema = `mig_${name}_${Date.now().toString(36)}`;
  const database: TConfig['database'] = dialect === 'postgres' ? { kind: 'postgres', url: process.env.TEST_DATABASE_URL as string, schema } : { kind: 'sqlite', file: join(dir, `${name}.sqlite`) };
  const db = createDb(database);
  try {
    await body(db);
  } finally {
    await db.close();
    if (dialect === 'postgres') {
      const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    }
  }
}

/** Applies migrations up to and including `name` only, as an older release would have. */
async function migrateTo(db: Db, name: string) {
  if (db.schema) await db.kysely.schema.createSchema(db.schema).ifNotExists().execute();
  const migrator = new Migrator({ db: db.kysely, provider: { getMigrations: async () => migrations(db.kind) }, ...(db.schema ? { migrationTableSchema: db.schema } : {}) });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error;
}

const at = '2025-01-15T10:00:00.000Z';

for (const dialect of dialects()) {
  test(`from 0001 (accounts only) with data to the latest schema [${dialect}]`, async () => {
    await withDb(dialect, 'first', async (db) => {
      await migrateTo(db, '0001_accounts');
      const k = db.kysely as unknown as Kysely<any>;
      await k.insertInto('users').values({ id: 'u1', email: 'early@example.org', name: 'Early Admin', password_hash: '$argon2id$x', is_admin: 1, locale: 'fr', disabled: 0, created_at: at }).execute();
      await k.insertInto('sessions').values({ id: 's1', user_id: 'u1', created_at: at, last_seen_at: at, expires_at: '2030-01-01T00:00:00.000Z', ip: null, user_agent: null }).execute();
      await k.insertInto('login_throttle').values({ key: 'email:early@example.org', failures: 2, window_start: at, locked_until: null }).execute();
      await k.insertInto('audit_log').values({ at, actor_id: 'u1', action: 'auth.sign_in', entity_type: 'user', entity_id: 'u1', before_json: null, after_json: null, ip: null }).execute();
      const applied = await migrate(db);
      assert.deepEqual(applied, Object.keys(migrations(db.kind)).slice(1));
      const u = await findUserByEmail(db.kysely, 'early@example.org');
      assert.equal(u?.name, 'Early Admin');
      assert.equal(u?.isAdmin, true);
      assert.equal(u?.isCoordinator, false, 'the column added later has its default');
      assert.equal(u?.locale, 'fr');
      assert.equal((await db.kysely.selectFrom('sessions').selectAll().execute()).length, 1);
      assert.equal((await db.kysely.selectFrom('audit_log').selectAll().execute()).length, 1);
    });
  });

  test(`from 0003 (first assessments) with an assessment in collection to the latest schema [${dialect}]`, async () => {
    await withDb(dialect, 'asm', async (db) => {
      await migrateTo(db, '0003_assessments');
      const k = db.kysely as unknown as Kysely<any>;
      await k.insertInto('users').values({ id: 'u1', email: 'cora@example.org', name: 'Cora', password_hash: null, is_admin: 0, is_coordinator: 1, locale: null, disabled: 0, created_at: at }).execute();
      await k.insertInto('users').values({ id: 'u2', email: 'rita@example.org', name: 'Rita', password_hash: null, is_admin: 0, is_coordinator: 0, locale: 'ar', disabled: 0, created_at: at }).execute();
      await k.insertInto('instruments').values({ id: 'i1', instrument_key: 'metep', version: '2026.1', status: 'published', document: '{}', previous_version: null, created_at: at, created_by: null }).execute();
      await k.insertInto('assessments').values({ id: 'a1', country: 'JOR', scope: null, cycle_year: 2025, instrument_id: 'i1', target_index: 0.6, deadline: null, state: 'collecting', anonymise: 0, created_by: 'u1', created_at: at, updated_at: at }).execute();
      await k.insertInto('organisations').values({ id: 'o1', assessment_id: 'a1', name: 'وزارة الاقتصاد الرقمي', group_code: 'central_government', created_at: at }).execute();
      await k.insertInto('memberships').values([
        { id: 'm1', assessment_id: 'a1', user_id: 'u1', role: 'coordinator', organisation_id: null, created_at: at },
        { id: 'm2', assessment_id: 'a1', user_id: 'u2', role: 'respondent', organisation_id: 'o1', created_at: at },
      ]).execute();
      await k.insertInto('invitations').values({ id: 'inv1', token_hash: 'h'.repeat(64), assessment_id: 'a1', email: 'new@example.org', name: 'New', organisation_id: 'o1', role: 'respondent', created_by: 'u1', created_at: at, expires_at: '2030-01-01T00:00:00.000Z', used_at: null, used_by: null, revoked_at: null, sent_at: null }).execute();
      await k.insertInto('responses').values({ assessment_id: 'a1', user_id: 'u2', status: 'started', started_at: at, updated_at: at, submitted_at: null }).execute();
      await k.insertInto('answers').values({ assessment_id: 'a1', user_id: 'u2', item_id: 'A.01', value_json: '{"kind":"level","level":3}', comment: 'قبل الترحيل', updated_at: at }).execute();
      await migrate(db);
      const a = await findAssessmentWithMembership(db.kysely, 'a1', 'u2');
      assert.equal(a?.state, 'collecting');
      assert.equal(a?.member_role, 'respondent');
      assert.equal(a?.room_item ?? null, null, 'added later, empty');
      const inv = await listInvitations(db.kysely, 'a1');
      assert.equal(inv.length, 1);
      assert.equal(inv[0]?.locale ?? null, null, 'invitation language added later, empty');
      const answers = await listAnswersOf(db.kysely, 'a1', 'u2');
      assert.deepEqual(answers.map((r) => [r.item_id, JSON.parse(r.value_json), r.comment]), [['A.01', { kind: 'level', level: 3 }, 'قبل الترحيل']]);
      // The later tables work on the migrated data.
      await db.kysely.insertInto('consensus').values({ id: 'c1', assessment_id: 'a1', item_id: 'A.01', revision: 1, value_json: '{"kind":"level","level":3}', rationale: 'agreed', dissent: null, decided_by: 'u1', decided_at: at }).execute();
      assert.equal((await db.kysely.selectFrom('consensus').selectAll().execute()).length, 1);
    });
  });
}
