// The audit log: one row per state change that matters. Written inside the same transaction as the change.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** One audit entry. */
export interface AuditEntry {
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Appends an entry to the audit log. */
export async function audit(db: Kysely<Database> | Transaction<Database>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: e.at,
      actor_id: e.actorId,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      before_json: e.before === undefined ? null : JSON.stringify(e.before),
      after_json: e.after === undefined ? null : JSON.stringify(e.after),
      ip: e.ip ?? null,
    })
    .execute();
}
