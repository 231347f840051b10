// What a coordinator chooses when publishing (the overview's publish form) and the card of a published
// assessment on its overview: where the public report is, what it shows, and the form to change that.
import type { TPublicationInfo } from '../../domain/publication/get-public-report.ts';
import { LICENCE_NAME, LICENCES, PUBLICATION_LEVELS } from '../../domain/publication/publication-levels.ts';
import type { TFn, TLocale } from '../../i18n/index.ts';
import { Ltr } from '../kit/bidi.tsx';
import { ErrorSummary } from '../kit/forms.tsx';
import { date } from '../kit/format.ts';
import { assessmentPaths, paths } from '../paths.ts';

/** The choices of the publish form on the overview: what becomes public and the data licence. */
export function PublishFields(p: { t: TFn; values?: Record<string, string> | undefined; fields?: Record<string, string> | undefined }) {
  const { t } = p;
  const level = p.values?.level ?? 'scores';
  const licence = p.values?.licence ?? LICENCES[0];
  return (
    <>
      <fieldset class={p.fields?.level ? 'field has-error' : 'field'}>
        <legend>{t('pub.level_legend')}</legend>
        <p class="hint">{t('pub.level_hint')}</p>
        {p.fields?.level && <p class="error">{p.fields.level}</p>}
        {PUBLICATION_LEVELS.map((l) => (
          <div class="choice">
            <input type="radio" id={`f-level-${l}`} name="level" value={l} checked={l === level} />
            <label for={`f-level-${l}`}>{t(`pub.level.${l}`)}</label>
          </div>
        ))}
      </fieldset>
      <div class={p.fields?.licence ? 'field has-error' : 'field'}>
        <label for="f-licence">{t('pub.licence')}</label>
        <p class="hint" id="f-licence-hint">{t('pub.licence_hint')}</p>
        {p.fields?.licence && <p class="error">{p.fields.licence}</p>}
        <select id="f-licence" name="licence" aria-describedby="f-licence-hint">
          {LICENCES.map((l) => (
            <option value={l} selected={l === licence}>{LICENCE_NAME[l]}</option>
          ))}
        </select>
      </div>
    </>
  );
}

/** On the overview of a published assessment: where its public page is and what it shows. */
export function PublicationCard(p: { t: TFn; locale: TLocale; id: string; publication: TPublicationInfo; canChange: boolean; values?: Record<string, string> | undefined; fields?: Record<string, string> | undefined; error?: string | undefined }) {
  const { t } = p;
  return (
    <section aria-labelledby="pub-h" class="card">
      <h2 id="pub-h">{t('pub.card_title')}</h2>
      <p>
        {t('pub.published_on', { date: date(p.locale, p.publication.publishedAt, 'long') })} · {t(`pub.level.${p.publication.level}`)} · {t('pub.licence_note')} <Ltr>{LICENCE_NAME[p.publication.licence]}</Ltr>
      </p>
      <p>
        <a href={paths.publicAssessment(p.id)}>{t('pub.public_page')}</a>
      </p>
      {p.canChange && (
        <form method="post" action={assessmentPaths(p.id).publication}>
          <ErrorSummary message={p.error} />
          <PublishFields t={t} values={p.values ?? { level: p.publication.level, licence: p.publication.licence }} fields={p.fields} />
          <button type="submit" class="secondary">{t('pub.update')}</button>
        </form>
      )}
      {p.canChange && <p class="hint">{t('pub.withdraw_hint')}</p>}
    </section>
  );
}

