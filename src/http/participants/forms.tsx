// The coordinator's forms on the dashboard: the reminder to copy or mail, organisations with their stakeholder
// group, one invitation, and invitations from a CSV file.
import type { TDashboard } from '../../domain/assessments/get-dashboard.ts';
import type { TInviteResult } from '../../domain/participants/invite-schema.ts';
import type { TCsvRowReport } from '../../domain/participants/import-invitations-csv.ts';
import { GOVERNMENT_GROUPS, GROUPS, NON_GOVERNMENT_GROUPS } from '../../domain/kernel/groups.ts';
import { ROLES } from '../../domain/kernel/policies.ts';
import { ENDONYM, isLocale, LOCALES, type TFn, type TLocale } from '../../i18n/index.ts';
import type { TRendered } from '../../i18n/mail.ts';
import { Bdi, isolate, Ltr } from '../kit/bidi.tsx';
import { copyAttrs } from '../kit/copy.ts';
import { Pairs } from '../kit/dl.tsx';
import { ErrorSummary, Field } from '../kit/forms.tsx';
import { assessmentPaths } from '../paths.ts';
import { CsvReport } from './tables.tsx';

/** What a refused post sends back to its form: what was typed, the summary and the field errors. */
export interface TFormState {
  values?: Record<string, string> | undefined;
  error?: string | undefined;
  fields?: Record<string, string> | undefined;
}

/** A stakeholder group picker, government and non-government groups apart. */
export function GroupSelect(p: { t: TFn; id: string; name: string; value?: string | undefined; error?: string | undefined }) {
  const { t } = p;
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={p.id}>{t('asm.group')}</label>
      {p.error && <p class="error" id={`${p.id}-err`}>{p.error}</p>}
      <select id={p.id} name={p.name} aria-describedby={p.error ? `${p.id}-err` : undefined}>
        <option value="">{t('asm.choose')}</option>
        <optgroup label={t('group.government')}>
          {GOVERNMENT_GROUPS.map((g) => (
            <option value={g} selected={p.value === g}>{t(`group.${g}`)}</option>
          ))}
        </optgroup>
        <optgroup label={t('group.non_government')}>
          {NON_GOVERNMENT_GROUPS.map((g) => (
            <option value={g} selected={p.value === g}>{t(`group.${g}`)}</option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}

/** The reminder text to copy into a messenger, and the button to mail it when mail is set up. */
export function RemindersCard(p: { t: TFn; d: TDashboard; reminder: string; mailEnabled: boolean }) {
  const { t } = p;
  return (
    <section aria-labelledby="remind-h" class="card">
      <h2 id="remind-h">{t('asm.reminders')}</h2>
      <label for="reminder-text">{t('asm.reminder_copy')}</label>
      <textarea id="reminder-text" class="copy" readonly rows={5} dir="auto">{p.reminder}</textarea>
      {p.mailEnabled && (
        <form method="post" action={assessmentPaths(p.d.assessment.id).remind}>
          <button type="submit">{t('asm.remind_email')}</button>
        </form>
      )}
    </section>
  );
}

/** The organisations with their group and number of people, and the form to add one. */
export function OrganisationsCard(p: { t: TFn; d: TDashboard } & TFormState) {
  const { t, d } = p;
  return (
    <section aria-labelledby="org-h" class="card">
      <h2 id="org-h">{t('asm.organisations')}</h2>
      <ErrorSummary message={p.error} />
      {d.organisations.length > 0 && (
        <ul>
          {d.organisations.map((o) => (
            // The name opens the organisation's page: rename, change its group, remove it once empty.
            <li>
              <a href={assessmentPaths(d.assessment.id).organisation(o.id)}>
                <Bdi>{o.name}</Bdi>
              </a>{' '}
              — <span class="muted">{t(`group.${o.group_code}`)}</span> ({t('asm.org_people', { count: d.participants.filter((x) => x.organisation === o.name).length })})
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={assessmentPaths(d.assessment.id).organisations} novalidate>
        <Field name="orgName" label={t('asm.organisation')} value={p.values?.orgName} error={p.fields?.orgName} />
        <GroupSelect t={t} id="f-org-group" name="orgGroup" value={p.values?.orgGroup} error={p.fields?.orgGroup} />
        <button type="submit" class="secondary">{t('asm.add_org')}</button>
      </form>
    </section>
  );
}

/** Whose link was just made: the person's name, e-mail, organisation, role and language. */
function Invitee(p: { t: TFn; inv: TDashboard['invitations'][number] }) {
  const { t, inv } = p;
  return (
    <Pairs
      pairs={[
        [t('field.name'), <Bdi>{inv.name}</Bdi>],
        inv.email && [t('field.email'), <Ltr>{inv.email}</Ltr>],
        inv.organisation && [t('asm.organisation'), <Bdi>{inv.organisation}</Bdi>],
        [t('asm.role'), t(`role.${inv.role}`)],
        isLocale(inv.locale) && [t('asm.invite_language'), <span lang={inv.locale}>{ENDONYM[inv.locale]}</span>],
      ]}
    />
  );
}

/** A link just made (new or fresh): whose it is, the link and a ready message in the invitee's language, each with a copy button. */
function CreatedLink(p: { t: TFn; d: TDashboard; created: TInviteResult; message?: TRendered | undefined }) {
  const { t, created } = p;
  const inv = p.d.invitations.find((i) => i.id === created.id);
  const lang = inv && isLocale(inv.locale) ? inv.locale : undefined;
  return (
    // The invitation forms post to "…#invite-created", so the answer opens here rather than at the top.
    <div class="flash" role="status" id="invite-created">
      <p>{created.emailed ? t('asm.invite_emailed') : t('asm.invite_copy')}</p>
      {inv && <Invitee t={t} inv={inv} />}
      <p {...copyAttrs(t)} class="copy" dir="ltr" id="invite-link">{created.url}</p>
      {created.mailError && <p class="error">{t('asm.mail_failed')}</p>}
      {p.message && (
        <>
          <label for="invite-message">{t('asm.invite_message')}</label>
          <textarea id="invite-message" class="copy" readonly rows={8} lang={lang} dir="auto" {...copyAttrs(t)}>{`${p.message.subject}\n\n${p.message.text}`}</textarea>
        </>
      )}
    </div>
  );
}

/** The form to invite one person, with the link to copy once it is made. */
export function InviteCard(p: { t: TFn; locale: TLocale; d: TDashboard; mailEnabled: boolean; created?: TInviteResult | undefined; message?: TRendered | undefined } & TFormState) {
  const { t } = p;
  return (
    <section aria-labelledby="invite-h" class="card">
      <h2 id="invite-h">{t('asm.invite_title')}</h2>
      {p.created && <CreatedLink t={t} d={p.d} created={p.created} message={p.message} />}
      <ErrorSummary message={p.error} />
      <form method="post" action={`${assessmentPaths(p.d.assessment.id).invitations}#invite-created`} novalidate>
        <Field name="name" label={t('field.name')} value={p.values?.name} error={p.fields?.name} required />
        <Field name="email" type="email" label={t('asm.email_optional')} hint={p.mailEnabled ? t('asm.email_hint') : t('asm.email_hint_nomail')} value={p.values?.email} error={p.fields?.email} />
        <Field name="organisation" label={t('asm.organisation')} value={p.values?.organisation} error={p.fields?.organisation} />
        <GroupSelect t={t} id="f-group" name="group" value={p.values?.group} error={p.fields?.group} />
        <div class="field">
          <label for="f-role">{t('asm.role')}</label>
          <select id="f-role" name="role">
            {ROLES.map((r) => (
              <option value={r} selected={(p.values?.role ?? 'respondent') === r}>{t(`role.${r}`)}</option>
            ))}
          </select>
        </div>
        <div class={p.fields?.locale ? 'field has-error' : 'field'}>
          <label for="f-locale">{t('asm.invite_language')}</label>
          <p class="hint" id="f-locale-hint">{t('asm.invite_language_hint')}</p>
          {p.fields?.locale && <p class="error" id="f-locale-err">{p.fields.locale}</p>}
          <select id="f-locale" name="locale" aria-describedby={p.fields?.locale ? 'f-locale-hint f-locale-err' : 'f-locale-hint'}>
            {LOCALES.map((l) => (
              <option value={l} lang={l} selected={(p.values?.locale ?? p.locale) === l}>{ENDONYM[l]}</option>
            ))}
          </select>
        </div>
        <button type="submit">{t('asm.invite_submit')}</button>
      </form>
    </section>
  );
}

/** Invitations from a CSV file, with the report of the last import. */
export function CsvCard(p: { t: TFn; locale: TLocale; d: TDashboard; report?: TCsvRowReport[] | undefined }) {
  const { t } = p;
  return (
    <section aria-labelledby="csv-h" class="card">
      <h2 id="csv-h">{t('asm.csv_title')}</h2>
      <p class="hint">{t('asm.csv_hint', { groups: isolate(GROUPS.join(', ')), roles: isolate(ROLES.join(', ')) })}</p>
      <p class="hint">{t('asm.csv_language_hint')}</p>
      {p.report && <CsvReport t={t} locale={p.locale} report={p.report} />}
      <form method="post" action={assessmentPaths(p.d.assessment.id).invitationsCsv} enctype="multipart/form-data">
        <div class="field">
          <label for="f-csv">{t('asm.csv_file')}</label>
          <input id="f-csv" type="file" name="file" accept=".csv,text/csv" required />
        </div>
        <button type="submit">{t('asm.csv_submit')}</button>
      </form>
      <p>
        <a href={assessmentPaths(p.d.assessment.id).fieldImport}>{t('field_import.link')}</a>
      </p>
    </section>
  );
}
