// Pages of the participants area: the coordinator's dashboard (people, organisations, invitations,
// reminders; its tables in tables.tsx, its forms in forms.tsx) and the page an invitation link opens.
import type { TDashboard } from '../../domain/assessments/get-dashboard.ts';
import type { TInviteResult } from '../../domain/participants/invite-schema.ts';
import type { TCsvRowReport } from '../../domain/participants/import-invitations-csv.ts';
import { type TFn, type TLocale } from '../../i18n/index.ts';
import type { TRendered } from '../../i18n/mail.ts';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { Msg } from '../kit/bidi.tsx';
import { ErrorSummary, Field } from '../kit/forms.tsx';
import { assessmentPaths, paths } from '../paths.ts';
import { CsvCard, InviteCard, OrganisationsCard, RemindersCard, type TFormState } from './forms.tsx';
import { InvitationsTable, ParticipantsTable } from './tables.tsx';

/** The coordinator's dashboard. */
export function DashboardPage(p: { t: TFn; locale: TLocale; d: TDashboard; mailEnabled: boolean; reminder: string; created?: TInviteResult | undefined; message?: TRendered | undefined; csvReport?: TCsvRowReport[] | undefined } & TFormState) {
  const { t, locale, d } = p;
  const a = d.assessment;
  // One error summary per page: it belongs to the organisation form when that form's fields failed.
  const orgError = Boolean(p.fields?.orgName || p.fields?.orgGroup);
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={d} current={assessmentPaths(a.id).participants} />
      <h2>{t('asm.participants')}</h2>
      <ParticipantsTable t={t} locale={locale} d={d} />
      <p>
        <a href={assessmentPaths(a.id).participantsCsv} download>{t('asm.export_csv')}</a>
      </p>
      {d.may('participants.manage') && (
        <>
          <RemindersCard t={t} d={d} reminder={p.reminder} mailEnabled={p.mailEnabled} />
          <OrganisationsCard t={t} d={d} values={p.values} fields={p.fields} error={orgError ? p.error : undefined} />
          <InviteCard t={t} locale={locale} d={d} mailEnabled={p.mailEnabled} created={p.created} message={p.message} values={p.values} fields={p.fields} error={orgError ? undefined : p.error} />
          <CsvCard t={t} locale={locale} d={d} report={p.csvReport} />
          <section aria-labelledby="inv-h">
            <h2 id="inv-h">{t('asm.invitations')}</h2>
            <InvitationsTable t={t} locale={locale} d={d} />
          </section>
        </>
      )}
    </>
  );
}

/** The page an invitation link opens. */
export function JoinPage(p: { t: TFn; locale: TLocale; token: string; name: string; email: string | null; country: string; year: number; role: string; signedInAs?: string | undefined; minLength: number; values?: Record<string, string>; error?: string | undefined; fields?: Record<string, string> }) {
  const { t } = p;
  return (
    <>
      <h1>{t('join.title', { country: p.country, year: p.year })}</h1>
      <p>{t('join.intro', { role: t(`role.${p.role}`) })}</p>
      <ErrorSummary message={p.error} />
      {p.signedInAs ? (
        <form method="post" action={paths.join(p.token)}>
          <p><Msg t={t} k="join.signed_in" values={{ name: p.signedInAs }} /></p>
          <button type="submit">{t('join.accept')}</button>
        </form>
      ) : (
        <>
          <form method="post" action={paths.join(p.token)} novalidate>
            <Field name="name" label={t('field.name')} value={p.values?.name ?? p.name} error={p.fields?.name} required autocomplete="name" />
            {p.email ? <p><Msg t={t} k="join.email_is" values={{ email: p.email }} ltr={['email']} /></p> : <Field name="email" type="email" label={t('field.email')} value={p.values?.email} error={p.fields?.email} required autocomplete="username" />}
            <Field name="password" type="password" label={t('field.new_password')} hint={t('field.password_hint', { min: p.minLength })} error={p.fields?.password} required autocomplete="new-password" />
            <button type="submit">{t('join.create')}</button>
          </form>
          <p>
            <a href={paths.signIn(paths.join(p.token))}>{t('join.have_account')}</a>
          </p>
        </>
      )}
    </>
  );
}
