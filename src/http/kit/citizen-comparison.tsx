// The three-way comparison per e-participation stage — government, non-government (the self-assessment)
// and citizens (the citizen pulse) — shared by the results page and the pulse results page.
import type { TPulseResults } from '../../domain/pulse/get-pulse-results.ts';
import type { TFn, TLocale } from '../../i18n/index.ts';
import { assessmentPaths } from '../paths.ts';
import { num } from './format.ts';
import { DataTable } from './table.tsx';

const score = (locale: TLocale, x: number | null) => (x === null ? '—' : num(locale, x));

/** Government, non-government and citizens side by side per stage, or why the citizens' column is empty. */
export function CitizenComparison(p: { t: TFn; locale: TLocale; r: TPulseResults; full?: boolean }) {
  const { t, locale, r } = p;
  const ap = assessmentPaths(r.assessmentId);
  return (
    <section aria-labelledby="citizens">
      <h3 id="citizens">{t('pulse.compare_title')}</h3>
      <p>{t('pulse.compare_explain')}</p>
      {!r.pulse ? (
        <p class="muted">{r.access.may('pulse.manage') ? <a href={ap.pulse}>{t('pulse.none_open')}</a> : t('pulse.none')}</p>
      ) : !r.enough ? (
        <p class="notice">{t('pulse.too_few', { n: r.total, min: r.minSample })}</p>
      ) : null}
      {r.synthetic > 0 && <p class="provisional" role="note">{t('pulse.synthetic_note', { n: r.synthetic })}</p>}
      <DataTable
        t={t}
        caption={t('pulse.compare_caption')}
        columns={[
          { head: t('pulse.stage'), cell: (s) => t(`epi_stage.${s.stage}`), rowHeader: true },
          { head: t('pulse.government'), cell: (s) => score(locale, s.government), num: true },
          { head: t('pulse.non_government'), cell: (s) => score(locale, s.nonGovernment), num: true },
          { head: t('pulse.citizens'), cell: (s) => score(locale, s.citizens), num: true },
          { head: t('pulse.n_citizens'), cell: (s) => num(locale, s.nCitizens), num: true },
        ]}
        rows={r.stages}
      />
      {!p.full && r.pulse && r.access.may('results.read') && (
        <p>
          <a href={ap.pulseResults}>{t('pulse.results_more')}</a>
        </p>
      )}
    </section>
  );
}
