// The edit page of one narrative section of a draft plan, with the text a colleague saved first after a
// stale save (and what this person typed kept in the form).
import type { TPlanSection as PlanSectionRow } from '../../domain/plans/plan-model.ts';
import type { TPlanSectionPage } from '../../domain/plans/get-plan-section.ts';
import type { TFn, TLocale } from '../../i18n/index.ts';
import { pillarById } from '../../instrument/model.ts';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { ErrorSummary, Field } from '../kit/forms.tsx';
import { txt } from '../kit/instrument-text.tsx';
import { assessmentPaths } from '../paths.ts';
import { Paragraphs } from './outline.tsx';

/** A section's edit page. */
export function SectionPage(p: { t: TFn; locale: TLocale; ps: TPlanSectionPage; error?: string | undefined; fields?: Record<string, string> | undefined; body?: string | undefined; conflict?: PlanSectionRow | undefined }) {
  const { t, locale, ps } = p;
  const access = ps.scope.access;
  const ap = assessmentPaths(access.assessment.id);
  const pillar = ps.key.startsWith('objective.') ? pillarById(access.instrument, ps.key.slice('objective.'.length)) : undefined;
  const title = pillar ? t('plan.objective_of', { pillar: `${pillar.id} · ${txt(access.instrument, pillar.title, locale)}` }) : t(`plan.section.${ps.key}`);
  const base = p.conflict ? p.conflict.revision : (ps.section?.revision ?? 0);
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={access} current={ap.plan} />
      <h2>{title}</h2>
      <p>
        <a href={ap.plan}>{t('plan.back')}</a>
      </p>
      {p.conflict && (
        <div class="warning" role="alert">
          <p>{t('plan.section_conflict_explain')}</p>
          <Paragraphs text={p.conflict.body} />
        </div>
      )}
      <form method="post" action={ap.planSection(ps.key)} novalidate class="card">
        <ErrorSummary message={p.error} />
        <input type="hidden" name="baseRevision" value={String(base)} />
        <Field name="body" label={title} hint={t('plan.section_hint')} value={p.body ?? ps.section?.body ?? ''} error={p.fields?.body} multiline required />
        <button type="submit">{t('plan.save_section')}</button>
      </form>
    </>
  );
}
