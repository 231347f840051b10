// One string of the workbench: source, current text with a preview in the language's direction, the form to
// edit it (with the text saved meanwhile when a save was stale), the review and suggestion forms, the open
// suggestions to accept or reject, and the revision history.
import type { TTranslationString } from '../../domain/translations/get-translation-string.ts';
import type { TSavedText } from '../../domain/translations/write-translation.ts';
import { REVIEW_STATUSES } from '../../domain/translations/translation-model.ts';
import { DIRECTION, ENDONYM, type TFn, type TLocale } from '../../i18n/index.ts';
import { Bdi, Ltr } from '../kit/bidi.tsx';
import { Pairs } from '../kit/dl.tsx';
import { ErrorSummary } from '../kit/forms.tsx';
import { dateTime } from '../kit/format.ts';
import { paths } from '../paths.ts';

/** What the page shows after a refused save. */
export interface TStringFormState {
  error?: string | undefined;
  /** The refused text, kept in the form. */
  text?: string | undefined;
  /** Which form the text belongs to. */
  form?: 'edit' | 'suggest' | undefined;
  note?: string | undefined;
  /** The text saved meanwhile, when the save was stale (409). */
  conflict?: TSavedText | undefined;
}

function TextArea(p: { id: string; label: string; hint?: string; lang: TLocale; value: string; error?: string | undefined; name?: string }) {
  const described = [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={p.id}>{p.label}</label>
      {p.hint && <p class="hint" id={`${p.id}-hint`}>{p.hint}</p>}
      {p.error && <p class="error" id={`${p.id}-err`}>{p.error}</p>}
      <textarea id={p.id} name={p.name ?? 'text'} rows={4} lang={p.lang} dir={DIRECTION[p.lang]} aria-invalid={p.error ? 'true' : undefined} aria-describedby={described}>
        {p.value}
      </textarea>
    </div>
  );
}

/** The page of one string. */
export function StringPage(p: { t: TFn; locale: TLocale; s: TTranslationString } & TStringFormState) {
  const { t, s } = p;
  const { row, lang } = s;
  const dir = DIRECTION[lang];
  const here = paths.translationsString(lang, s.scope, row.key);
  // After a stale save the form builds on the text that won, so saving again is a deliberate overwrite.
  const base = p.conflict ? p.conflict.revision : row.revision;
  const open = s.suggestions.filter((x) => x.state === 'open');
  return (
    <>
      <p>
        <a href={paths.translationsLang(lang, new URLSearchParams({ scope: s.scope }).toString())}>
          {t('tr.workbench_title')}: <span lang={lang}>{ENDONYM[lang]}</span>
        </a>
      </p>
      <h1>
        {t('tr.string_title')}: <Ltr>{row.key}</Ltr>
      </h1>
      <ErrorSummary message={p.error} />
      <Pairs
        pairs={[
          [t('tr.source'), <div lang="en" dir="ltr">{row.source}</div>],
          [
            t('tr.status'),
            <>
              <span class={`badge status-${row.status}`}>{t(`tr.status.${row.status}`)}</span>
              {row.changed && <p class="warning">{t('tr.changed')}</p>}
            </>,
          ],
          row.terms.length > 0 && [
            t('tr.terms'),
            <ul class="plain">
              {row.terms.map((g) => (
                <li>
                  <Bdi>
                    <span lang="en">{g.en}</span>
                  </Bdi>
                  {' → '}
                  <span lang={lang} dir={dir}>{g.term}</span>
                </li>
              ))}
            </ul>,
          ],
          [t('tr.preview'), row.text ? <blockquote class="tr-preview" lang={lang} dir={dir}>{row.text}</blockquote> : <span class="muted">{t('tr.missing')}</span>],
          [t('tr.revision'), String(row.revision)],
        ]}
      />
      {p.conflict && (
        <div class="warning tr-conflict">
          <p>{t('tr.conflict_explain', { name: p.conflict.editedBy ?? '?', revision: p.conflict.revision })}</p>
          <h2>{t('tr.conflict_theirs')}</h2>
          <blockquote class="tr-preview" lang={lang} dir={dir}>{p.conflict.text}</blockquote>
          <h2>{t('tr.conflict_yours')}</h2>
          <blockquote class="tr-preview" lang={lang} dir={dir}>{p.text}</blockquote>
          <p>
            <a href={here}>{t('tr.conflict_keep_theirs')}</a>
          </p>
        </div>
      )}
      {s.mayEdit && (
        <form method="post" action={paths.translationsEdit(lang)} class="card" novalidate>
          <h2>{t('tr.edit_title')}</h2>
          <input type="hidden" name="scope" value={s.scope} />
          <input type="hidden" name="key" value={row.key} />
          <input type="hidden" name="baseRevision" value={String(base)} />
          <TextArea id="tr-text" label={t('tr.translation')} hint={t('tr.edit_hint')} lang={lang} value={p.form !== 'suggest' && p.text !== undefined ? p.text : (row.text ?? '')} error={p.form !== 'suggest' ? p.error : undefined} />
          <button type="submit">{p.conflict ? t('tr.conflict_save_mine') : t('tr.save_text')}</button>
        </form>
      )}
      {s.mayReview && row.text && (
        <form method="post" action={paths.translationsReview(lang)} class="card inline-form">
          <input type="hidden" name="scope" value={s.scope} />
          <input type="hidden" name="keys" value={row.key} />
          <input type="hidden" name="back" value={here} />
          <label for="st-one">{t('tr.status')}</label>{' '}
          <select id="st-one" name="status">
            {REVIEW_STATUSES.map((x) => (
              <option value={x} selected={x === row.status}>
                {t(`tr.status.${x}`)}
              </option>
            ))}
          </select>{' '}
          <button type="submit">{t('tr.set_status')}</button>
        </form>
      )}
      {s.mayReview && (
        <form method="post" action={paths.translationsSuggest(lang)} class="card" novalidate>
          <h2>{t('tr.suggest_title')}</h2>
          <p class="hint">{t('tr.suggest_hint')}</p>
          <input type="hidden" name="scope" value={s.scope} />
          <input type="hidden" name="key" value={row.key} />
          <TextArea id="tr-suggest" label={t('tr.suggestion')} lang={lang} value={p.form === 'suggest' ? (p.text ?? '') : (row.text ?? '')} error={p.form === 'suggest' ? p.error : undefined} />
          <div class="field">
            <label for="tr-note">{t('tr.suggest_note')}</label>
            <input id="tr-note" name="note" type="text" dir="auto" value={p.form === 'suggest' ? (p.note ?? '') : ''} />
          </div>
          <button type="submit">{t('tr.suggest')}</button>
        </form>
      )}
      <section aria-labelledby="sug-h">
        <h2 id="sug-h">{t('tr.suggestions')}</h2>
        {s.suggestions.length === 0 && <p class="muted">{t('tr.no_suggestions')}</p>}
        {open.length > 0 && !s.mayEdit && <p class="muted">{t('tr.suggestions_open', { count: open.length })}</p>}
        <ul class="plain">
          {s.suggestions.map((x) => (
            <li class="card">
              <p>
                <span class={`badge suggestion-${x.state}`}>{t(`tr.suggestion_state.${x.state}`)}</span>{' '}
                {t('tr.suggested_by', { name: x.suggester, date: dateTime(p.locale, x.suggested_at) })}
              </p>
              <blockquote class="tr-preview" lang={lang} dir={dir}>{x.text}</blockquote>
              {x.note && <p dir="auto">{x.note}</p>}
              {x.state === 'open' && s.mayEdit && !x.mine && (
                <form method="post" action={paths.translationsDecide(lang, x.id)} class="inline-form">
                  <input type="hidden" name="scope" value={s.scope} />
                  <input type="hidden" name="key" value={row.key} />
                  <input type="hidden" name="baseRevision" value={String(row.revision)} />
                  <button type="submit" name="decision" value="accept">{t('tr.accept')}</button>{' '}
                  <button type="submit" name="decision" value="reject" class="secondary">{t('tr.reject')}</button>
                </form>
              )}
              {x.state === 'open' && x.mine && <p class="muted">{t('tr.suggestion_mine')}</p>}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="hist-h">
        <h2 id="hist-h">{t('tr.history')}</h2>
        {s.revisions.length === 0 ? (
          <p class="muted">{t('tr.no_history')}</p>
        ) : (
          <ol class="plain tr-history">
            {s.revisions.map((r) => (
              <li class="card">
                <p>{t('tr.revision_by', { revision: r.revision, name: r.editor, date: dateTime(p.locale, r.edited_at), kind: r.kind })}</p>
                <p class="muted">{t('tr.old_text')}</p>
                {r.old_text ? <blockquote class="tr-preview" lang={lang} dir={dir}>{r.old_text}</blockquote> : <p class="muted">{t('tr.missing')}</p>}
                <p class="muted">{t('tr.new_text')}</p>
                <blockquote class="tr-preview" lang={lang} dir={dir}>{r.new_text}</blockquote>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
