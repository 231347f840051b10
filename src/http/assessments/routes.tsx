// Assessment routes: list/create, overview and state, dashboard with invitations, the questionnaire
// (form and JSON autosave), evidence files, and the invitation link. Each route parses, calls one use
// case, presents.
import { Hono, type Context } from 'hono';
import { addOrganisation } from '../../domain/participants/add-organisation.ts';
import { addEvidenceLink } from '../../domain/answering/add-evidence-link.ts';
import { getEvidenceFile } from '../../domain/answering/get-evidence-file.ts';
import { removeEvidence } from '../../domain/answering/remove-evidence.ts';
import { uploadEvidenceFile } from '../../domain/answering/upload-evidence-file.ts';
import { answersFromForm, type TAnswerInput } from '../../domain/answering/answer-values.ts';
import { changeAssessmentState } from '../../domain/assessments/change-assessment-state.ts';
import { countryName } from '../../domain/kernel/countries.ts';
import { createAssessment } from '../../domain/assessments/create-assessment.ts';
import { getDashboard } from '../../domain/assessments/get-dashboard.ts';
import { participantsCsv } from '../../domain/participants/export-participants.ts';
import { reminderText, sendReminders } from '../../domain/participants/send-reminders.ts';
import { AppError } from '../../domain/kernel/errors.ts';
import { listInstruments } from '../../domain/instruments/list-instruments.ts';
import { acceptInvitation } from '../../domain/participants/accept-invitation.ts';
import { createInvitation } from '../../domain/participants/create-invitation.ts';
import { describeInvitation } from '../../domain/participants/describe-invitation.ts';
import { importInvitationsCsv, type TCsvRowReport } from '../../domain/participants/import-invitations-csv.ts';
import { resendInvitation } from '../../domain/participants/resend-invitation.ts';
import { revokeInvitation } from '../../domain/participants/revoke-invitation.ts';
import { type TInviteResult } from '../../domain/participants/invite-schema.ts';
import { listAssessments } from '../../domain/assessments/list-assessments.ts';
import { loadAssessment } from '../../domain/kernel/access.ts';
import { can } from '../../domain/kernel/policies.ts';
import { getQuestionnaire } from '../../domain/answering/get-questionnaire.ts';
import { saveAnswers } from '../../domain/answering/save-answers.ts';
import { submitResponse } from '../../domain/answering/submit-response.ts';
import { mailEnabled } from '../../lib/mail.ts';
import type { TValue } from '../../scoring/types.ts';
import type { AppEnv } from '../env.ts';
import { fieldErrors, flash, formFields, meta, page, setSessionCookie } from '../request.ts';
import { AssessmentListPage, AssessmentOverviewPage } from './views.tsx';
import { DashboardPage, JoinPage } from '../participants/views.tsx';
import { QuestionnairePage } from '../answering/views.tsx';

/** Assessment routes. */
export const assessmentRoutes = new Hono<AppEnv>();

async function listPage(c: Context<AppEnv>, extra: { values?: Record<string, string>; error?: string; fields?: Record<string, string> } = {}, status = 200) {
  const rows = await listAssessments(c.var.ctx, c.var.actor);
  const versions = (await listInstruments(c.var.ctx)).filter((r) => r.instrument_key === 'metep' && r.status === 'published').map((r) => r.version);
  return page(c, c.var.t('asm.list_title'), <AssessmentListPage t={c.var.t} locale={c.var.locale} rows={rows} canCreate={can(c.var.actor, 'assessment.create')} versions={versions} {...extra} />, { status });
}

assessmentRoutes.get('/assessments', (c) => listPage(c));

assessmentRoutes.post('/assessments', async (c) => {
  const form = await formFields(c);
  try {
    const id = await createAssessment(c.var.ctx, c.var.actor, form);
    flash(c, 'flash.assessment_created');
    return c.redirect(`/assessments/${id}/participants`, 303);
  } catch (e) {
    return listPage(c, { values: form, ...fieldErrors(c, e) }, 400);
  }
});

assessmentRoutes.get('/assessments/:id', async (c) => {
  const access = await loadAssessment(c.var.ctx, c.var.actor, c.req.param('id'), 'assessment.read');
  const d = access.may('participants.read') ? await getDashboard(c.var.ctx, c.var.actor, access.assessment.id) : access;
  return page(c, countryName(c.var.locale, access.assessment.country), <AssessmentOverviewPage t={c.var.t} locale={c.var.locale} d={d} />);
});

assessmentRoutes.post('/assessments/:id/state', async (c) => {
  const form = await formFields(c);
  const id = c.req.param('id');
  try {
    await changeAssessmentState(c.var.ctx, c.var.actor, id, form);
    flash(c, 'flash.state_changed');
    return c.redirect(`/assessments/${id}`, 303);
  } catch (e) {
    const err = fieldErrors(c, e);
    const d = await getDashboard(c.var.ctx, c.var.actor, id);
    return page(c, countryName(c.var.locale, d.assessment.country), <AssessmentOverviewPage t={c.var.t} locale={c.var.locale} d={d} error={err.error} fields={err.fields} />, { status: (e as AppError).status ?? 400 });
  }
});

async function dashboardPage(c: Context<AppEnv>, extra: { created?: TInviteResult; csvReport?: TCsvRowReport[]; values?: Record<string, string>; error?: string; fields?: Record<string, string> } = {}, status = 200) {
  const d = await getDashboard(c.var.ctx, c.var.actor, c.req.param('id') as string);
  return page(
    c,
    c.var.t('asm.participants'),
    <DashboardPage t={c.var.t} locale={c.var.locale} d={d} mailEnabled={mailEnabled(c.var.ctx.config)} reminder={reminderText(d, c.var.locale, c.var.ctx.config.publicUrl)} {...extra} />,
    { status },
  );
}

assessmentRoutes.get('/assessments/:id/participants', (c) => dashboardPage(c));

assessmentRoutes.get('/assessments/:id/participants.csv', async (c) => {
  const csv = await participantsCsv(c.var.ctx, c.var.actor, c.req.param('id'));
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="participants-${c.req.param('id').slice(0, 8)}.csv"`);
  c.header('Cache-Control', 'no-store');
  return c.body(`\uFEFF${csv}`);
});

assessmentRoutes.post('/assessments/:id/invitations', async (c) => {
  const form = await formFields(c);
  try {
    const created = await createInvitation(c.var.ctx, c.var.actor, c.req.param('id'), form, c.var.locale);
    return dashboardPage(c, { created });
  } catch (e) {
    return dashboardPage(c, { values: form, ...fieldErrors(c, e) }, 400);
  }
});

assessmentRoutes.post('/assessments/:id/organisations', async (c) => {
  const form = await formFields(c);
  try {
    await addOrganisation(c.var.ctx, c.var.actor, c.req.param('id'), { name: form.orgName, group: form.orgGroup });
    flash(c, 'flash.organisation_added');
    return c.redirect(`/assessments/${c.req.param('id')}/participants#org-h`, 303);
  } catch (e) {
    const err = fieldErrors(c, e);
    const fields = Object.fromEntries(Object.entries({ orgName: err.fields.name, orgGroup: err.fields.group ?? (err.fields.name ? undefined : err.error) }).filter(([, v]) => v)) as Record<string, string>;
    return dashboardPage(c, { values: { orgName: form.orgName ?? '', orgGroup: form.orgGroup ?? '' }, error: err.error, fields }, 400);
  }
});

assessmentRoutes.post('/assessments/:id/invitations/csv', async (c) => {
  const body = await c.req.parseBody();
  const file = body.file;
  const text = file instanceof File ? await file.text() : typeof file === 'string' ? file : '';
  try {
    const csvReport = await importInvitationsCsv(c.var.ctx, c.var.actor, c.req.param('id'), text, c.var.locale);
    return dashboardPage(c, { csvReport });
  } catch (e) {
    return dashboardPage(c, fieldErrors(c, e), 400);
  }
});

assessmentRoutes.post('/assessments/:id/invitations/:inv/revoke', async (c) => {
  await revokeInvitation(c.var.ctx, c.var.actor, c.req.param('id'), c.req.param('inv'));
  flash(c, 'flash.invitation_revoked');
  return c.redirect(`/assessments/${c.req.param('id')}/participants`, 303);
});

assessmentRoutes.post('/assessments/:id/invitations/:inv/resend', async (c) => {
  const created = await resendInvitation(c.var.ctx, c.var.actor, c.req.param('id'), c.req.param('inv'), c.var.locale);
  return dashboardPage(c, { created });
});

assessmentRoutes.post('/assessments/:id/remind', async (c) => {
  const r = await sendReminders(c.var.ctx, c.var.actor, c.req.param('id'), c.var.locale);
  flash(c, r.failed ? 'flash.reminders_partly' : 'flash.reminders_sent');
  return c.redirect(`/assessments/${c.req.param('id')}/participants`, 303);
});

// Resume where the respondent left off: the first pillar with unanswered items.
assessmentRoutes.get('/assessments/:id/answer', async (c) => {
  const q = await getQuestionnaire(c.var.ctx, c.var.actor, c.req.param('id'));
  const next = q.progress.find((p) => p.answered < p.total) ?? q.progress[0];
  return c.redirect(`/assessments/${q.assessment.id}/answer/${next?.pillarId ?? 'A'}`, 303);
});

function pillarOf(q: Awaited<ReturnType<typeof getQuestionnaire>>, id: string) {
  const pillar = q.instrument.parts.flatMap((p) => p.pillars).find((p) => p.id === id);
  if (!pillar) throw new AppError('not_found', 'error.not_found');
  return pillar;
}

assessmentRoutes.get('/assessments/:id/answer/:pillar', async (c) => {
  const q = await getQuestionnaire(c.var.ctx, c.var.actor, c.req.param('id'));
  const pillar = pillarOf(q, c.req.param('pillar'));
  return page(c, `${pillar.id} — ${countryName(c.var.locale, q.assessment.country)}`, <QuestionnairePage t={c.var.t} locale={c.var.locale} q={q} pillar={pillar} />, { scripts: ['questionnaire.js'] });
});

// The plain-form path: save every answer on the page, then perform the button's action (add a link,
// upload a document, remove evidence, go on, submit). On any error the page comes back with what was
// typed, so nothing is lost.
assessmentRoutes.post('/assessments/:id/answer/:pillar', async (c) => {
  const id = c.req.param('id');
  const body = await c.req.parseBody({ all: true });
  const q0 = await getQuestionnaire(c.var.ctx, c.var.actor, id);
  const pillar = pillarOf(q0, c.req.param('pillar'));
  const fields: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') fields[k] = v;
    else if (Array.isArray(v)) fields[k] = v.filter((x): x is string => typeof x === 'string');
  }
  const { answers, problems } = answersFromForm(pillar.items, fields);
  const action = typeof body.action === 'string' ? body.action : 'save';
  const rerender = async (summaryKey: string, fieldKeys: Record<string, string>, status: number, params: Record<string, string | number> = {}) => {
    const q = await getQuestionnaire(c.var.ctx, c.var.actor, id);
    const draft = new Map<string, TValue | null>(answers.map((a: TAnswerInput) => [a.itemId, a.value as TValue | null]));
    const comments = new Map(answers.map((a) => [a.itemId, a.comment ?? '']));
    const translated = Object.fromEntries(Object.entries(fieldKeys).map(([k, v]) => [k, c.var.t(v, params)]));
    return page(c, pillar.id, <QuestionnairePage t={c.var.t} locale={c.var.locale} q={q} pillar={pillar} error={c.var.t(summaryKey, params)} fields={translated} draft={draft} comments={comments} />, { status, scripts: ['questionnaire.js'] });
  };
  if (Object.keys(problems).length) return rerender('error.answers_invalid', problems, 400, { count: Object.keys(problems).length });
  try {
    if (answers.length) await saveAnswers(c.var.ctx, c.var.actor, id, { answers });
    const [verb, arg = ''] = action.split(':');
    if (verb === 'link') {
      await addEvidenceLink(c.var.ctx, c.var.actor, id, { itemId: arg, url: fields[`lu.${arg}`] ?? '', title: fields[`lt.${arg}`] ?? '' }).catch((e) => {
        throw Object.assign(e, { evidenceItem: arg });
      });
      flash(c, 'flash.evidence_added');
    } else if (verb === 'upload') {
      const f = body[`lf.${arg}`];
      const file = f instanceof File ? f : Array.isArray(f) ? f.find((x) => x instanceof File) : undefined;
      if (!file || file.size === 0) throw Object.assign(new AppError('invalid_input', 'error.file_missing', {}, { file: 'error.file_missing' }), { evidenceItem: arg });
      await uploadEvidenceFile(c.var.ctx, c.var.actor, id, arg, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }).catch((e) => {
        throw Object.assign(e, { evidenceItem: arg });
      });
      flash(c, 'flash.evidence_added');
    } else if (verb === 'remove') {
      await removeEvidence(c.var.ctx, c.var.actor, id, arg);
      flash(c, 'flash.evidence_removed');
    } else if (verb === 'submit') {
      await submitResponse(c.var.ctx, c.var.actor, id);
      flash(c, 'flash.submitted');
      return c.redirect(`/assessments/${id}/answer/${pillar.id}`, 303);
    } else flash(c, 'flash.answers_saved');
    if (verb === 'next') {
      const pillars = q0.instrument.parts.flatMap((p) => p.pillars);
      const next = pillars[pillars.findIndex((p) => p.id === pillar.id) + 1];
      if (next) return c.redirect(`/assessments/${id}/answer/${next.id}`, 303);
    }
    const anchor = verb === 'link' || verb === 'upload' ? `#q-${arg}` : '';
    return c.redirect(`/assessments/${id}/answer/${pillar.id}${anchor}`, 303);
  } catch (e) {
    if (!(e instanceof AppError) || !['invalid_input', 'conflict'].includes(e.code)) throw e;
    const item = (e as AppError & { evidenceItem?: string }).evidenceItem;
    const fieldKeys = item ? { [`ev.${item}`]: Object.values(e.fields)[0] ?? e.messageKey } : e.fields;
    return rerender(e.messageKey, fieldKeys, e.status, e.params);
  }
});

assessmentRoutes.post('/assessments/:id/submit', async (c) => {
  await submitResponse(c.var.ctx, c.var.actor, c.req.param('id'));
  flash(c, 'flash.submitted');
  return c.redirect(`/assessments/${c.req.param('id')}/answer`, 303);
});

assessmentRoutes.get('/assessments/:id/files/:file', async (c) => {
  const f = await getEvidenceFile(c.var.ctx, c.var.actor, c.req.param('id'), c.req.param('file'));
  c.header('Content-Type', f.mime);
  c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`);
  c.header('Content-Security-Policy', "default-src 'none'; sandbox");
  c.header('Cache-Control', 'private, no-store');
  return c.body(new Uint8Array(f.data) as Uint8Array<ArrayBuffer>);
});

// JSON autosave: the same use case as the form, with the offline queue's batches.
assessmentRoutes.post('/api/v1/assessments/:id/answers', async (c) => {
  if (!(c.req.header('content-type') ?? '').startsWith('application/json')) throw new AppError('invalid_input', 'error.bad_request');
  const body = await c.req.json().catch(() => {
    throw new AppError('invalid_input', 'error.bad_request');
  });
  const r = await saveAnswers(c.var.ctx, c.var.actor, c.req.param('id'), body);
  c.header('Cache-Control', 'no-store');
  return c.json(r);
});

async function joinPage(c: Context<AppEnv>, extra: { values?: Record<string, string>; error?: string; fields?: Record<string, string> } = {}, status = 200) {
  const token = c.req.param('token') as string;
  const { invitation: inv, country, year } = await describeInvitation(c.var.ctx, token, c.var.locale);
  return page(
    c,
    c.var.t('join.title', { country, year }),
    <JoinPage t={c.var.t} locale={c.var.locale} token={token} name={inv.name} email={inv.email} country={country} year={year} role={inv.role} signedInAs={c.var.actor?.name} minLength={c.var.ctx.config.passwordMinLength} {...extra} />,
    { status },
  );
}

assessmentRoutes.get('/join/:token', (c) => joinPage(c));

assessmentRoutes.post('/join/:token', async (c) => {
  const form = await formFields(c);
  try {
    const r = await acceptInvitation(c.var.ctx, c.var.actor, c.req.param('token'), form, { ...meta(c), locale: c.var.locale });
    if (r.sessionToken) setSessionCookie(c, r.sessionToken);
    flash(c, 'flash.joined');
    return c.redirect(`/assessments/${r.assessmentId}`, 303);
  } catch (e) {
    return joinPage(c, { values: form, ...fieldErrors(c, e, { min: c.var.ctx.config.passwordMinLength }) }, 400);
  }
});
