// Participants area: the coordinator's dashboard with organisations and invitations, the participant list
// as CSV, reminders (mounted at MOUNT.assessment), and the page an invitation link opens (at MOUNT.join).
// Each route parses, calls one use case, presents.
import { Hono, type Context } from 'hono';
import { getDashboard } from '../../domain/assessments/get-dashboard.ts';
import { acceptInvitation } from '../../domain/participants/accept-invitation.ts';
import { addOrganisation } from '../../domain/participants/add-organisation.ts';
import { createInvitation } from '../../domain/participants/create-invitation.ts';
import { describeInvitation } from '../../domain/participants/describe-invitation.ts';
import { participantsCsv } from '../../domain/participants/export-participants.ts';
import { importInvitationsCsv, type TCsvRowReport } from '../../domain/participants/import-invitations-csv.ts';
import type { TInviteResult } from '../../domain/participants/invite-schema.ts';
import { resendInvitation } from '../../domain/participants/resend-invitation.ts';
import { revokeInvitation } from '../../domain/participants/revoke-invitation.ts';
import { sendReminders } from '../../domain/participants/send-reminders.ts';
import { DEFAULT_LOCALE, isLocale } from '../../i18n/index.ts';
import { invitationMail, reminderMail } from '../../i18n/mail.ts';
import type { AppEnv } from '../env.ts';
import { absolute, assessmentPaths } from '../paths.ts';
import { fieldErrors, flash, formFields, meta, page, param, readForm, setSessionCookie } from '../request.ts';
import { DashboardPage, JoinPage } from './views.tsx';
import { FieldImportPage } from './field-import.tsx';
import { getFieldImport } from '../../domain/answering/get-field-import.ts';
import { importFieldAnswers } from '../../domain/answering/import-field-answers.ts';

type TFormState = { values?: Record<string, string>; error?: string; fields?: Record<string, string> };

/** Dashboard, invitations and reminders of one assessment (mounted at MOUNT.assessment). */
export const participantRoutes = new Hono<AppEnv>();

async function dashboardPage(c: Context<AppEnv>, extra: TFormState & { created?: TInviteResult; csvReport?: TCsvRowReport[] } = {}, status = 200) {
  const d = await getDashboard(c.var.ctx, c.var.actor, param(c, 'id'));
  const cfg = c.var.ctx.config;
  // The reminder to copy into a messenger is in the coordinator's language: they are the one sending it.
  const reminder = reminderMail({ locale: c.var.locale, name: '', country: d.assessment.country, year: d.assessment.cycle_year, deadline: d.assessment.deadline, url: absolute(cfg.publicUrl, assessmentPaths(d.assessment.id).answer) }).text;
  // The message for a new link is in the invitee's language: they are the one reading it.
  const inv = extra.created && d.invitations.find((i) => i.id === extra.created?.id);
  const message = inv && extra.created
    ? invitationMail({ locale: isLocale(inv.locale) ? inv.locale : DEFAULT_LOCALE, name: inv.name, country: d.assessment.country, year: d.assessment.cycle_year, role: inv.role, url: extra.created.url, expiresAt: inv.expires_at })
    : undefined;
  return page(c, c.var.t('asm.participants'), <DashboardPage t={c.var.t} locale={c.var.locale} d={d} mailEnabled={c.var.ctx.mail.enabled} reminder={reminder} message={message} {...extra} />, { status, scripts: ['copy.js'] });
}

participantRoutes.get('/participants', (c) => dashboardPage(c));

participantRoutes.get('/participants.csv', async (c) => {
  const id = param(c, 'id');
  const csv = await participantsCsv(c.var.ctx, c.var.actor, id);
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="participants-${id.slice(0, 8)}.csv"`);
  c.header('Cache-Control', 'no-store');
  return c.body(`\uFEFF${csv}`);
});

participantRoutes.post('/invitations', async (c) => {
  const form = await formFields(c);
  try {
    const created = await createInvitation(c.var.ctx, c.var.actor, param(c, 'id'), { locale: c.var.locale, ...form });
    return dashboardPage(c, { created });
  } catch (e) {
    return dashboardPage(c, { values: form, ...fieldErrors(c, e) }, 400);
  }
});

participantRoutes.post('/organisations', async (c) => {
  const form = await formFields(c);
  const id = param(c, 'id');
  try {
    await addOrganisation(c.var.ctx, c.var.actor, id, { name: form.orgName, group: form.orgGroup });
    flash(c, 'flash.organisation_added');
    return c.redirect(`${assessmentPaths(id).participants}#org-h`, 303);
  } catch (e) {
    const err = fieldErrors(c, e);
    const fields = Object.fromEntries(Object.entries({ orgName: err.fields.name, orgGroup: err.fields.group ?? (err.fields.name ? undefined : err.error) }).filter(([, v]) => v)) as Record<string, string>;
    return dashboardPage(c, { values: { orgName: form.orgName ?? '', orgGroup: form.orgGroup ?? '' }, error: err.error, fields }, 400);
  }
});

participantRoutes.post('/invitations/csv', async (c) => {
  const body = await readForm(c);
  const file = body.file;
  const text = file instanceof File ? await file.text() : typeof file === 'string' ? file : '';
  try {
    const csvReport = await importInvitationsCsv(c.var.ctx, c.var.actor, param(c, 'id'), text, c.var.locale);
    return dashboardPage(c, { csvReport });
  } catch (e) {
    return dashboardPage(c, fieldErrors(c, e), 400);
  }
});

participantRoutes.get('/field-import', async (c) => {
  const d = await getFieldImport(c.var.ctx, c.var.actor, param(c, 'id'));
  return page(c, c.var.t('field_import.title'), <FieldImportPage t={c.var.t} locale={c.var.locale} d={d} />);
});

participantRoutes.post('/field-import', async (c) => {
  const body = await readForm(c);
  const file = body.file;
  const text = file instanceof File ? await file.text() : typeof file === 'string' ? file : '';
  const id = param(c, 'id');
  const d = await getFieldImport(c.var.ctx, c.var.actor, id);
  try {
    const result = await importFieldAnswers(c.var.ctx, c.var.actor, id, text, { skipInvalid: body.skipInvalid === '1' });
    return page(c, c.var.t('field_import.title'), <FieldImportPage t={c.var.t} locale={c.var.locale} d={d} result={result} />, { status: result.imported ? 200 : 422 });
  } catch (e) {
    const err = fieldErrors(c, e, { version: d.version, max: 5000 });
    return page(c, c.var.t('field_import.title'), <FieldImportPage t={c.var.t} locale={c.var.locale} d={d} error={err.error} />, { status: 400 });
  }
});

participantRoutes.post('/invitations/:inv/revoke', async (c) => {
  await revokeInvitation(c.var.ctx, c.var.actor, param(c, 'id'), c.req.param('inv'));
  flash(c, 'flash.invitation_revoked');
  return c.redirect(assessmentPaths(param(c, 'id')).participants, 303);
});

participantRoutes.post('/invitations/:inv/resend', async (c) => {
  const created = await resendInvitation(c.var.ctx, c.var.actor, param(c, 'id'), c.req.param('inv'));
  return dashboardPage(c, { created });
});

participantRoutes.post('/remind', async (c) => {
  const r = await sendReminders(c.var.ctx, c.var.actor, param(c, 'id'), c.var.locale);
  flash(c, r.failed ? 'flash.reminders_partly' : 'flash.reminders_sent');
  return c.redirect(assessmentPaths(param(c, 'id')).participants, 303);
});

/** The page an invitation link opens (mounted at MOUNT.join). */
export const joinRoutes = new Hono<AppEnv>();

async function joinPage(c: Context<AppEnv>, extra: TFormState = {}, status = 200) {
  const token = param(c, 'token');
  const { invitation: inv, country, year } = await describeInvitation(c.var.ctx, token, c.var.locale);
  return page(
    c,
    c.var.t('join.title', { country, year }),
    <JoinPage t={c.var.t} locale={c.var.locale} token={token} name={inv.name} email={inv.email} country={country} year={year} role={inv.role} signedInAs={c.var.actor?.name} minLength={c.var.ctx.config.passwordMinLength} {...extra} />,
    { status },
  );
}

joinRoutes.get('/:token', (c) => joinPage(c));

joinRoutes.post('/:token', async (c) => {
  const form = await formFields(c);
  try {
    const r = await acceptInvitation(c.var.ctx, c.var.actor, param(c, 'token'), form, { ...meta(c), locale: c.var.locale });
    if (r.sessionToken) setSessionCookie(c, r.sessionToken);
    flash(c, 'flash.joined');
    return c.redirect(assessmentPaths(r.assessmentId).overview, 303);
  } catch (e) {
    return joinPage(c, { values: form, ...fieldErrors(c, e, { min: c.var.ctx.config.passwordMinLength }) }, 400);
  }
});
