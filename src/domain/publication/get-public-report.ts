// Use case: the public edition of a published assessment's report, for anyone (no sign-in). An assessment
// that is not publicly published does not exist here (not_found), whoever asks. The full report is built
// by a reader that may only read this one assessment, then redacted to the publication's level before it
// leaves this file: callers only ever hold the public model.
import { findPublished } from '../../db/repositories/publications.ts';
import type { TLocale } from '../../i18n/index.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { getReport, type TReport } from '../reports/get-report.ts';
import type { TLicence, TPublicationLevel } from './publication-levels.ts';
import { redactReport } from './redact-report.ts';

/** What the public learns about a publication besides the report. */
export interface TPublicationInfo {
  level: TPublicationLevel;
  licence: TLicence;
  publishedAt: string;
}

/**
 * The reader the full report is built for before redaction: read-only, this one assessment, no person.
 * Never an actor of a request (it has no session or token row), only of this use case.
 */
export function publicationReader(assessmentId: string): Actor {
  return { id: 'publication', isAdmin: true, isCoordinator: false, email: '', name: '', locale: null, token: { id: 'publication', scope: 'read', assessmentId } };
}

/** The publication of an assessment; not_found unless it is publicly published. */
export async function getPublicationInfo(ctx: Ctx, assessmentId: string): Promise<TPublicationInfo> {
  const row = assessmentId.length <= 64 ? await findPublished(ctx.db.kysely, assessmentId) : undefined;
  if (!row) throw new AppError('not_found', 'error.not_found');
  return { level: row.level, licence: row.licence as TLicence, publishedAt: row.published_at };
}

/** The public report of a published assessment in a language, with its publication. */
export async function getPublicReport(ctx: Ctx, assessmentId: string, locale: TLocale): Promise<{ report: TReport; publication: TPublicationInfo }> {
  const publication = await getPublicationInfo(ctx, assessmentId);
  const full = await getReport(ctx, publicationReader(assessmentId), assessmentId, locale);
  return { report: redactReport(full, publication.level), publication };
}
