// The heading and navigation shared by every page of one assessment.
import type { TDashboard } from '../../domain/assessments/get-dashboard.ts';
import { countryName } from '../../i18n/countries.ts';
import { type TFn, type TLocale } from '../../i18n/index.ts';
import { assessmentPaths } from '../paths.ts';
import { Bdi } from './bidi.tsx';

/** An assessment's name: country, the scope its coordinator typed (isolated), cycle year. */
export function AssessmentName(p: { locale: TLocale; a: { country: string; scope: string | null; cycle_year: number } }) {
  return (
    <>
      {countryName(p.locale, p.a.country)}
      {p.a.scope && (
        <>
          {' — '}
          <Bdi>{p.a.scope}</Bdi>
        </>
      )}
      {` · ${p.a.cycle_year}`}
    </>
  );
}

/** Header shared by assessment pages: country, cycle, state and the links this person may use. */
export function AssessmentHeader(p: { t: TFn; locale: TLocale; d: Pick<TDashboard, 'assessment' | 'role' | 'may'>; current: string }) {
  const { t, locale, d } = p;
  const a = d.assessment;
  const links: [string, string][] = [[assessmentPaths(a.id).overview, t('asm.overview')]];
  if (d.may('answers.write_own')) links.push([assessmentPaths(a.id).answer, t('asm.my_questionnaire')]);
  if (d.may('participants.read')) links.push([assessmentPaths(a.id).participants, t('asm.participants')]);
  if (d.may('workshop.run')) links.push([assessmentPaths(a.id).workshop, t('ws.title')]);
  if (d.may('room.view')) links.push([assessmentPaths(a.id).room, t('room.tab')]);
  if (d.may('poll.vote') && !d.may('workshop.run')) links.push([assessmentPaths(a.id).poll, t('poll.title')]);
  if (d.may('assessment.change_state') && ['consolidating', 'validated'].includes(a.state)) links.push([assessmentPaths(a.id).validation, t('val.title')]);
  if (d.may('results.read')) links.push([assessmentPaths(a.id).results, t('res.title')]);
  if (d.may('plan.read')) links.push([assessmentPaths(a.id).plan, t('plan.tab')]);
  if (d.may('pulse.manage')) links.push([assessmentPaths(a.id).pulse, t('pulse.tab')]);
  // A respondent's consent to be named in the report (domain/publication).
  if (d.may('answers.write_own')) links.push([assessmentPaths(a.id).consent, t('consent.tab')]);
  return (
    <>
      <h1>
        <AssessmentName locale={locale} a={a} />
      </h1>
      <p>
        <span class={`badge state-${a.state}`}>{t(`state.${a.state}`)}</span> {d.role && <span class="badge">{t(`role.${d.role}`)}</span>}
      </p>
      <nav aria-label={t('asm.sections')} class="tabs">
        <ul>
          {links.map(([href, label]) => (
            <li>
              <a href={href} aria-current={href === p.current ? 'page' : undefined}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
