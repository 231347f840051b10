// Assessment pages: list and creation, overview with state changes, and the coordinator's dashboard
// (organisations, invitations, participants' progress, reminders, exports).
import type { TDashboard } from '../../domain/dashboard.ts';
import { TRANSITIONS } from '../../domain/change-assessment-state.ts';
import { countryName, countryOptions } from '../../domain/countries.ts';
import type { TInviteResult, TCsvRowReport } from '../../domain/invitations.ts';
import { GOVERNMENT_GROUPS, GROUPS, NON_GOVERNMENT_GROUPS } from '../../domain/groups.ts';
import { ROLES } from '../../domain/policies.ts';
import { formatDateTime, formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { ErrorSummary, Field, TableWrap } from './forms.tsx';

type Row = { id: string; country: string; scope: string | null; cycle_year: number; state: string; deadline: string | null; role: string | null };

/** The assessments a person belongs to, and (for coordinators) the create form. */
export function AssessmentListPage(p: { t: TFn; locale: TLocale; rows: Row[]; canCreate: boolean; values?: Record<string, string>; error?: string; fields?: Record<string, string>; versions: string[] }) {
  const { t, locale } = p;
  return (
    <>
      <h1>{t('asm.list_title')}</h1>
      {p.rows.length === 0 ? (
        <p>{t('asm.none')}</p>
      ) : (
        <ul class="cards">
          {p.rows.map((r) => (
            <li class="card">
              <h2>
                <a href={`/assessments/${r.id}`}>{`${countryName(locale, r.country)}${r.scope ? ` — ${r.scope}` : ''} · ${r.cycle_year}`}</a>
              </h2>
              <p>
                <span class={`badge state-${r.state}`}>{t(`state.${r.state}`)}</span> {r.role && <span class="badge">{t(`role.${r.role}`)}</span>}{' '}
                {r.deadline && t('asm.deadline_on', { date: formatDateTime(locale, `${r.deadline}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' }) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {p.canCreate && (
        <section aria-labelledby="new-asm">
          <h2 id="new-asm">{t('asm.create_title')}</h2>
          <ErrorSummary message={p.error} />
          <form method="post" action="/assessments" novalidate>
            <div class={p.fields?.country ? 'field has-error' : 'field'}>
              <label for="f-country">{t('asm.country')}</label>
              {p.fields?.country && <p class="error" id="f-country-err">{p.fields.country}</p>}
              <select id="f-country" name="country" required aria-describedby={p.fields?.country ? 'f-country-err' : undefined}>
                <option value="">{t('asm.choose')}</option>
                {countryOptions(locale).map(([code, name]) => (
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
                  <option value={v} selected={p.values?.instrumentVersion === v}>{`METEP ${v}`}</option>
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

function Progress(p: { t: TFn; locale: TLocale; answered: number; total: number; label: string }) {
  const pct = p.total ? Math.round((p.answered / p.total) * 100) : 0;
  return (
    <span class="progress">
      <progress max={p.total} value={p.answered} aria-label={p.label}>{`${pct}%`}</progress> {formatNumber(p.locale, p.answered)}/{formatNumber(p.locale, p.total)}
    </span>
  );
}

/** Header shared by assessment pages: country, cycle, state and the links this person may use. */
export function AssessmentHeader(p: { t: TFn; locale: TLocale; d: Pick<TDashboard, 'assessment' | 'role' | 'may'>; current: string }) {
  const { t, locale, d } = p;
  const a = d.assessment;
  const links: [string, string][] = [[`/assessments/${a.id}`, t('asm.overview')]];
  if (d.may('answers.write_own')) links.push([`/assessments/${a.id}/answer`, t('asm.my_questionnaire')]);
  if (d.may('participants.read')) links.push([`/assessments/${a.id}/participants`, t('asm.participants')]);
  if (d.may('workshop.run')) links.push([`/assessments/${a.id}/workshop`, t('ws.title')]);
  if (d.may('room.view')) links.push([`/assessments/${a.id}/room`, t('room.tab')]);
  if (d.may('poll.vote') && !d.may('workshop.run')) links.push([`/assessments/${a.id}/poll`, t('poll.title')]);
  if (d.may('assessment.change_state') && ['consolidating', 'validated'].includes(a.state)) links.push([`/assessments/${a.id}/validation`, t('val.title')]);
  if (d.may('results.read')) links.push([`/assessments/${a.id}/results`, t('res.title')]);
  return (
    <>
      <h1>{`${countryName(locale, a.country)}${a.scope ? ` — ${a.scope}` : ''} · ${a.cycle_year}`}</h1>
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

/** The overview: what state the assessment is in and what happens next. */
export function AssessmentOverviewPage(p: { t: TFn; locale: TLocale; d: TDashboard | (Pick<TDashboard, 'assessment' | 'role' | 'may' | 'instrument'> & { participants?: undefined }); error?: string; fields?: Record<string, string> }) {
  const { t, locale, d } = p;
  const a = d.assessment;
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={d} current={`/assessments/${a.id}`} />
      <p>{t(`state.${a.state}.explain`)}</p>
      <dl class="pairs">
        <dt>{t('asm.instrument_version')}</dt>
        <dd>
          <a href={`/instruments/${d.instrument.key}/${d.instrument.version}`}>{`METEP ${d.instrument.version}`}</a>
        </dd>
        {a.target_index !== null && (
          <>
            <dt>{t('asm.target_index')}</dt>
            <dd>{formatNumber(locale, a.target_index, { maximumFractionDigits: 2 })}</dd>
          </>
        )}
        {a.deadline && (
          <>
            <dt>{t('asm.deadline')}</dt>
            <dd>{formatDateTime(locale, `${a.deadline}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' })}</dd>
          </>
        )}
        {d.participants && (
          <>
            <dt>{t('asm.respondents')}</dt>
            <dd>
              {t('asm.respondents_summary', {
                total: d.participants.filter((x) => x.role === 'respondent').length,
                submitted: d.participants.filter((x) => x.role === 'respondent' && x.status === 'submitted').length,
              })}
            </dd>
          </>
        )}
      </dl>
      {d.may('answers.write_own') && a.state === 'collecting' && (
        <p>
          <a class="button" href={`/assessments/${a.id}/answer`}>{t('asm.go_answer')}</a>
        </p>
      )}
      {d.may('assessment.change_state') && (
        <section aria-labelledby="state-h" class="card">
          <h2 id="state-h">{t('asm.state_title')}</h2>
          <ErrorSummary message={p.error} />
          {TRANSITIONS[a.state].map((s) =>
            // Validating needs the checks of the validation page first.
            s.to === 'validated' && !s.back ? (
              <p>
                <a class="button" href={`/assessments/${a.id}/validation`}>{t('val.go')}</a>
              </p>
            ) : (
            <form method="post" action={`/assessments/${a.id}/state`} class="state-form">
              <input type="hidden" name="to" value={s.to} />
              {s.back && <Field name="reason" label={t('asm.reason')} error={p.fields?.reason} required />}
              <button type="submit" class={s.back ? 'secondary' : undefined}>{t(`state.to.${s.to}`)}</button>
            </form>
            ),
          )}
        </section>
      )}
    </>
  );
}

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
  const pillars = d.instrument.parts.flatMap((x) => x.pillars.map((pl) => pl.id));
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={d} current={`/assessments/${a.id}/participants`} />
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
        <a href={`/assessments/${a.id}/participants.csv`} download>{t('asm.export_csv')}</a>
      </p>
      {manage && (
        <>
          <section aria-labelledby="remind-h" class="card">
            <h2 id="remind-h">{t('asm.reminders')}</h2>
            <label for="reminder-text">{t('asm.reminder_copy')}</label>
            <textarea id="reminder-text" class="copy" readonly rows={5}>{p.reminder}</textarea>
            {p.mailEnabled && (
              <form method="post" action={`/assessments/${a.id}/remind`}>
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
            <form method="post" action={`/assessments/${a.id}/organisations`} novalidate>
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
            <form method="post" action={`/assessments/${a.id}/invitations`} novalidate>
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
              <button type="submit">{t('asm.invite_submit')}</button>
            </form>
          </section>
          <section aria-labelledby="csv-h" class="card">
            <h2 id="csv-h">{t('asm.csv_title')}</h2>
            <p class="hint">{t('asm.csv_hint', { groups: GROUPS.join(', '), roles: ROLES.join(', ') })}</p>
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
                                <li>{`${f === '_' ? '' : `${t(`csvcol.${f}`)}: `}${t(k, { min: 0, max: 1000 })}`}</li>
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
            <form method="post" action={`/assessments/${a.id}/invitations/csv`} enctype="multipart/form-data">
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
                        {i.state !== 'accepted' && (
                          <form method="post" action={`/assessments/${a.id}/invitations/${i.id}/resend`} class="inline">
                            <button type="submit" class="secondary" aria-label={t('asm.resend_for', { name: i.name })}>{t('asm.resend')}</button>
                          </form>
                        )}{' '}
                        {i.state === 'pending' && (
                          <form method="post" action={`/assessments/${a.id}/invitations/${i.id}/revoke`} class="inline">
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
        <form method="post" action={`/join/${p.token}`}>
          <p>{t('join.signed_in', { name: p.signedInAs })}</p>
          <button type="submit">{t('join.accept')}</button>
        </form>
      ) : (
        <>
          <form method="post" action={`/join/${p.token}`} novalidate>
            <Field name="name" label={t('field.name')} value={p.values?.name ?? p.name} error={p.fields?.name} required autocomplete="name" />
            {p.email ? <p>{t('join.email_is', { email: p.email })}</p> : <Field name="email" type="email" label={t('field.email')} value={p.values?.email} error={p.fields?.email} required autocomplete="username" />}
            <Field name="password" type="password" label={t('field.new_password')} hint={t('field.password_hint', { min: p.minLength })} error={p.fields?.password} required autocomplete="new-password" />
            <button type="submit">{t('join.create')}</button>
          </form>
          <p>
            <a href={`/sign-in?next=${encodeURIComponent(`/join/${p.token}`)}`}>{t('join.have_account')}</a>
          </p>
        </>
      )}
    </>
  );
}
