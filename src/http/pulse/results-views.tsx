// The citizen pulse results page: the three-way comparison per e-participation stage (kit), answers per day, each
// question's distribution with its 95 % Wilson interval, and breakdowns by demographic with small groups
// suppressed. Every number here is defined in docs/METHODOLOGY.md, "Citizen pulse".
import type { TPulseResults } from '../../domain/pulse/get-pulse-results.ts';
import type { TFn, TLocale } from '../../i18n/index.ts';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { Pairs } from '../kit/dl.tsx';
import { date, num, pct } from '../kit/format.ts';
import { DataTable } from '../kit/table.tsx';
import { assessmentPaths } from '../paths.ts';
import { ptxt } from './public-views.tsx';
import { CitizenComparison } from '../kit/citizen-comparison.tsx';

const score = (locale: TLocale, x: number | null) => (x === null ? '—' : num(locale, x));

/** The pulse results page. */
export function PulseResultsPage(p: { t: TFn; locale: TLocale; r: TPulseResults }) {
  const { t, locale, r } = p;
  const inst = r.instrument;
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={r.access} current={assessmentPaths(r.assessmentId).pulseResults} />
      <h2>{t('pulse.results_title')}</h2>
      <Pairs
        pairs={[
          [t('pulse.responses'), num(locale, r.total)],
          r.withCode > 0 && [t('pulse.with_code'), num(locale, r.withCode)],
          r.pulse && [t('pulse.dates'), `${date(locale, r.pulse.opensAt)} – ${date(locale, new Date(Date.parse(r.pulse.closesAt) - 1).toISOString())}`],
          [t('pulse.min_sample'), t('pulse.min_rules', { min: r.minSample, cell: r.minCell })],
        ]}
      />
      <CitizenComparison t={t} locale={locale} r={r} full />
      <section aria-labelledby="per-day">
        <h3 id="per-day">{t('pulse.per_day')}</h3>
        <DataTable t={t} caption={t('pulse.per_day')} captionStyle="hidden" columns={[{ head: t('pulse.day'), cell: (d) => date(locale, d.day), rowHeader: true }, { head: t('pulse.responses'), cell: (d) => num(locale, d.count), num: true }]} rows={r.perDay} />
      </section>
      {inst && r.enough && (
        <section aria-labelledby="questions">
          <h3 id="questions">{t('pulse.questions_title')}</h3>
          {r.questions.map((q) => (
            <DataTable
              t={t}
              caption={`${q.question.id}. ${ptxt(inst, q.question.question, locale)} (${t('pulse.n_answered', { n: q.distribution?.n ?? 0 })})`}
              columns={[
                { head: t('pulse.answer'), cell: (s) => ptxt(inst, q.labels.find((l) => l.id === s.option)?.label ?? s.option, locale), rowHeader: true },
                { head: t('pulse.share'), cell: (s) => pct(locale, s.share), num: true },
                { head: t('pulse.interval'), cell: (s) => `${pct(locale, s.low)} – ${pct(locale, s.high)}`, num: true },
                { head: t('pulse.count'), cell: (s) => num(locale, s.count), num: true },
              ]}
              rows={q.distribution?.shares ?? []}
            />
          ))}
        </section>
      )}
      {inst && r.enough && (
        <section aria-labelledby="breakdowns">
          <h3 id="breakdowns">{t('pulse.breakdowns_title')}</h3>
          <p>{t('pulse.breakdowns_explain', { cell: r.minCell })}</p>
          {r.breakdowns.map((b) => (
            <DataTable
              t={t}
              caption={ptxt(inst, b.question.question, locale)}
              columns={[
                { head: t('pulse.group'), cell: (row) => (row.value === 'not_said' ? t('pulse.not_said') : ptxt(inst, b.labels.find((l) => l.id === row.value)?.label ?? row.value, locale)), rowHeader: true },
                { head: t('pulse.count'), cell: (row) => (row.n === null ? t('pulse.suppressed', { cell: r.minCell }) : num(locale, row.n)), num: true },
                ...(['e_information', 'e_consultation', 'e_decision_making'] as const).map((stage) => ({ head: t(`epi_stage.${stage}`), cell: (row: (typeof b.rows)[number]) => score(locale, row.stages?.find((s) => s.stage === stage)?.score ?? null), num: true })),
              ]}
              rows={b.rows}
            />
          ))}
        </section>
      )}
    </>
  );
}
