// A respondent's consent to be named in the country report's participants annex (in six languages, with
// what it means: the annex is public once the report is published).
import type { TConsent } from '../../domain/publication/get-consent.ts';
import type { TFn, TLocale } from '../../i18n/index.ts';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { ErrorSummary } from '../kit/forms.tsx';
import { assessmentPaths, paths } from '../paths.ts';

/** A respondent's consent to be named in the report's participants annex. */
export function ConsentPage(p: { t: TFn; locale: TLocale; c: TConsent; error?: string | undefined }) {
  const { t, locale, c } = p;
  const a = c.access.assessment;
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={c.access} current={assessmentPaths(a.id).consent} />
      <h2>{t('consent.title')}</h2>
      <p>{t('consent.explain')}</p>
      <p>{t('consent.withdraw_any_time')}</p>
      <p class="notice" role="status">
        {t(c.named ? 'consent.now_named' : 'consent.not_named')}
        {c.public && <> {t('consent.public_now')}</>}
      </p>
      {c.public && (
        <p>
          <a href={paths.publicAssessment(a.id)}>{t('pub.public_page')}</a>
        </p>
      )}
      <ErrorSummary message={p.error} />
      <form method="post" action={assessmentPaths(a.id).consent}>
        <div class="choice">
          <input type="checkbox" id="f-named" name="named" value="1" checked={c.named} />
          <label for="f-named">{t('consent.label')}</label>
        </div>
        <button type="submit">{t('consent.save')}</button>
      </form>
    </>
  );
}
