// Pages of the participants area: the coordinator's dashboard (organisations, invitations, progress) and the
// page an invitation link opens.
import type { TDashboard } from '../../domain/assessments/get-dashboard.ts';
import type { TInviteResult } from '../../domain/participants/invite-schema.ts';
import type { TCsvRowReport } from '../../domain/participants/import-invitations-csv.ts';
import { GOVERNMENT_GROUPS, GROUPS, NON_GOVERNMENT_GROUPS } from '../../domain/kernel/groups.ts';
import { ROLES } from '../../domain/kernel/policies.ts';
import { ENDONYM, formatDateTime, LOCALES, type TFn, type TLocale } from '../../i18n/index.ts';
import { ErrorSummary, Field } from '../kit/forms.tsx';
import { TableWrap } from '../kit/table.tsx';
import { Progress } from '../kit/progress.tsx';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { assessmentPaths, paths } from '../paths.ts';
import { allPillars } from '../../instrument/model.ts';

function GroupSelect(p: { t: TFn; id: string; name: string; value?: string | undefined; error?: string | undefined }) {
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

/** The coordinator's dashboard. */
export function DashboardPage(p: {
  t: TFn;
  locale: TLocale;
  d: TDashboard;
  mailEnabled: boolean;
  reminder: string;
  created?: TInviteResult | undefined;
  csvReport?: TCsvRowReport[] | undefined;
  values?: Record<string, string>;
  error?: string | undefined;
  fields?: Record<string, string>;
}) {
  const { t, locale, d } = p;
  const a = d.assessment;
  const manage = d.may('participants.manage');
  const orgError = Boolean(p.fields?.orgName || p.fields?.orgGroup);
  const pillars = allPillars(d.instrument).map((pl) => pl.id);
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={d} current={assessmentPaths(a.id).participants} />
      <h2>{t('asm.participants')}</h2>
      <TableWrap t={t}>
        <table>
          <caption class="muted">{t('asm.participants_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field.name')}</th>
              <th scope="col">{t('asm.organisation')}</th>
              <th scope="col">{t('asm.status')}</th>
              <th scope="col">{t('asm.progress')}</th>
              {pillars.map((x) => (
                <th scope="col" class="num">{x}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {d.participants.map((x) => (
              <tr>
                <td>
                  {x.name}
                  <br />
                  <span class="muted">{t(`role.${x.role}`)}</span>
                </td>
                <td>
                  {x.organisation ?? '—'}
                  {x.groupCode && (
                    <>
                      <br />
                      <span class="muted">{t(`group.${x.groupCode}`)}</span>
                    </>
                  )}
                </td>
                <td>{t(`pstatus.${x.role === 'respondent' ? x.status : 'joined'}`)}</td>
                <td>{x.role === 'respondent' ? <Progress t={t} locale={locale} answered={x.answered} total={x.total} label={t('asm.progress_of', { name: x.name })} /> : '—'}</td>
                {x.perPillar.map((pp) => (
                  <td class="num">{x.role === 'respondent' ? `${pp.answered}/${pp.total}` : ''}</td>
                ))}
              </tr>
            ))}
            {d.invitations
              .filter((i) => i.state === 'pending' || i.state === 'expired')
              .map((i) => (
                <tr>
                  <td>
                    {i.name}
                    <br />
                    <span class="muted">{t(`role.${i.role}`)}</span>
                  </td>
                  <td>{i.organisation ?? '—'}</td>
                  <td>{t(`istate.${i.state}`)}</td>
                  <td>—</td>
                  {pillars.map(() => (
                    <td></td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      </TableWrap>
      <p>
        <a href={assessmentPaths(a.id).participantsCsv} download>{t('asm.export_csv')}</a>
      </p>
      {manage && (
        <>
          <section aria-labelledby="remind-h" class="card">
            <h2 id="remind-h">{t('asm.reminders')}</h2>
            <label for="reminder-text">{t('asm.reminder_copy')}</label>
            <textarea id="reminder-text" class="copy" readonly rows={5}>{p.reminder}</textarea>
            {p.mailEnabled && (
              <form method="post" action={assessmentPaths(a.id).remind}>
                <button type="submit">{t('asm.remind_email')}</button>
              </form>
            )}
          </section>
          <section aria-labelledby="org-h" class="card">
            <h2 id="org-h">{t('asm.organisations')}</h2>
            <ErrorSummary message={orgError ? p.error : undefined} />
            {d.organisations.length > 0 && (
              <ul>
                {d.organisations.map((o) => (
                  <li>
                    {o.name} — <span class="muted">{t(`group.${o.group_code}`)}</span> ({t('asm.org_people', { count: d.participants.filter((x) => x.organisation === o.name).length })})
                  </li>
                ))}
              </ul>
            )}
            <form method="post" action={assessmentPaths(a.id).organisations} novalidate>
              <Field name="orgName" label={t('asm.organisation')} value={p.values?.orgName} error={p.fields?.orgName} />
              <GroupSelect t={t} id="f-org-group" name="orgGroup" value={p.values?.orgGroup} error={p.fields?.orgGroup} />
              <button type="submit" class="secondary">{t('asm.add_org')}</button>
            </form>
          </section>
          <section aria-labelledby="invite-h" class="card">
            <h2 id="invite-h">{t('asm.invite_title')}</h2>
            {p.created && (
              <div class="flash" role="status">
                <p>{p.created.emailed ? t('asm.invite_emailed') : t('asm.invite_copy')}</p>
                <p class="copy" id="invite-link">{p.created.url}</p>
                {p.created.mailError && <p class="error">{t('asm.mail_failed')}</p>}
              </div>
            )}
            <ErrorSummary message={orgError ? undefined : p.error} />
            <form method="post" action={assessmentPaths(a.id).invitations} novalidate>
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
          <section aria-labelledby="csv-h" class="card">
            <h2 id="csv-h">{t('asm.csv_title')}</h2>
            <p class="hint">{t('asm.csv_hint', { groups: GROUPS.join(', '), roles: ROLES.join(', ') })}</p>
            <p class="hint">{t('asm.csv_language_hint')}</p>
            {p.csvReport && (
              <TableWrap t={t} live>
                <table>
                  <caption>{t('asm.csv_report', { ok: p.csvReport.filter((r) => r.ok).length, failed: p.csvReport.filter((r) => !r.ok).length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('asm.csv_line')}</th>
                      <th scope="col">{t('field.name')}</th>
                      <th scope="col">{t('asm.csv_result')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.csvReport.map((r) => (
                      <tr>
                        <td class="num">{r.line}</td>
                        <td>{r.name}</td>
                        <td>
                          {r.ok ? (
                            <span class="copy">{r.result?.url}</span>
                          ) : (
                            <ul class="error">
                              {Object.entries(r.errors).map(([f, k]) => (
                                <li>{`${f === '_' ? '' : `${t(`csvcol.${f}`)}: `}${t(k, { min: 0, max: 1000, ...r.params })}`}</li>
                              ))}
                            </ul>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )}
            <form method="post" action={assessmentPaths(a.id).invitationsCsv} enctype="multipart/form-data">
              <div class="field">
                <label for="f-csv">{t('asm.csv_file')}</label>
                <input id="f-csv" type="file" name="file" accept=".csv,text/csv" required />
              </div>
              <button type="submit">{t('asm.csv_submit')}</button>
            </form>
          </section>
          <section aria-labelledby="inv-h">
            <h2 id="inv-h">{t('asm.invitations')}</h2>
            <TableWrap t={t}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('field.name')}</th>
                    <th scope="col">{t('field.email')}</th>
                    <th scope="col">{t('asm.status')}</th>
                    <th scope="col">{t('users.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.invitations.map((i) => (
                    <tr>
                      <td>{i.name}</td>
                      <td dir="ltr">{i.email ?? '—'}</td>
                      <td>
                        {t(`istate.${i.state}`)}
                        {i.sent_at && (
                          <>
                            <br />
                            <span class="muted">{t('asm.emailed_at', { at: formatDateTime(locale, i.sent_at) })}</span>
                          </>
                        )}
                      </td>
                      <td>
                        {(i.state === 'pending' || i.state === 'expired') && (
                          <form method="post" action={assessmentPaths(a.id).resendInvitation(i.id)} class="inline">
                            <button type="submit" class="secondary" aria-label={t('asm.resend_for', { name: i.name })}>{t('asm.resend')}</button>
                          </form>
                        )}{' '}
                        {i.state === 'pending' && (
                          <form method="post" action={assessmentPaths(a.id).revokeInvitation(i.id)} class="inline">
                            <button type="submit" class="secondary" aria-label={t('asm.revoke_for', { name: i.name })}>{t('asm.revoke')}</button>
                          </form>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
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
          <p>{t('join.signed_in', { name: p.signedInAs })}</p>
          <button type="submit">{t('join.accept')}</button>
        </form>
      ) : (
        <>
          <form method="post" action={paths.join(p.token)} novalidate>
            <Field name="name" label={t('field.name')} value={p.values?.name ?? p.name} error={p.fields?.name} required autocomplete="name" />
            {p.email ? <p>{t('join.email_is', { email: p.email })}</p> : <Field name="email" type="email" label={t('field.email')} value={p.values?.email} error={p.fields?.email} required autocomplete="username" />}
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
