// Answering area: the questionnaire one pillar per page (plain form; scripts add autosave), submitting,
// evidence documents (mounted at MOUNT.assessment), and the JSON autosave of the offline queue (mounted at
// /api/v1/assessments/:id). Each route parses, calls one use case, presents.
import { Hono } from 'hono';
import { addEvidenceLink } from '../../domain/answering/add-evidence-link.ts';
import { answersFromForm, type TAnswerInput } from '../../domain/answering/answer-values.ts';
import { getEvidenceFile } from '../../domain/answering/get-evidence-file.ts';
import { getQuestionnaire, type TQuestionnaire } from '../../domain/answering/get-questionnaire.ts';
import { removeEvidence } from '../../domain/answering/remove-evidence.ts';
import { saveAnswers } from '../../domain/answering/save-answers.ts';
import { submitResponse } from '../../domain/answering/submit-response.ts';
import { uploadEvidenceFile } from '../../domain/answering/upload-evidence-file.ts';
import { AppError } from '../../domain/kernel/errors.ts';
import { countryName } from '../../i18n/countries.ts';
import { allPillars, pillarById } from '../../instrument/model.ts';
import type { TValue } from '../../scoring/types.ts';
import type { AppEnv } from '../env.ts';
import { assessmentPaths } from '../paths.ts';
import { flash, page, param, readForm } from '../request.ts';
import { QuestionnairePage, SubmitConfirmPage } from './views.tsx';

/** Questionnaire pages, submission and evidence files (mounted at MOUNT.assessment). */
export const answeringRoutes = new Hono<AppEnv>();

function pillarOf(q: TQuestionnaire, id: string) {
  const pillar = pillarById(q.instrument, id);
  if (!pillar) throw new AppError('not_found', 'error.not_found');
  return pillar;
}

// Resume where the respondent left off: the first pillar with unanswered items.
answeringRoutes.get('/answer', async (c) => {
  const q = await getQuestionnaire(c.var.ctx, c.var.actor, param(c, 'id'));
  const next = q.progress.find((p) => p.answered < p.total) ?? q.progress[0];
  return c.redirect(assessmentPaths(q.assessment.id).answerPillar(next?.pillarId ?? 'A'), 303);
});

answeringRoutes.get('/answer/:pillar', async (c) => {
  const q = await getQuestionnaire(c.var.ctx, c.var.actor, param(c, 'id'), c.var.locale);
  const pillar = pillarOf(q, c.req.param('pillar'));
  return page(c, `${pillar.id} — ${countryName(c.var.locale, q.assessment.country)}`, <QuestionnairePage t={c.var.t} locale={c.var.locale} q={q} pillar={pillar} />, { scripts: ['questionnaire.js', 'upload-limit.js'] });
});

// The plain-form path: save every answer on the page, then perform the button's action (add a link,
// upload a document, remove evidence, go on, submit). On any error the page comes back with what was
// typed, so nothing is lost.
answeringRoutes.post('/answer/:pillar', async (c) => {
  const id = param(c, 'id');
  const to = assessmentPaths(id);
  // Who may answer here is decided before a body of up to EVIDENCE_MAX_MB is read.
  const q0 = await getQuestionnaire(c.var.ctx, c.var.actor, id);
  const body = await readForm(c, { all: true });
  const pillar = pillarOf(q0, c.req.param('pillar'));
  const fields: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') fields[k] = v;
    else if (Array.isArray(v)) fields[k] = v.filter((x): x is string => typeof x === 'string');
  }
  const { answers, problems, typed } = answersFromForm(pillar.items, fields);
  const action = typeof body.action === 'string' ? body.action : 'save';
  // Whether this post's answers are stored (an error after that comes from the button's own action).
  let saved = false;
  // The page again with a message. `asTyped`: what was posted is shown; until it is saved, with the times
  // of the answers it was typed over (once saved, those are the stored answers' own). Otherwise what is
  // stored now.
  const rerender = async (summaryKey: string, fieldKeys: Record<string, string>, status: number, params: Record<string, string | number> = {}, asTyped = true) => {
    const q = await getQuestionnaire(c.var.ctx, c.var.actor, id, c.var.locale);
    const draft = asTyped ? new Map<string, TValue | null>(answers.map((a: TAnswerInput) => [a.itemId, a.value as TValue | null])) : undefined;
    const comments = asTyped ? new Map(answers.map((a) => [a.itemId, a.comment ?? ''])) : undefined;
    const bases = asTyped && !saved ? new Map(answers.flatMap((a) => (a.base === undefined ? [] : [[a.itemId, a.base] as const]))) : undefined;
    const translated = Object.fromEntries(Object.entries(fieldKeys).map(([k, v]) => [k, c.var.t(v, params)]));
    return page(c, pillar.id, <QuestionnairePage t={c.var.t} locale={c.var.locale} q={q} pillar={pillar} error={c.var.t(summaryKey, params)} fields={translated} draft={draft} comments={comments} typed={asTyped ? typed : undefined} bases={bases} />, { status, scripts: ['questionnaire.js', 'upload-limit.js'] });
  };
  if (Object.keys(problems).length) return rerender('error.answers_invalid', problems, 400, { count: Object.keys(problems).length });
  try {
    const stale = answers.length ? (await saveAnswers(c.var.ctx, c.var.actor, id, { answers })).stale : [];
    saved = true;
    // Answers saved from another tab or device since this page was opened were kept: show them (the rest
    // of the page is saved) before doing what the button asked.
    if (stale.length) {
      const fieldKeys = Object.fromEntries(stale.map((item) => [item, 'error.answer_changed_elsewhere']));
      return rerender('error.answers_stale', fieldKeys, 409, { count: stale.length, items: stale.join(', ') }, false);
    }
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
      // The answers on this page are saved; unanswered items elsewhere are confirmed first.
      if (!(await submitResponse(c.var.ctx, c.var.actor, id)).submitted) return c.redirect(to.submit, 303);
      flash(c, 'flash.submitted');
      return c.redirect(to.answerPillar(pillar.id), 303);
    } else flash(c, 'flash.answers_saved');
    if (verb === 'next') {
      const pillars = allPillars(q0.instrument);
      const next = pillars[pillars.findIndex((p) => p.id === pillar.id) + 1];
      if (next) return c.redirect(to.answerPillar(next.id), 303);
    }
    const anchor = verb === 'link' || verb === 'upload' ? `#q-${arg}` : '';
    return c.redirect(`${to.answerPillar(pillar.id)}${anchor}`, 303);
  } catch (e) {
    if (!(e instanceof AppError) || !['invalid_input', 'conflict'].includes(e.code)) throw e;
    const item = (e as AppError & { evidenceItem?: string }).evidenceItem;
    const fieldKeys = item ? { [`ev.${item}`]: Object.values(e.fields)[0] ?? e.messageKey } : e.fields;
    return rerender(e.messageKey, fieldKeys, e.status, e.params);
  }
});

// The confirmation page: what is still unanswered, per pillar, with "Submit anyway" and "Go back".
answeringRoutes.get('/submit', async (c) => {
  const q = await getQuestionnaire(c.var.ctx, c.var.actor, param(c, 'id'), c.var.locale);
  return page(c, c.var.t('q.submit'), <SubmitConfirmPage t={c.var.t} locale={c.var.locale} q={q} />);
});

// Without `anyway`, unanswered items lead to the confirmation page instead of submitting.
answeringRoutes.post('/submit', async (c) => {
  const to = assessmentPaths(param(c, 'id'));
  const body = await readForm(c);
  const r = await submitResponse(c.var.ctx, c.var.actor, param(c, 'id'), { anyway: body.anyway === '1' });
  if (!r.submitted) return c.redirect(to.submit, 303);
  flash(c, 'flash.submitted');
  return c.redirect(to.answer, 303);
});

answeringRoutes.get('/files/:file', async (c) => {
  const f = await getEvidenceFile(c.var.ctx, c.var.actor, param(c, 'id'), c.req.param('file'));
  c.header('Content-Type', f.mime);
  c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`);
  c.set('csp', "default-src 'none'; sandbox");
  c.header('Cache-Control', 'private, no-store');
  return c.body(new Uint8Array(f.data) as Uint8Array<ArrayBuffer>);
});
