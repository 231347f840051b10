// The respondent's questionnaire: one page per pillar, every item type, guidance and level descriptors
// where the answer is given, don't know / not applicable, a comment, and evidence (links and documents).
// Works as a plain form (Post/Redirect/Get); questionnaire.js adds autosave and an offline queue.
import type { TQuestionnaire } from '../../domain/questionnaire.ts';
import type { TInstrument, TItem, TPillar } from '../../instrument/schema.ts';
import { isUnsupported, itemScore } from '../../scoring/item.ts';
import type { TValue } from '../../scoring/types.ts';
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { AssessmentHeader } from './assessments.tsx';
import { EvidenceLink } from './answers.tsx';
import { ErrorSummary } from './forms.tsx';
import { Tx, TranslationNotice } from './instrument.tsx';

type Ev = TQuestionnaire['evidence'][number];

function Choice(p: { name: string; id: string; value: string; checked: boolean; score?: number | undefined; children: unknown; type?: 'radio' | 'checkbox' }) {
  return (
    <div class="choice">
      <input type={p.type ?? 'radio'} name={p.name} id={p.id} value={p.value} checked={p.checked} data-score={p.score === undefined ? undefined : String(p.score)} />
      <label for={p.id}>{p.children as never}</label>
    </div>
  );
}

function Excluded(p: { t: TFn; item: TItem; v: TValue | null | undefined; name: string }) {
  const reason = p.v?.kind === 'excluded' ? p.v.reason : undefined;
  return (
    <>
      <Choice name={p.name} id={`${p.name}-dk`} value="dont_know" checked={reason === 'dont_know'}>{p.t('answer.dont_know')}</Choice>
      <Choice name={p.name} id={`${p.name}-na`} value="not_applicable" checked={reason === 'not_applicable'}>{p.t('answer.not_applicable')}</Choice>
    </>
  );
}

/** The inputs of one item's answer (also the workshop's agreed-answer form): `v.<id>` and `x.<id>`. */
export function AnswerControls(p: { t: TFn; locale: TLocale; inst: TInstrument; item: TItem; v: TValue | null | undefined; error?: string | undefined }) {
  const { t, locale, inst, item, v } = p;
  const n = `v.${item.id}`;
  switch (item.type) {
    case 'status':
      return (
        <>
          {(['yes', 'partly', 'no'] as const).map((s) => (
            <Choice name={n} id={`${n}-${s}`} value={s} checked={v?.kind === 'status' && v.status === s} score={itemScore(item, { kind: 'status', status: s }) ?? undefined}>{t(`answer.${s}`)}</Choice>
          ))}
          <Excluded t={t} item={item} v={v} name={n} />
        </>
      );
    case 'level':
      return (
        <>
          {item.levels.map((d, i) => (
            <Choice name={n} id={`${n}-${i}`} value={String(i)} checked={v?.kind === 'level' && v.level === i} score={i / 4}>
              <strong>{`${i} · ${t(`level.${i}`)}`}</strong> — <Tx text={d} locale={locale} inst={inst} />
            </Choice>
          ))}
          <Excluded t={t} item={item} v={v} name={n} />
        </>
      );
    case 'checklist': {
      const checked = v?.kind === 'checklist' ? new Set(v.checked) : new Set<string>();
      return (
        <>
          {item.options.map((o) => (
            <Choice type="checkbox" name={n} id={`${n}-${o.id}`} value={o.id} checked={checked.has(o.id)}>
              <Tx text={o.label} locale={locale} inst={inst} />
            </Choice>
          ))}
          <Choice type="checkbox" name={n} id={`${n}-none`} value="__none" checked={v?.kind === 'checklist' && v.checked.length === 0}>{t('q.none_of_these')}</Choice>
          <Excluded t={t} item={item} v={v} name={`x.${item.id}`} />
        </>
      );
    }
    case 'number':
      return (
        <>
          <div class="field">
            <label for={`${n}-input`}>
              <Tx text={item.unit} locale={locale} inst={inst} />
            </label>
            {p.error && <p class="error" id={`${n}-err`}>{p.error}</p>}
            <input id={`${n}-input`} name={n} type="text" inputmode="decimal" value={v?.kind === 'number' ? String(v.number) : ''} aria-invalid={p.error ? 'true' : undefined} aria-describedby={p.error ? `${n}-err` : undefined} data-thresholds={item.thresholds.join(',')} />
            <p class="hint">{t('inst.thresholds', { t1: formatNumber(locale, item.thresholds[0] ?? 0), t2: formatNumber(locale, item.thresholds[1] ?? 0), t3: formatNumber(locale, item.thresholds[2] ?? 0), t4: formatNumber(locale, item.thresholds[3] ?? 0) })}</p>
          </div>
          <Excluded t={t} item={item} v={v} name={`x.${item.id}`} />
        </>
      );
    case 'text':
      return (
        <div class="field">
          <label for={`${n}-text`}>{t('q.your_answer')}</label>
          <textarea id={`${n}-text`} name={n} rows={5}>{v?.kind === 'text' ? v.text : ''}</textarea>
        </div>
      );
  }
}

function EvidenceBlock(p: { t: TFn; q: TQuestionnaire; item: TItem; evidence: Ev[]; unsupported: boolean; fields?: Record<string, string> | undefined }) {
  const { t, q, item } = p;
  const id = item.id;
  const err = p.fields?.[`ev.${id}`];
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
              <EvidenceLink e={e} assessmentId={q.assessment.id} label={e.kind === 'link' ? e.title : `${e.title} (${Math.max(1, Math.round((e.file_size ?? 0) / 1024))} KB)`} />{' '}
              <button type="submit" name="action" value={`remove:${e.id}`} class="link" aria-label={t('q.remove_evidence', { title: e.title })}>{t('q.remove')}</button>
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
          <input id={`lt-${id}`} name={`lt.${id}`} type="text" />
        </div>
        <button type="submit" name="action" value={`link:${id}`} class="secondary">{t('q.add_link')}</button>
        <div class="field">
          <label for={`lf-${id}`}>{t('q.file')}</label>
          <p class="hint" id={`lf-${id}-hint`}>{t('q.file_hint')}</p>
          <input id={`lf-${id}`} name={`lf.${id}`} type="file" aria-describedby={`lf-${id}-hint`} accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.odt,.ods,.txt,.csv" />
        </div>
        <button type="submit" name="action" value={`upload:${id}`} class="secondary">{t('q.upload')}</button>
      </details>
    </div>
  );
}

/** One pillar of the questionnaire. */
export function QuestionnairePage(p: { t: TFn; locale: TLocale; q: TQuestionnaire; pillar: TPillar; error?: string | undefined; fields?: Record<string, string> | undefined; draft?: Map<string, TValue | null> | undefined; comments?: Map<string, string> | undefined }) {
  const { t, locale, q, pillar } = p;
  const a = q.assessment;
  const inst = q.instrument;
  const pillars = inst.parts.flatMap((x) => x.pillars);
  const idx = pillars.findIndex((x) => x.id === pillar.id);
  const next = pillars[idx + 1];
  const open = a.state === 'collecting';
  const total = q.progress.reduce((s, x) => s + x.total, 0);
  const done = q.progress.reduce((s, x) => s + x.answered, 0);
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={q} current={`/assessments/${a.id}/answer`} />
      <TranslationNotice t={t} locale={locale} inst={inst} />
      {!open && <p class="warning">{t(a.state === 'draft' ? 'error.collection_not_open' : 'error.collection_closed')}</p>}
      {q.status === 'submitted' && <p class="flash">{t('q.submitted_note')}</p>}
      <nav aria-label={t('inst.pillars_nav')} class="pillar-nav">
        <p>{t('q.progress_total', { done, total })}</p>
        <ul>
          {pillars.map((x) => {
            const pr = q.progress.find((y) => y.pillarId === x.id);
            return (
              <li>
                <a href={`/assessments/${a.id}/answer/${x.id}`} aria-current={x.id === pillar.id ? 'page' : undefined} title={`${pr?.answered ?? 0}/${pr?.total ?? 0}`}>
                  {x.id}
                  <span class="count">{`${pr?.answered ?? 0}/${pr?.total ?? 0}`}</span>
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <h2 class="pillar-title">
        {`${pillar.id}. `}
        <Tx text={pillar.title} locale={locale} inst={inst} />
      </h2>
      <Tx as="p" text={pillar.description} locale={locale} inst={inst} />
      <ErrorSummary message={p.error} />
      <p class="save-status" role="status" aria-live="polite" data-save-status hidden></p>
      <form method="post" action={`/assessments/${a.id}/answer/${pillar.id}`} enctype="multipart/form-data" data-autosave={`/api/v1/assessments/${a.id}/answers`} data-key={`${a.id}:${q.actor.id}`} data-msg-saved={t('q.saved')} data-msg-saving={t('q.saving')} data-msg-offline={t('q.offline')} data-msg-error={t('q.save_error')} novalidate>
        <fieldset disabled={!open} class="q-all">
          <legend class="visually-hidden">{t('q.answers_for', { pillar: pillar.id })}</legend>
          {pillar.items.map((item) => {
            const saved = q.answers.get(item.id);
            const v = p.draft?.has(item.id) ? p.draft.get(item.id) : saved?.value;
            const evidence = q.evidence.filter((e) => e.item_id === item.id);
            const unsupported = v ? isUnsupported(item, { value: v, evidence: evidence.length }) : false;
            const err = p.fields?.[item.id];
            return (
              <fieldset class={err ? 'q has-error' : 'q'} id={`q-${item.id}`} data-item={item.id} data-type={item.type} data-evidence-above={item.evidenceAbove === undefined ? undefined : String(item.evidenceAbove)} aria-describedby={err ? `err-${item.id}` : undefined}>
                <legend>
                  <span class="item-id">{item.id}</span> <Tx text={item.question} locale={locale} inst={inst} />
                </legend>
                {err && <p class="error" id={`err-${item.id}`}>{err}</p>}
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
                <div class="choices">
                  <AnswerControls t={t} locale={locale} inst={q.instrument} item={item} v={v} error={err} />
                </div>
                <div class="field comment">
                  <label for={`c-${item.id}`}>{t('q.comment')}</label>
                  <textarea id={`c-${item.id}`} name={`c.${item.id}`} rows={2}>{p.comments?.get(item.id) ?? saved?.comment ?? ''}</textarea>
                </div>
                <EvidenceBlock t={t} q={q} item={item} evidence={evidence} unsupported={unsupported} fields={p.fields} />
              </fieldset>
            );
          })}
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
        <form method="post" action={`/assessments/${a.id}/submit`} class="submit-form">
          <p class="hint">{t('q.submit_hint')}</p>
          <button type="submit" class="secondary">{t('q.submit')}</button>
        </form>
      )}
    </>
  );
}
