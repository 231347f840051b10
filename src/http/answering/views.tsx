// The questionnaire page: one pillar of items as a plain form (JavaScript adds autosave and the offline queue).
import type { TQuestionnaire } from '../../domain/answering/get-questionnaire.ts';
import type { TItem, TPillar } from '../../instrument/schema.ts';
import { isUnsupported } from '../../scoring/item.ts';
import type { TValue } from '../../scoring/types.ts';
import { type TFn, type TLocale } from '../../i18n/index.ts';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { EvidenceLink } from '../kit/evidence.tsx';
import { ErrorSummary } from '../kit/forms.tsx';
import { PillarTranslationNotice, Tx } from '../kit/instrument-text.tsx';
import { AnswerControls } from '../kit/answer-controls.tsx';
import { fileSize, fraction, megabytes } from '../kit/format.ts';
import { assessmentPaths, paths } from '../paths.ts';
import { allPillars } from '../../instrument/model.ts';

type Ev = TQuestionnaire['evidence'][number];

/** An item's evidence: what is attached (with remove buttons) and the fields to add a link or a file. */
function EvidenceBlock(p: { t: TFn; locale: TLocale; q: TQuestionnaire; item: TItem; evidence: Ev[]; unsupported: boolean; fields?: Record<string, string> | undefined }) {
  const { t, q, item } = p;
  const id = item.id;
  const err = p.fields?.[`ev.${id}`];
  const mb = megabytes(q.evidenceMaxBytes);
  return (
    <div class="evidence">
      <h4>{t('q.evidence')}</h4>
      {item.evidenceAbove !== undefined && (
        <p class={p.unsupported ? 'warning' : 'hint'} data-evidence-hint={id} data-unsupported={p.unsupported ? '1' : '0'}>
          {p.unsupported ? t('q.evidence_needed') : t('q.evidence_expected')}
        </p>
      )}
      {p.evidence.length > 0 && (
        <ul class="evidence-list" data-evidence-count={id}>
          {p.evidence.map((e) => (
            <li>
              <EvidenceLink e={e} assessmentId={q.assessment.id} label={e.kind === 'link' ? e.title : `${e.title} (${fileSize(p.locale, e.file_size)})`} />{' '}
              <button type="submit" name="action" value={`remove:${e.id}`} class="secondary remove" aria-label={t('q.remove_evidence', { title: e.title })}>{t('q.remove')}</button>
            </li>
          ))}
        </ul>
      )}
      {err && <p class="error">{err}</p>}
      <details>
        <summary>{t('q.add_evidence')}</summary>
        <div class="field">
          <label for={`lu-${id}`}>{t('q.link_url')}</label>
          <input id={`lu-${id}`} name={`lu.${id}`} type="url" inputmode="url" dir="ltr" placeholder="https://" />
        </div>
        <div class="field">
          <label for={`lt-${id}`}>{t('q.link_title')}</label>
          <input id={`lt-${id}`} name={`lt.${id}`} type="text" dir="auto" />
        </div>
        <button type="submit" name="action" value={`link:${id}`} class="secondary">{t('q.add_link')}</button>
        <div class="field">
          <label for={`lf-${id}`}>{t('q.file')}</label>
          <p class="hint" id={`lf-${id}-hint`}>{t('q.file_hint_limit', { mb })}</p>
          <input id={`lf-${id}`} name={`lf.${id}`} type="file" aria-describedby={`lf-${id}-hint`} accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.odt,.ods,.txt,.csv" data-max-bytes={q.evidenceMaxBytes} data-msg-too-large={t('error.file_too_large', { mb })} />
        </div>
        <button type="submit" name="action" value={`upload:${id}`} class="secondary">{t('q.upload')}</button>
      </details>
    </div>
  );
}

type TPageProps = { t: TFn; locale: TLocale; q: TQuestionnaire; pillar: TPillar; error?: string | undefined; fields?: Record<string, string> | undefined; draft?: Map<string, TValue | null> | undefined; comments?: Map<string, string> | undefined; typed?: Map<string, string> | undefined; bases?: Map<string, string> | undefined };

/** Links to every pillar with how many of its items are answered, and the total. */
function PillarProgressNav(p: { t: TFn; locale: TLocale; q: TQuestionnaire; pillar: TPillar }) {
  const { t, locale, q } = p;
  const total = q.progress.reduce((s, x) => s + x.total, 0);
  const done = q.progress.reduce((s, x) => s + x.answered, 0);
  return (
    <nav aria-label={t('inst.pillars_nav')} class="pillar-nav">
      <p>{t('q.progress_total', { done, total })}</p>
      <ul>
        {allPillars(q.instrument).map((x) => {
          const pr = q.progress.find((y) => y.pillarId === x.id);
          const count = fraction(locale, pr?.answered ?? 0, pr?.total ?? 0);
          return (
            <li>
              <a href={assessmentPaths(q.assessment.id).answerPillar(x.id)} aria-current={x.id === p.pillar.id ? 'page' : undefined} title={count}>
                {x.id}
                <span class="count">{count}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The item's guidance, examples and definitions, folded. */
function Guidance(p: { t: TFn; locale: TLocale; inst: TQuestionnaire['instrument']; item: TItem }) {
  const { t, locale, inst, item } = p;
  return (
    <details class="guidance">
      <summary>{t('inst.guidance')}</summary>
      <Tx as="p" text={item.guidance} locale={locale} inst={inst} />
      {item.examples && (
        <p>
          <strong>{t('inst.examples')}:</strong> <Tx text={item.examples} locale={locale} inst={inst} />
        </p>
      )}
      {item.definitions && (
        <p>
          <strong>{t('inst.definitions')}:</strong> <Tx text={item.definitions} locale={locale} inst={inst} />
        </p>
      )}
    </details>
  );
}

/** One item as a fieldset: question, guidance, answer controls, comment and evidence. */
function ItemFieldset(p: Omit<TPageProps, 'pillar'> & { item: TItem }) {
  const { t, locale, q, item } = p;
  const saved = q.answers.get(item.id);
  // What was typed in a refused post wins over what is stored, so nothing typed is lost.
  const v = p.draft?.has(item.id) ? p.draft.get(item.id) : saved?.value;
  const evidence = q.evidence.filter((e) => e.item_id === item.id);
  const unsupported = v ? isUnsupported(item, { value: v, evidence: evidence.length }) : false;
  const err = p.fields?.[item.id];
  return (
    <fieldset class={err ? 'q has-error' : 'q'} id={`q-${item.id}`} data-item={item.id} data-type={item.type} data-evidence-above={item.evidenceAbove === undefined ? undefined : String(item.evidenceAbove)} aria-describedby={err ? `err-${item.id}` : undefined}>
      <legend>
        <span class="item-id">{item.id}</span> <Tx text={item.question} locale={locale} inst={q.instrument} />
      </legend>
      {err && <p class="error" id={`err-${item.id}`}>{err}</p>}
      <Guidance t={t} locale={locale} inst={q.instrument} item={item} />
      <div class="choices">
        <AnswerControls t={t} locale={locale} inst={q.instrument} item={item} v={v} error={err} typed={p.typed?.get(item.id)} />
      </div>
      <div class="field comment">
        <label for={`c-${item.id}`}>{t('q.comment')}</label>
        <textarea id={`c-${item.id}`} name={`c.${item.id}`} rows={2} dir="auto">{p.comments?.get(item.id) ?? saved?.comment ?? ''}</textarea>
      </div>
      <EvidenceBlock t={t} locale={locale} q={q} item={item} evidence={evidence} unsupported={unsupported} fields={p.fields} />
      {/* When the answer shown was saved: a save from this page does not overwrite a newer one (another tab
          or device); a refused post keeps the time of what it was typed over. questionnaire.js updates it
          after each autosave. */}
      <input type="hidden" name={`b.${item.id}`} value={p.bases?.get(item.id) ?? saved?.updatedAt ?? ''} />
    </fieldset>
  );
}

/** One pillar of the questionnaire. */
export function QuestionnairePage(p: TPageProps) {
  const { t, locale, q, pillar } = p;
  const a = q.assessment;
  const inst = q.instrument;
  const pillars = allPillars(inst);
  const next = pillars[pillars.findIndex((x) => x.id === pillar.id) + 1];
  const open = a.state === 'collecting';
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={q} current={assessmentPaths(a.id).answer} />
      <PillarTranslationNotice t={t} locale={locale} inst={inst} summary={q.translation} pillarId={pillar.id} />
      {!open && <p class="warning">{t(a.state === 'draft' ? 'error.collection_not_open' : 'error.collection_closed')}</p>}
      {q.status === 'submitted' && <p class="flash">{t('q.submitted_note')}</p>}
      <PillarProgressNav t={t} locale={locale} q={q} pillar={pillar} />
      <h2 class="pillar-title">
        {`${pillar.id}. `}
        <Tx text={pillar.title} locale={locale} inst={inst} />
      </h2>
      <Tx as="p" text={pillar.description} locale={locale} inst={inst} />
      <ErrorSummary message={p.error} />
      <p class="save-status" role="status" aria-live="polite" data-save-status hidden></p>
      <form method="post" action={assessmentPaths(a.id).answerPillar(pillar.id)} enctype="multipart/form-data" data-autosave={assessmentPaths(a.id).api.answers} data-key={`${a.id}:${q.actor.id}`} data-pillar={pillar.id} data-sign-in={paths.signIn(assessmentPaths(a.id).answerPillar(pillar.id))} data-msg-session={t('q.session_ended')} data-msg-signin={t('q.sign_in_again')} data-msg-saved={t('q.saved')} data-msg-saving={t('q.saving')} data-msg-offline={t('q.offline')} data-msg-error={t('q.save_error')} novalidate>
        <fieldset disabled={!open} class="q-all">
          <legend class="visually-hidden">{t('q.answers_for', { pillar: pillar.id })}</legend>
          {/* Enter in a field submits with the form's first submit button: this one saves. Without it that
              was the first item's "Remove" (evidence) or "Add link" button. Hidden from sight and from
              assistive technology; the visible Save button is at the end. */}
          <button type="submit" name="action" value="save" class="visually-hidden" tabindex={-1} aria-hidden="true">
            {t('q.save')}
          </button>
          {pillar.items.map((item) => (
            <ItemFieldset t={t} locale={locale} q={q} item={item} error={p.error} fields={p.fields} draft={p.draft} comments={p.comments} typed={p.typed} bases={p.bases} />
          ))}
          <div class="actions">
            <button type="submit" name="action" value="save">{t('q.save')}</button>
            {next ? (
              <button type="submit" name="action" value="next" class="secondary">{t('q.save_next', { pillar: next.id })}</button>
            ) : (
              <button type="submit" name="action" value="submit" class="secondary">{t('q.submit')}</button>
            )}
          </div>
        </fieldset>
      </form>
      {next && open && (
        <form method="post" action={assessmentPaths(a.id).submit} class="submit-form">
          <p class="hint">{t('q.submit_hint')}</p>
          <button type="submit" class="secondary">{t('q.submit')}</button>
        </form>
      )}
    </>
  );
}

/**
 * Submitting with items unanswered: the items listed per pillar (each linking back to itself), "Submit
 * anyway" as a plain POST and "Go back". With nothing unanswered the same page offers a plain Submit.
 */
export function SubmitConfirmPage(p: { t: TFn; locale: TLocale; q: TQuestionnaire }) {
  const { t, locale, q } = p;
  const a = q.assessment;
  const inst = q.instrument;
  const to = assessmentPaths(a.id);
  const count = q.unanswered.reduce((s, x) => s + x.itemIds.length, 0);
  const open = a.state === 'collecting';
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={q} current={to.answer} />
      <h2>{t(count ? 'q.confirm_title' : 'q.confirm_title_complete')}</h2>
      {!open && <p class="warning">{t(a.state === 'draft' ? 'error.collection_not_open' : 'error.collection_closed')}</p>}
      {q.status === 'submitted' && <p class="flash">{t('q.submitted_note')}</p>}
      {count > 0 ? <p>{t('q.confirm_unanswered', { count })}</p> : <p>{t('q.confirm_all_answered')}</p>}
      {q.unanswered.map((u) => {
        const pillar = allPillars(inst).find((x) => x.id === u.pillarId);
        if (!pillar) return null;
        return (
          <section class="unanswered" aria-labelledby={`un-${u.pillarId}`}>
            <h3 id={`un-${u.pillarId}`}>
              {`${pillar.id}. `}
              <Tx text={pillar.title} locale={locale} inst={inst} />
            </h3>
            <ul>
              {pillar.items
                .filter((i) => u.itemIds.includes(i.id))
                .map((i) => (
                  <li>
                    <a href={`${to.answerPillar(pillar.id)}#q-${i.id}`}>
                      <span class="item-id">{i.id}</span> <Tx text={i.question} locale={locale} inst={inst} />
                    </a>
                  </li>
                ))}
            </ul>
          </section>
        );
      })}
      <div class="actions">
        {open && (
          <form method="post" action={to.submit} class="inline">
            <input type="hidden" name="anyway" value="1" />
            <button type="submit">{t(count ? 'q.submit_anyway' : 'q.submit')}</button>
          </form>
        )}
        <a href={to.answer} class="button secondary">{t('q.go_back')}</a>
      </div>
    </>
  );
}
