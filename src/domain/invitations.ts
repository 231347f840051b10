// Use cases around invitations: create (one, or many from CSV), revoke, resend, accept. A link is
// single-use and expiring; only its hash is stored. With SMTP configured an e-mail carries the link,
// otherwise the coordinator copies it into any messenger.
import { z } from 'zod';
import { findAssessment, findMembership, insertMembership } from '../db/repositories/assessments.ts';
import { consumeInvitation, findInvitation, findInvitationByHash, insertInvitation, updateInvitation, type InvitationRow } from '../db/repositories/invitations.ts';
import { findUserByEmail, insertUser } from '../db/repositories/users.ts';
import { t, type TLocale } from '../i18n/index.ts';
import { sendMail } from '../mail.ts';
import { ZEmail, ZName, zPassword } from './account-schemas.ts';
import { addOrganisation } from './add-organisation.ts';
import { loadAssessment } from './assessment-access.ts';
import { audit } from './audit.ts';
import type { Actor, Ctx, RequestMeta } from './context.ts';
import { countryName } from './countries.ts';
import { parseCsv } from './csv.ts';
import { AppError } from './errors.ts';
import { GROUPS } from './groups.ts';
import { hashPassword } from './passwords.ts';
import { ROLES } from './policies.ts';
import { startSession } from './sessions.ts';
import { hashToken, newId, newToken } from './tokens.ts';
import { parseInput } from './validate.ts';

/** One invitation (form, API and CSV row). */
export const ZInvite = z
  .object({
    name: ZName,
    email: z.union([z.literal('').transform(() => undefined), ZEmail], { error: 'error.email_invalid' }).optional(),
    organisation: z.string().trim().max(200, { error: 'error.too_long' }).optional().transform((v) => v || undefined),
    group: z.union([z.literal('').transform(() => undefined), z.enum(GROUPS)], { error: 'error.group_invalid' }).optional(),
    role: z.enum(ROLES, { error: 'error.role_invalid' }).default('respondent'),
  })
  .refine((v) => !v.organisation || v.group, { path: ['group'], error: 'error.group_required' })
  .refine((v) => v.role !== 'respondent' || v.organisation, { path: ['organisation'], error: 'error.organisation_required' });

/** What the coordinator gets back for one invitation. */
export interface TInviteResult {
  id: string;
  url: string;
  emailed: boolean;
  mailError?: string;
}

const linkFor = (ctx: Ctx, token: string) => `${ctx.config.publicUrl}/join/${token}`;

async function mailInvitation(ctx: Ctx, inv: { email: string | null; name: string; role: string }, url: string, expiresAt: string, a: { country: string; cycle_year: number }, locale: TLocale): Promise<{ emailed: boolean; mailError?: string }> {
  if (!inv.email || !ctx.config.smtpUrl) return { emailed: false };
  const country = countryName(locale, a.country);
  try {
    await sendMail(ctx.config, {
      to: inv.email,
      subject: t(locale, 'mail.invite.subject', { country, year: a.cycle_year }),
      text: t(locale, 'mail.invite.body', { name: inv.name, country, year: a.cycle_year, role: t(locale, `role.${inv.role}`), url, expires: expiresAt.slice(0, 10) }),
    });
    return { emailed: true };
  } catch (e) {
    ctx.log.warn('invitation mail failed', { err: String(e) });
    return { emailed: false, mailError: String((e as Error).message ?? e) };
  }
}

/** Creates one invitation; e-mails it when an address is given and SMTP is configured. */
export async function createInvitation(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown, locale: TLocale): Promise<TInviteResult> {
  const { assessment } = await loadAssessment(ctx, actor, assessmentId, 'participants.manage');
  const data = parseInput(ZInvite, input);
  const organisationId = data.organisation ? await addOrganisation(ctx, actor, assessmentId, { name: data.organisation, group: data.group }) : null;
  const token = newToken();
  const id = newId();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.config.invitationMs).toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await insertInvitation(trx, {
      id,
      token_hash: hashToken(token),
      assessment_id: assessment.id,
      email: data.email ?? null,
      name: data.name,
      organisation_id: organisationId,
      role: data.role,
      created_by: actor!.id,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
      used_by: null,
      revoked_at: null,
      sent_at: null,
    });
    await audit(trx, { at: now.toISOString(), actorId: actor!.id, action: 'invitation.create', entityType: 'assessment', entityId: assessment.id, after: { invitation: id, name: data.name, email: data.email, role: data.role, organisation: data.organisation } });
  });
  const url = linkFor(ctx, token);
  const mail = await mailInvitation(ctx, { email: data.email ?? null, name: data.name, role: data.role }, url, expiresAt, assessment, locale);
  if (mail.emailed) await updateInvitation(ctx.db.kysely, id, { sent_at: ctx.now().toISOString() });
  return { id, url, ...mail };
}

/** One row of a CSV import report. */
export interface TCsvRowReport {
  line: number;
  name: string;
  ok: boolean;
  result?: TInviteResult;
  errors: Record<string, string>;
}

const HEADER_ALIASES: Record<string, string> = { name: 'name', 'e-mail': 'email', email: 'email', organisation: 'organisation', organization: 'organisation', group: 'group', role: 'role' };

/** Invites everyone in a CSV (name, e-mail, organisation, group, role); each row succeeds or fails alone. */
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
    try {
      const result = await createInvitation(ctx, actor, assessmentId, rec, locale);
      report.push({ line: i + 1, name: rec.name ?? '', ok: true, result, errors: {} });
    } catch (e) {
      if (!(e instanceof AppError) || e.code === 'forbidden' || e.code === 'unauthenticated') throw e;
      report.push({ line: i + 1, name: rec.name ?? '', ok: false, errors: Object.keys(e.fields).length ? e.fields : { _: e.messageKey } });
    }
  }
  return report;
}

/** Revokes an unused invitation: its link stops working. */
export async function revokeInvitation(ctx: Ctx, actor: Actor | undefined, assessmentId: string, invitationId: string): Promise<void> {
  await loadAssessment(ctx, actor, assessmentId, 'participants.manage');
  const inv = await findInvitation(ctx.db.kysely, assessmentId, invitationId);
  if (!inv) throw new AppError('not_found', 'error.not_found');
  if (inv.used_at) throw new AppError('conflict', 'error.invitation_used');
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await updateInvitation(trx, inv.id, { revoked_at: at });
    await audit(trx, { at, actorId: actor!.id, action: 'invitation.revoke', entityType: 'assessment', entityId: assessmentId, after: { invitation: inv.id } });
  });
}

/** Issues a fresh link for an unused invitation (the old link stops working) and e-mails it if possible. */
export async function resendInvitation(ctx: Ctx, actor: Actor | undefined, assessmentId: string, invitationId: string, locale: TLocale): Promise<TInviteResult> {
  const { assessment } = await loadAssessment(ctx, actor, assessmentId, 'participants.manage');
  const inv = await findInvitation(ctx.db.kysely, assessmentId, invitationId);
  if (!inv) throw new AppError('not_found', 'error.not_found');
  if (inv.used_at) throw new AppError('conflict', 'error.invitation_used');
  const token = newToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.config.invitationMs).toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await updateInvitation(trx, inv.id, { token_hash: hashToken(token), expires_at: expiresAt, revoked_at: null });
    await audit(trx, { at: now.toISOString(), actorId: actor!.id, action: 'invitation.resend', entityType: 'assessment', entityId: assessmentId, after: { invitation: inv.id } });
  });
  const url = linkFor(ctx, token);
  const mail = await mailInvitation(ctx, inv, url, expiresAt, assessment, locale);
  if (mail.emailed) await updateInvitation(ctx.db.kysely, inv.id, { sent_at: ctx.now().toISOString() });
  return { id: inv.id, url, ...mail };
}

/** The invitation behind a link, when it can still be used. */
export async function checkInvitation(ctx: Ctx, token: string): Promise<InvitationRow> {
  const inv = token.length <= 100 ? await findInvitationByHash(ctx.db.kysely, hashToken(token)) : undefined;
  if (!inv || inv.used_at || inv.revoked_at || Date.parse(inv.expires_at) <= ctx.now().getTime()) throw new AppError('gone', 'error.invitation_invalid');
  return inv;
}

/** What an invitation link opens: the invitation and the assessment it is for, in the reader's language. */
export async function describeInvitation(ctx: Ctx, token: string, locale: TLocale): Promise<{ invitation: InvitationRow; country: string; year: number }> {
  const invitation = await checkInvitation(ctx, token);
  const a = await findAssessment(ctx.db.kysely, invitation.assessment_id);
  if (!a) throw new AppError('gone', 'error.invitation_invalid');
  return { invitation, country: countryName(locale, a.country), year: a.cycle_year };
}

/**
 * Accepts an invitation. Signed in: joins directly. Otherwise creates an account (name, e-mail when the
 * invitation has none, password) and signs in. Returns the assessment id and a session token if one was made.
 */
export async function acceptInvitation(ctx: Ctx, actor: Actor | undefined, token: string, input: unknown, meta: RequestMeta & { locale: TLocale }): Promise<{ assessmentId: string; sessionToken?: string }> {
  const inv = await checkInvitation(ctx, token);
  const at = ctx.now().toISOString();
  if (actor) {
    return ctx.db.kysely.transaction().execute(async (trx) => {
      if (await findMembership(trx, inv.assessment_id, actor.id)) throw new AppError('conflict', 'error.already_member');
      if (!(await consumeInvitation(trx, inv.id, actor.id, at))) throw new AppError('gone', 'error.invitation_invalid');
      await insertMembership(trx, { id: newId(), assessment_id: inv.assessment_id, user_id: actor.id, role: inv.role, organisation_id: inv.organisation_id, created_at: at });
      await audit(trx, { at, actorId: actor.id, action: 'invitation.accept', entityType: 'assessment', entityId: inv.assessment_id, after: { invitation: inv.id, role: inv.role } });
      return { assessmentId: inv.assessment_id };
    });
  }
  const min = ctx.config.passwordMinLength;
  const data = parseInput(z.object({ name: ZName, email: inv.email ? z.any().optional() : ZEmail, password: zPassword(min) }), input, { min });
  const email = inv.email ?? (data.email as string);
  if (await findUserByEmail(ctx.db.kysely, email)) throw new AppError('conflict', 'error.invitation_sign_in', { email }, { email: 'error.invitation_sign_in' });
  const passwordHash = await hashPassword(data.password);
  const userId = newId();
  return ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await consumeInvitation(trx, inv.id, userId, at))) throw new AppError('gone', 'error.invitation_invalid');
    await insertUser(trx, { id: userId, email, name: data.name, passwordHash, isAdmin: false, isCoordinator: false, locale: meta.locale, disabled: false, createdAt: at });
    await insertMembership(trx, { id: newId(), assessment_id: inv.assessment_id, user_id: userId, role: inv.role, organisation_id: inv.organisation_id, created_at: at });
    await audit(trx, { at, actorId: userId, action: 'invitation.accept', entityType: 'assessment', entityId: inv.assessment_id, after: { invitation: inv.id, role: inv.role, newAccount: email } });
    return { assessmentId: inv.assessment_id, sessionToken: await startSession(ctx, trx, userId, meta) };
  });
}
