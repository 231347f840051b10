// Pages of the accounts area: sign-in, first-run setup, password reset, and the administrator's accounts list.
import type { TUserSummary } from '../../domain/accounts/list-users.ts';
import { type TFn, type TLocale } from '../../i18n/index.ts';
import { Bdi, Msg, Ltr } from '../kit/bidi.tsx';
import { ErrorSummary, Field } from '../kit/forms.tsx';
import { date, dateTime } from '../kit/format.ts';
import { copyAttrs } from '../kit/copy.ts';
import { DataTable } from '../kit/table.tsx';
import { paths } from '../paths.ts';

/** The sign-in form. */
export function SignInPage(p: { t: TFn; email?: string; next?: string; error?: string; fields?: Record<string, string> }) {
  const { t } = p;
  return (
    <>
      <h1>{t('signin.title')}</h1>
      <ErrorSummary message={p.error} />
      <form method="post" action={paths.signIn()} novalidate>
        {p.next && <input type="hidden" name="next" value={p.next} />}
        <Field name="email" type="email" label={t('field.email')} value={p.email} error={p.fields?.email} required autocomplete="username" />
        <Field name="password" type="password" label={t('field.password')} error={p.fields?.password} required autocomplete="current-password" />
        <button type="submit">{t('signin.submit')}</button>
      </form>
      <p>
        <a href={paths.forgotPassword}>{t('forgot.title')}</a>
      </p>
    </>
  );
}

/** "Forgot your password?": the address form (or, after it, the same answer for every address); without mail, whom to ask. */
export function ForgotPage(p: { t: TFn; mailEnabled: boolean; hours: number; sent?: boolean; email?: string | undefined; error?: string; fields?: Record<string, string> }) {
  const { t } = p;
  return (
    <>
      <h1>{t('forgot.title')}</h1>
      {!p.mailEnabled ? (
        <p>{t('forgot.no_mail')}</p>
      ) : p.sent ? (
        <p class="flash" role="status">{t('forgot.sent')}</p>
      ) : (
        <>
          <p>{t('forgot.intro', { hours: p.hours })}</p>
          <ErrorSummary message={p.error} />
          <form method="post" action={paths.forgotPassword} novalidate>
            <Field name="email" type="email" label={t('field.email')} value={p.email} error={p.fields?.email} required autocomplete="username" />
            <button type="submit">{t('forgot.submit')}</button>
          </form>
        </>
      )}
      <p>
        <a href={paths.signIn()}>{t('forgot.back')}</a>
      </p>
    </>
  );
}

/** The first-administrator form reached through the setup link. */
export function SetupPage(p: { t: TFn; token: string; minLength: number; values?: Record<string, string>; error?: string; fields?: Record<string, string> }) {
  const { t } = p;
  return (
    <>
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <ErrorSummary message={p.error} />
      <form method="post" action={paths.setup(p.token)} novalidate>
        <Field name="name" label={t('field.name')} value={p.values?.name} error={p.fields?.name} required autocomplete="name" />
        <Field name="email" type="email" label={t('field.email')} value={p.values?.email} error={p.fields?.email} required autocomplete="username" />
        <Field name="password" type="password" label={t('field.new_password')} hint={t('field.password_hint', { min: p.minLength })} error={p.fields?.password} required autocomplete="new-password" minlength={p.minLength} />
        <button type="submit">{t('setup.submit')}</button>
      </form>
    </>
  );
}

/** The choose-a-new-password form reached through a reset link. */
export function ResetPage(p: { t: TFn; token: string; minLength: number; error?: string; fields?: Record<string, string> }) {
  const { t } = p;
  return (
    <>
      <h1>{t('reset.title')}</h1>
      <ErrorSummary message={p.error} />
      <form method="post" action={paths.reset(p.token)} novalidate>
        <Field name="password" type="password" label={t('field.new_password')} hint={t('field.password_hint', { min: p.minLength })} error={p.fields?.password} required autocomplete="new-password" minlength={p.minLength} />
        <Field name="confirm" type="password" label={t('field.confirm_password')} error={p.fields?.confirm} required autocomplete="new-password" />
        <button type="submit">{t('reset.submit')}</button>
      </form>
    </>
  );
}

/** The administrator's list of accounts, with the create form and reset-link buttons. */
export function UsersPage(p: { t: TFn; locale: TLocale; users: TUserSummary[]; mailEnabled: boolean; values?: Record<string, string>; error?: string; fields?: Record<string, string> }) {
  const { t, locale } = p;
  return (
    <>
      <h1>{t('users.title')}</h1>
      <DataTable
        t={t}
        caption={t('users.caption', { count: p.users.length })}
        captionStyle="muted"
        rows={p.users}
        columns={[
          { head: t('field.name'), rowHeader: true, cell: (u) => <Bdi>{u.name}</Bdi> },
          { head: t('field.email'), cell: (u) => <Ltr>{u.email}</Ltr> },
          { head: t('users.role'), cell: (u) => (u.isAdmin ? t('users.role.admin') : u.isCoordinator ? t('users.role.coordinator') : t('users.role.user')) },
          { head: t('users.created'), cell: (u) => <Bdi>{date(locale, u.createdAt)}</Bdi> },
          {
            head: t('users.actions'),
            cell: (u) => (
              <form method="post" action={paths.userResetLink(u.id)} class="inline">
                <button type="submit" class="secondary" aria-label={t('users.reset_link_for', { name: u.name })}>{t('users.reset_link')}</button>
              </form>
            ),
          },
        ]}
      />
      <h2>{t('users.create_title')}</h2>
      <ErrorSummary message={p.error} />
      <form method="post" action={paths.users} novalidate>
        <Field name="name" label={t('field.name')} value={p.values?.name} error={p.fields?.name} required />
        <Field name="email" type="email" label={t('field.email')} value={p.values?.email} error={p.fields?.email} required />
        <fieldset class="field">
          <legend>{t('users.setpw_legend')}</legend>
          <p class="hint">{t('users.setpw_hint')}</p>
          {p.mailEnabled && (
            <div class="choice">
              <input type="radio" id="f-deliver-email" name="deliver" value="email" checked={(p.values?.deliver ?? 'email') === 'email'} />
              <label for="f-deliver-email">{t('users.setpw_email')}</label>
            </div>
          )}
          <div class="choice">
            <input type="radio" id="f-deliver-link" name="deliver" value="link" checked={!p.mailEnabled || p.values?.deliver === 'link'} />
            <label for="f-deliver-link">{t('users.setpw_link')}</label>
          </div>
        </fieldset>
        <div class="choice">
          <input type="checkbox" id="f-isAdmin" name="isAdmin" value="1" checked={p.values?.isAdmin === '1'} />
          <label for="f-isAdmin">{t('users.make_admin')}</label>
        </div>
        <div class="choice">
          <input type="checkbox" id="f-isCoordinator" name="isCoordinator" value="1" checked={p.values?.isCoordinator === '1'} />
          <label for="f-isCoordinator">{t('users.make_coordinator')}</label>
        </div>
        <button type="submit">{t('users.create_submit')}</button>
      </form>
    </>
  );
}

/** Shows a freshly generated reset (or first set-password) link once, with a copy button. */
export function ResetLinkPage(p: { t: TFn; locale: TLocale; email: string; url: string; expiresAt: string; title?: string; mailFailed?: boolean }) {
  const { t } = p;
  return (
    <>
      <h1>{p.title ?? t('users.reset_link_title')}</h1>
      {p.mailFailed && <p class="error">{t('error.mail_failed')}</p>}
      <p><Msg t={t} k="users.reset_link_intro" values={{ email: p.email, expires: dateTime(p.locale, p.expiresAt) }} ltr={['email']} /></p>
      <p {...copyAttrs(t)} class="copy" dir="ltr" id="reset-link">
        {p.url}
      </p>
      <p class="warning">{t('users.reset_link_once')}</p>
      <p>
        <a href={paths.users}>{t('users.back')}</a>
      </p>
    </>
  );
}
