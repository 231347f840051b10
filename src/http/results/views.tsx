// The results page: index, pillars, stages and matrix, what citizens say per stage (the citizen pulse),
// strengths and gaps, perception gaps, sensitivity and the item tables, each chart with a table of the same
// numbers; the previous cycle sits beside this one in
// the index, pillar and stage sections, or — when it used another instrument version — in its own section
// through the crosswalk. The sections live in summary, stages, comparability, analysis and items.
import type { TResultsPage } from '../../domain/results/get-results-page.ts';
import type { TFn, TLocale } from '../../i18n/index.ts';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { assessmentPaths } from '../paths.ts';
import { PerceptionGaps, Sensitivity, StrengthsGaps } from './analysis.tsx';
import { AgreementSection } from './agreement.tsx';
import { CycleComparison } from './comparability.tsx';
import { ItemTablesLink } from './items.tsx';
import { CalibrationSection } from './calibration.tsx';
import { PlanEffects } from './plan-effects.tsx';
import { StagesSection } from './stages.tsx';
import { CitizenComparison } from '../kit/citizen-comparison.tsx';
import { IndexSummary, PillarSection } from './summary.tsx';
import { UncertaintySection } from './uncertainty.tsx';
import { resultsView } from './view.tsx';

/** The results page. */
export function ResultsPage(p: { t: TFn; locale: TLocale; r: TResultsPage }) {
  const { t, locale } = p;
  const v = resultsView(t, locale, p.r);
  const { res, a } = v;
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={res.access} current={assessmentPaths(a.id).results} />
      <h2>{t('res.title')}</h2>
      {res.provisional ? <p class="provisional" role="note">{t('res.provisional', { state: t(`state.${a.state}`) })}</p> : <p class="notice">{t('res.validated')}</p>}
      <IndexSummary v={v} />
      <PillarSection v={v} />
      <UncertaintySection t={t} locale={locale} r={res} pillarName={v.pillarName} />
      <AgreementSection t={t} locale={locale} r={res} pillarName={v.pillarName} />
      <StagesSection v={v} />
      <CalibrationSection t={t} locale={locale} res={res} />
      {res.pulse && <CitizenComparison t={t} locale={locale} r={res.pulse} />}
      <CycleComparison v={v} />
      <StrengthsGaps v={v} />
      <PerceptionGaps v={v} />
      <Sensitivity v={v} />
      <PlanEffects v={v} />
      <ItemTablesLink v={v} />
    </>
  );
}
