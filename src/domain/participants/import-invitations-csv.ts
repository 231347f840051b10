// Use case: invite everyone listed in a CSV; each row succeeds or fails on its own, with a per-row report.
import { type TLocale } from '../../i18n/index.ts';
import { loadAssessment } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { parseCsv } from '../../lib/csv.ts';
import { AppError } from '../kernel/errors.ts';
import { type TInviteResult } from './invite-schema.ts';
import { createInvitation } from './create-invitation.ts';

/** One row of a CSV import report. */
export interface TCsvRowReport {
  line: number;
  name: string;
  ok: boolean;
  result?: TInviteResult;
  errors: Record<string, string>;
  /** Values the error messages name (e.g. the organisation an organisation clash is about). */
  params: Record<string, string | number>;
}

const HEADER_ALIASES: Record<string, string> = { name: 'name', 'e-mail': 'email', email: 'email', organisation: 'organisation', organization: 'organisation', group: 'group', role: 'role', language: 'locale', locale: 'locale' };

/** Invites everyone in a CSV (name, e-mail, organisation, group, role[, language]); each row succeeds or fails alone.
 * Rows without a language get `locale`, the coordinator's page language. */
export async function importInvitationsCsv(ctx: Ctx, actor: Actor | undefined, assessmentId: string, csv: string, locale: TLocale): Promise<TCsvRowReport[]> {
  await loadAssessment(ctx, actor, assessmentId, 'participants.manage');
  const rows = parseCsv(csv);
  if (rows.length === 0) throw new AppError('invalid_input', 'error.csv_empty');
  const header = (rows[0] ?? []).map((h) => HEADER_ALIASES[h.trim().toLowerCase()] ?? '');
  const hasHeader = header.includes('name');
  const cols = hasHeader ? header : ['name', 'email', 'organisation', 'group', 'role'];
  if (rows.length > 1000) throw new AppError('invalid_input', 'error.csv_too_many', { max: 1000 });
  const report: TCsvRowReport[] = [];
  for (const [i, r] of rows.entries()) {
    if (i === 0 && hasHeader) continue;
    const rec: Record<string, string> = {};
    cols.forEach((c, j) => {
      if (c) rec[c] = (r[j] ?? '').trim();
    });
    if (!rec.role) delete rec.role;
    rec.locale = rec.locale?.toLowerCase() || locale;
    try {
      const result = await createInvitation(ctx, actor, assessmentId, rec);
      report.push({ line: i + 1, name: rec.name ?? '', ok: true, result, errors: {}, params: {} });
    } catch (e) {
      if (!(e instanceof AppError) || e.code === 'forbidden' || e.code === 'unauthenticated') throw e;
      report.push({ line: i + 1, name: rec.name ?? '', ok: false, errors: Object.keys(e.fields).length ? e.fields : { _: e.messageKey }, params: e.params });
    }
  }
  return report;
}
