// Pages of the assessments area: the list with the form to create one, and an assessment's overview.
import type { TDashboard } from '../../domain/assessments/get-dashboard.ts';
import { TRANSITIONS } from '../../domain/assessments/change-assessment-state.ts';
import type { TPublicationInfo } from '../../domain/publication/get-public-report.ts';
import { PublicationCard, PublishFields } from './publication-views.tsx';
import { isEditable } from '../../domain/kernel/editable.ts';
import { type TFn, type TLocale } from '../../i18n/index.ts';
import { Bdi, Msg } from '../kit/bidi.tsx';
import { Pairs } from '../kit/dl.tsx';
import { date, num } from '../kit/format.ts';
import { ErrorSummary, Field } from '../kit/forms.tsx';
import { AssessmentHeader, AssessmentName } from '../kit/assessment-header.tsx';
import { assessmentPaths, paths } from '../paths.ts';

type Row = { id: string; country: string; scope: string | null; cycle_year: number; state: string; deadline: string | null; role: string | null };

/** The assessments a person belongs to, and (for coordinators) the create form. */
export function AssessmentListPage(p: { t: TFn; locale: TLocale; rows: Row[]; canCreate: boolean; countries: [string, string][]; values?: Record<string, string>; error?: string; fields?: Record<string, string>; versions: string[] }) {
  const { t, locale } = p;
  return (
    <>
      <h1>{t('asm.list_title')}</h1>
      {p.rows.length === 0 ? (
        <p>{t(p.canCreate ? 'asm.none_create' : 'asm.none')}</p>
      ) : (
        <ul class="cards">
          {p.rows.map((r) => (
            <li class="card">
              <h2>
                <a href={assessmentPaths(r.id).overview}>
                  <AssessmentName locale={locale} a={r} />
                </a>
              </h2>
              <p>
                <span class={`badge state-${r.state}`}>{t(`state.${r.state}`)}</span> {r.role && <span class="badge">{t(`role.${r.role}`)}</span>}{' '}
                {r.deadline && <Msg t={t} k="asm.deadline_on" values={{ date: date(locale, r.deadline) }} />}
              </p>
            </li>
          ))}
        </ul>
      )}
      {p.canCreate && (
        <section aria-labelledby="new-asm">
          <h2 id="new-asm">{t('asm.create_title')}</h2>
          <ErrorSummary message={p.error} />
          <form method="post" action={paths.assessments} novalidate>
            <div class={p.fields?.country ? 'field has-error' : 'field'}>
              <label for="f-country">{t('asm.country')}</label>
              {p.fields?.country && <p class="error" id="f-country-err">{p.fields.country}</p>}
              <select id="f-country" name="country" required aria-describedby={p.fields?.country ? 'f-country-err' : undefined}>
                <option value="">{t('asm.choose')}</option>
                {p.countries.map(([code, name]) => (
                  <option value={code} selected={p.values?.country === code}>{`${name} (${code})`}</option>
                ))}
              </select>
            </div>
            <Field name="scope" label={t('asm.scope')} hint={t('asm.scope_hint')} value={p.values?.scope} error={p.fields?.scope} />
            <Field name="cycleYear" type="number" label={t('asm.cycle_year')} value={p.values?.cycleYear ?? String(new Date().getUTCFullYear())} error={p.fields?.cycleYear} required />
            <div class="field">
              <label for="f-instrumentVersion">{t('asm.instrument_version')}</label>
              {p.fields?.instrumentVersion && <p class="error">{p.fields.instrumentVersion}</p>}
              <select id="f-instrumentVersion" name="instrumentVersion">
                {p.versions.map((v) => (
                  // The newest published version (listed first) is the default for a new assessment.
                  <option value={v} selected={(p.values?.instrumentVersion ?? p.versions[0]) === v}>{`METEP ${v}`}</option>
                ))}
              </select>
            </div>
            <Field name="targetIndex" label={t('asm.target_index')} hint={t('asm.target_hint')} value={p.values?.targetIndex} error={p.fields?.targetIndex} />
            <Field name="deadline" type="date" label={t('asm.deadline')} value={p.values?.deadline} error={p.fields?.deadline} />
            <button type="submit">{t('asm.create_submit')}</button>
          </form>
        </section>
      )}
    </>
  );
}

/** The overview: what state the assessment is in and what happens next. */
export function AssessmentOverviewPage(p: { t: TFn; locale: TLocale; d: TDashboard | (Pick<TDashboard, 'assessment' | 'role' | 'may' | 'instrument'> & { participants?: undefined }); error?: string; fields?: Record<string, string>; values?: Record<string, string>; publication?: TPublicationInfo | undefined; publicationForm?: { values?: Record<string, string>; fields?: Record<string, string>; error?: string } }) {
  const { t, locale, d } = p;
  const a = d.assessment;
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={d} current={assessmentPaths(a.id).overview} />
      <p>{t(`state.${a.state}.explain`)}</p>
      <Pairs
        pairs={[
          [t('asm.instrument_version'), <a href={paths.instrument(d.instrument.key, d.instrument.version)}>
              <Bdi>{`METEP ${d.instrument.version}`}</Bdi>
            </a>],
          a.target_index !== null && [t('asm.target_label'), num(locale, a.target_index, 2)],
          a.deadline && [t('asm.deadline'), <Bdi>{date(locale, a.deadline, 'long')}</Bdi>],
          d.participants && [
            t('asm.respondents'),
            t('asm.respondents_summary', {
              total: d.participants.filter((x) => x.role === 'respondent').length,
              submitted: d.participants.filter((x) => x.role === 'respondent' && x.status === 'submitted').length,
            }),
          ],
        ]}
      />
      {d.may('assessment.update') && isEditable(a.state) && (
        <p>
          <a href={assessmentPaths(a.id).settings}>{t('edit.settings_link')}</a>
        </p>
      )}
      {d.may('answers.write_own') && a.state === 'collecting' && (
        <p>
          <a class="button" href={assessmentPaths(a.id).answer}>{t('asm.go_answer')}</a>
        </p>
      )}
      {p.publication && <PublicationCard t={t} locale={locale} id={a.id} publication={p.publication} canChange={d.may('assessment.change_state')} {...(p.publicationForm ?? {})} />}
      {d.may('assessment.change_state') && (
        <section aria-labelledby="state-h" class="card">
          <h2 id="state-h">{t('asm.state_title')}</h2>
          <ErrorSummary message={p.error} />
          {TRANSITIONS[a.state].map((s) =>
            // Validating needs the checks of the validation page first.
            s.to === 'validated' && !s.back ? (
              <p>
                <a class="button" href={assessmentPaths(a.id).validation}>{t('val.go')}</a>
              </p>
            ) : (
            <form method="post" action={assessmentPaths(a.id).state} class="state-form">
              <input type="hidden" name="to" value={s.to} />
              {s.back && <Field name="reason" label={t('asm.reason')} error={p.fields?.reason} required />}
              {s.to === 'published' && <PublishFields t={t} values={p.values} fields={p.fields} />}
              {s.to === 'consolidating' && !s.back && d.participants && <CloseCollectionNote t={t} participants={d.participants} />}
              <button type="submit" class={s.back ? 'secondary' : undefined}>{t(s.back ? `state.back.${s.to}` : `state.to.${s.to}`)}</button>
            </form>
            ),
          )}
        </section>
      )}
    </>
  );
}

/** Before collection closes: how many questionnaires are not submitted, and that their saved answers count. */
function CloseCollectionNote(p: { t: TFn; participants: readonly { role: string; status: string }[] }) {
  const respondents = p.participants.filter((x) => x.role === 'respondent');
  const open = respondents.filter((x) => x.status !== 'submitted').length;
  if (open === 0) return null;
  return <p class="warning">{p.t('asm.close_open_note', { open, total: respondents.length })}</p>;
}
