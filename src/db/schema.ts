// Row types of every table. Timestamps are ISO-8601 UTC strings and booleans are 0/1 integers on both
// SQLite and PostgreSQL, so nothing dialect-specific leaks out of db/.
import type { Generated } from 'kysely';

/** users: people who sign in. */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  is_admin: number;
  locale: string | null;
  disabled: number;
  created_at: string;
}

/** sessions: one row per signed-in browser; `id` is the SHA-256 of the cookie token. */
export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

/** auth_tokens: one-time setup and password-reset links; `id` is the SHA-256 of the token. */
export interface AuthTokensTable {
  id: string;
  kind: 'setup' | 'reset';
  user_id: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** login_throttle: failed sign-in counters per key (e-mail, address), shared by all app instances. */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_start: string;
  locked_until: string | null;
}

/** audit_log: who did what, when, with the state before and after (JSON text). */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
}

/** instruments: one row per instrument version; `document` is the merged JSON instrument. */
export interface InstrumentsTable {
  id: string;
  instrument_key: string;
  version: string;
  status: 'draft' | 'published' | 'retired';
  document: string;
  previous_version: string | null;
  created_at: string;
  created_by: string | null;
}

/** All tables, for Kysely<Database>. */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  auth_tokens: AuthTokensTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  instruments: InstrumentsTable;
}
