// The page where the coordinator changes an assessment's deadline and target after creation.
import type { AssessmentAccess } from '../../domain/kernel/access.ts';
import { isEditable } from '../../domain/kernel/editable.ts';
import { type TFn, type TLocale } from '../../i18n/index.ts';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { ErrorSummary, Field } from '../kit/forms.tsx';
import { assessmentPaths } from '../paths.ts';

/** Deadline and target, with the revision the form shows (a colleague's newer save is not overwritten). */
export function SettingsPage(p: { t: TFn; locale: TLocale; d: AssessmentAccess; values?: Record<string, string>; error?: string; fields?: Record<string, string> }) {
  const { t, locale, d } = p;
  const a = d.assessment;
  const to = assessmentPaths(a.id);
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={d} current={to.overview} />
      <h2>{t('edit.settings_title')}</h2>
      <ErrorSummary message={p.error} />
      {isEditable(a.state) ? (
        <form method="post" action={to.settings} novalidate>
          <input type="hidden" name="revision" value={String(a.revision)} />
          <Field name="deadline" type="date" label={t('asm.deadline')} hint={t('edit.deadline_hint')} value={p.values?.deadline ?? a.deadline ?? ''} error={p.fields?.deadline} />
          <Field name="targetIndex" label={t('asm.target_index')} hint={t('asm.target_hint')} value={p.values?.targetIndex ?? (a.target_index === null ? '' : String(a.target_index))} error={p.fields?.targetIndex} />
          <button type="submit">{t('edit.save')}</button>{' '}
          <a href={to.overview}>{t('edit.cancel')}</a>
        </form>
      ) : (
        <p class="notice">{t('error.edit_locked')}</p>
      )}
    </>
  );
}
