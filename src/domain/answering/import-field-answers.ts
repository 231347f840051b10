// Use case: the coordinator imports answers collected in the field with KoboToolbox or ODK — the CSV
// those tools export for the form METEP gave them (instrument page → XLSForm/XForm). Each row is one
// respondent: a member of the assessment named by the e-mail field, or, without an e-mail, a
// pseudonymous respondent of the stakeholder group the row gives, keyed by the submission's uuid so that
// importing the same export again updates rather than duplicates. All rows are checked first; nothing is
// written when any row fails, unless the coordinator asks to skip the failing rows.
import { submitResponse, upsertAnswers } from '../../db/repositories/answers.ts';
import { findMembership, insertMembership, insertOrganisation, listOrganisations } from '../../db/repositories/assessments.ts';
import { findUserByEmail, insertUser } from '../../db/repositories/users.ts';
import { fieldForm, readFieldRecord, type TFieldProblem } from '../../instrument/field-form.ts';
import { itemsById } from '../../instrument/model.ts';
import { parseCsvLines } from '../../lib/csv.ts';
import { newId } from '../../lib/tokens.ts';
import type { TValue } from '../../scoring/types.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { GROUPS } from '../kernel/groups.ts';
import { announce } from '../kernel/live.ts';
import { answerProblem } from './validate-answer.ts';

/** The report on one row of a field export. */
export interface TFieldRowReport {
  /** The line of the file the row starts on. */
  line: number;
  /** The submission's uuid (`_uuid`, `meta/instanceID` or ODK Central's `KEY`). */
  uuid: string;
  /** The member's e-mail, or empty for a pseudonymous respondent. */
  email: string;
  group: string;
  answers: number;
  problems: TFieldProblem[];
}

/** What an import did: `imported` is false when nothing was written. */
export interface TFieldImport {
  imported: boolean;
  rows: TFieldRowReport[];
  /** Rows written (0 when not imported). */
  written: number;
  /** Pseudonymous respondents created by this import. */
  created: number;
}

const MAX_ROWS = 5000;
/** Pseudonymous respondents get an address in the reserved `.invalid` domain: it can never receive mail. */
const PSEUDONYM_DOMAIN = 'field.metep.invalid';

/** Reads a header the way KoboToolbox (`group/question`) and ODK Central (`group-question`) write it. */
function columnKey(h: string): string {
  return h.trim().replace(/-/g, '/');
}

function submissionId(raw: Map<string, string>): string {
  const v = raw.get('_uuid') || raw.get('meta/instanceID') || raw.get('KEY') || '';
  return v.replace(/^uuid:/, '').trim().toLowerCase();
}

/** Imports a KoboToolbox/ODK CSV export of the assessment's field form; see the file comment. */
export async function importFieldAnswers(ctx: Ctx, actor: Actor | undefined, assessmentId: string, csv: string, opts: { skipInvalid?: boolean } = {}): Promise<TFieldImport> {
  const { assessment, instrument, actor: me } = await loadAssessment(ctx, actor, assessmentId, 'participants.manage');
  if (assessment.state !== 'collecting') throw new AppError('conflict', assessment.state === 'draft' ? 'error.collection_not_open' : 'error.collection_closed');
  const lines = parseCsvLines(csv);
  if (lines.length < 2) throw new AppError('invalid_input', 'error.csv_empty');
  if (lines.length - 1 > MAX_ROWS) throw new AppError('invalid_input', 'error.csv_too_many', { max: MAX_ROWS });
  const form = fieldForm(instrument, GROUPS);
  const header = (lines[0]?.fields ?? []).map(columnKey);
  // The file must carry at least one of the form's questions (not merely `name` or `email`).
  const known = new Set(form.groups.flatMap((g) => g.questions.filter((q) => q.role.kind === 'value').flatMap((q) => [q.name, `${g.name}/${q.name}`])));
  if (!header.some((h) => known.has(h))) throw new AppError('invalid_input', 'field_import.not_this_form', { version: instrument.version });

  const items = itemsById(instrument);
  const seen = new Set<string>();
  const parsed = lines.slice(1).map(({ line, fields }) => {
    const raw = new Map(header.map((h, i) => [h, fields[i] ?? '']));
    const rec = readFieldRecord(instrument, form, raw);
    const uuid = submissionId(raw);
    const problems = [...rec.problems];
    for (const a of rec.answers) {
      const item = items.get(a.itemId);
      const key = item && a.value ? answerProblem(item, a.value as TValue) : undefined;
      if (key) problems.push({ field: a.itemId, key, value: a.value?.kind === 'number' ? String(a.value.number) : '' });
    }
    if (!/^[0-9a-z-]{8,64}$/.test(uuid)) problems.push({ field: '_uuid', key: 'field_import.no_uuid', value: uuid });
    else if (seen.has(uuid)) problems.push({ field: '_uuid', key: 'field_import.duplicate', value: uuid });
    seen.add(uuid);
    if (!rec.email && !rec.group) problems.push({ field: 'respondent/group', key: 'field_import.no_group', value: '' });
    return { line, uuid, rec, problems };
  });
  // Named respondents must already be respondents of this assessment (invited, invitation accepted).
  for (const p of parsed) {
    if (!p.rec.email) continue;
    const user = await findUserByEmail(ctx.db.kysely, p.rec.email);
    const m = user && (await findMembership(ctx.db.kysely, assessment.id, user.id));
    if (!m || m.role !== 'respondent') p.problems.push({ field: 'respondent/email', key: 'field_import.not_respondent', value: p.rec.email });
  }
  const rows: TFieldRowReport[] = parsed.map((p) => ({
    line: p.line,
    uuid: p.uuid,
    email: p.rec.email ?? '',
    group: p.problems.some((x) => x.key === 'field_import.bad_group') ? '' : (p.rec.group ?? ''),
    answers: p.rec.answers.filter((a) => a.value !== null).length,
    problems: p.problems,
  }));
  const good = parsed.filter((p) => p.problems.length === 0);
  if ((good.length < parsed.length && !opts.skipInvalid) || good.length === 0) return { imported: false, rows, written: 0, created: 0 };

  const at = ctx.now().toISOString();
  let created = 0;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    // One organisation per stakeholder group holds the pseudonymous respondents (the group is what counts).
    const orgName = (group: string) => `Field collection (${group})`;
    const orgs = new Map((await listOrganisations(trx, assessment.id)).map((o) => [o.name, o.id]));
    for (const p of good) {
      let userId: string;
      if (p.rec.email) userId = (await findUserByEmail(trx, p.rec.email))?.id as string;
      else {
        // The pseudonym belongs to this assessment: the same submission id in another assessment's
        // export is another person, never this one (their name would show here and answers go there).
        // Imports made before the address carried the assessment used `<uuid>@…`: still found, when a
        // member here.
        const email = `${p.uuid}.${assessment.id}@${PSEUDONYM_DOMAIN}`;
        const legacy = await findUserByEmail(trx, `${p.uuid}@${PSEUDONYM_DOMAIN}`);
        const existing = (await findUserByEmail(trx, email)) ?? (legacy && (await findMembership(trx, assessment.id, legacy.id)) ? legacy : undefined);
        userId = existing?.id ?? newId();
        if (!existing) {
          // Cannot sign in (no password, disabled): a pseudonym that only carries answers and a group.
          await insertUser(trx, { id: userId, email, name: p.rec.name ?? `Field response ${p.uuid.slice(0, 8)}`, passwordHash: null, isAdmin: false, isCoordinator: false, locale: null, disabled: true, createdAt: at });
          created++;
        }
        const group = p.rec.group as string;
        let orgId = orgs.get(orgName(group));
        if (!orgId) {
          orgId = newId();
          await insertOrganisation(trx, { id: orgId, assessment_id: assessment.id, name: orgName(group), group_code: group, created_at: at });
          orgs.set(orgName(group), orgId);
        }
        await insertMembership(trx, { id: newId(), assessment_id: assessment.id, user_id: userId, role: 'respondent', organisation_id: orgId, created_at: at });
      }
      const rows = p.rec.answers
        .filter((a) => a.value !== null || a.comment)
        .map((a) => ({ assessment_id: assessment.id, user_id: userId, item_id: a.itemId, value_json: JSON.stringify(a.value), comment: a.comment, updated_at: at }));
      if (rows.length) await upsertAnswers(trx, rows);
      // A field submission is a finished questionnaire.
      await submitResponse(trx, assessment.id, userId, at);
    }
    await audit(trx, { at, actorId: me.id, action: 'answers.import_field', entityType: 'assessment', entityId: assessment.id, after: { rows: good.length, skipped: parsed.length - good.length, created } });
  });
  await announce(ctx, assessment.id, 'answers');
  return { imported: true, rows, written: good.length, created };
}
