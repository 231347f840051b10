// Publishing and withdrawing the public edition, called by the state change (assessments/
// change-assessment-state.ts) inside its transaction: Validated → Published records the level and licence
// chosen, with the index and band as they stand (results are locked from Validated on); Published →
// Validated deletes the publication. Both are audited: the level and licence, or the reason.
import type { Transaction } from 'kysely';
import { deletePublication, findPublication, upsertPublication } from '../../db/repositories/publications.ts';
import type { Database } from '../../db/schema.ts';
import { audit } from '../kernel/audit.ts';
import type { Ctx } from '../kernel/context.ts';
import { getReport } from '../reports/get-report.ts';
import { publicationReader } from './get-public-report.ts';
import { parseInput } from '../kernel/validate.ts';
import { ZPublicationChoice, type TLicence, type TPublicationLevel } from './publication-levels.ts';

/** The publish form's choices (scores only and CC BY 4.0 when not given); invalid_input otherwise. */
export function parsePublicationChoice(input: unknown): { level: TPublicationLevel; licence: TLicence } {
  return parseInput(ZPublicationChoice, input);
}

/** The index and band shown in the public index. */
export interface TPublicationSnapshot {
  index: number | null;
  band: string | null;
}

/** The index and band of an assessment now (before the transaction: building the report reads a lot). */
export async function publicationSnapshot(ctx: Ctx, assessmentId: string): Promise<TPublicationSnapshot> {
  const r = await getReport(ctx, publicationReader(assessmentId), assessmentId, 'en');
  return { index: r.summary.sufficient ? r.summary.score : null, band: r.summary.sufficient ? r.summary.band : null };
}

/** Records the publication and its audit entry. */
export async function recordPublication(trx: Transaction<Database>, actorId: string, assessmentId: string, choice: { level: TPublicationLevel; licence: TLicence }, snap: TPublicationSnapshot, at: string): Promise<void> {
  await upsertPublication(trx, { assessment_id: assessmentId, level: choice.level, licence: choice.licence, index_score: snap.index, band: snap.band, published_by: actorId, published_at: at });
  await audit(trx, { at, actorId, action: 'publication.publish', entityType: 'assessment', entityId: assessmentId, after: { level: choice.level, licence: choice.licence } });
}

/** Deletes the publication (if any) and audits the withdrawal with its reason. */
export async function withdrawPublication(trx: Transaction<Database>, actorId: string, assessmentId: string, reason: string, at: string): Promise<void> {
  const before = await findPublication(trx, assessmentId);
  await deletePublication(trx, assessmentId);
  await audit(trx, { at, actorId, action: 'publication.withdraw', entityType: 'assessment', entityId: assessmentId, before: before ? { level: before.level, licence: before.licence } : null, after: { reason } });
}
