// Routes for signing in and out, first-run setup and password reset. Each parses, calls one use case,
// presents; validation errors re-render the form with what was typed (passwords excepted).
import { Hono } from 'hono';
import { completeSetup } from '../../domain/accounts/complete-setup.ts';
import { checkLink } from '../../domain/accounts/check-link.ts';
import { requestPasswordReset } from '../../domain/accounts/request-password-reset.ts';
import { resetPassword } from '../../domain/accounts/reset-password.ts';
import { signIn } from '../../domain/accounts/sign-in.ts';
import { signOut } from '../../domain/accounts/sign-out.ts';
import { isLocale } from '../../i18n/index.ts';
import type { AppEnv } from '../env.ts';
import { paths } from '../paths.ts';
import { clearSessionCookie, fieldErrors, flash, formFields, LANG_COOKIE, meta, page, safeNext, setLangCookie, setSessionCookie } from '../request.ts';
import { ForgotPage, ResetPage, SetupPage, SignInPage } from './views.tsx';
import { cookie } from '../incoming.ts';

/** Account routes. */
export const authRoutes = new Hono<AppEnv>();

/** Where signing in leads: the page asked for, or else the person's assessments (what they came to work on). */
function afterSignIn(next: string | undefined): string {
  return next ? safeNext(next) : paths.assessments;
}

authRoutes.get('/sign-in', (c) => {
  if (c.var.actor) return c.redirect(afterSignIn(c.req.query('next')), 303);
  return page(c, c.var.t('signin.title'), <SignInPage t={c.var.t} next={c.req.query('next')} />);
});

authRoutes.post('/sign-in', async (c) => {
  const form = await formFields(c);
  try {
    const { token, locale } = await signIn(c.var.ctx, form, meta(c));
    setSessionCookie(c, token);
    // The user's saved language wins over the anonymous cookie, unless they chose one on this visit.
    if (locale && isLocale(locale) && !cookie(c, LANG_COOKIE)) setLangCookie(c, locale);
    return c.redirect(afterSignIn(form.next), 303);
  } catch (e) {
    const { error: summary, fields } = fieldErrors(c, e);
    const status = (e as { status?: number }).status ?? 400;
    return page(c, c.var.t('signin.title'), <SignInPage t={c.var.t} email={form.email} next={form.next} error={summary} fields={fields} />, { status });
  }
});

authRoutes.post('/sign-out', async (c) => {
  if (c.var.actor) await signOut(c.var.ctx, c.var.actor, meta(c));
  clearSessionCookie(c);
  flash(c, 'flash.signed_out');
  return c.redirect(paths.home, 303);
});

authRoutes.get('/setup/:token', async (c) => {
  await checkLink(c.var.ctx, c.req.param('token'), 'setup');
  return page(c, c.var.t('setup.title'), <SetupPage t={c.var.t} token={c.req.param('token')} minLength={c.var.ctx.config.passwordMinLength} />);
});

authRoutes.post('/setup/:token', async (c) => {
  const form = await formFields(c);
  const token = c.req.param('token');
  try {
    const r = await completeSetup(c.var.ctx, token, form, { ...meta(c), locale: c.var.locale });
    setSessionCookie(c, r.token);
    flash(c, 'flash.setup_done');
    return c.redirect(paths.users, 303);
  } catch (e) {
    const min = c.var.ctx.config.passwordMinLength;
    const { error: summary, fields } = fieldErrors(c, e, { min });
    return page(c, c.var.t('setup.title'), <SetupPage t={c.var.t} token={token} minLength={min} values={form} error={summary} fields={fields} />, { status: 400 });
  }
});

authRoutes.get('/reset/:token', async (c) => {
  await checkLink(c.var.ctx, c.req.param('token'), 'reset');
  return page(c, c.var.t('reset.title'), <ResetPage t={c.var.t} token={c.req.param('token')} minLength={c.var.ctx.config.passwordMinLength} />);
});

authRoutes.post('/reset/:token', async (c) => {
  const form = await formFields(c);
  const token = c.req.param('token');
  try {
    const r = await resetPassword(c.var.ctx, token, form, meta(c));
    setSessionCookie(c, r.token);
    flash(c, 'flash.password_changed');
    return c.redirect(paths.home, 303);
  } catch (e) {
    const min = c.var.ctx.config.passwordMinLength;
    const { error: summary, fields } = fieldErrors(c, e, { min });
    return page(c, c.var.t('reset.title'), <ResetPage t={c.var.t} token={token} minLength={min} error={summary} fields={fields} />, { status: 400 });
  }
});

// "Forgot your password?": the form when mail is set up, else the advice to ask an administrator.
authRoutes.get('/forgot-password', (c) => {
  const ctx = c.var.ctx;
  return page(c, c.var.t('forgot.title'), <ForgotPage t={c.var.t} mailEnabled={ctx.mail.enabled} hours={Math.round(ctx.config.resetLinkMs / 3_600_000)} />);
});

authRoutes.post('/forgot-password', async (c) => {
  const form = await formFields(c);
  const ctx = c.var.ctx;
  const hours = Math.round(ctx.config.resetLinkMs / 3_600_000);
  try {
    await requestPasswordReset(ctx, form, { ...meta(c), locale: c.var.locale });
    return page(c, c.var.t('forgot.title'), <ForgotPage t={c.var.t} mailEnabled hours={hours} sent />);
  } catch (e) {
    const { error: summary, fields } = fieldErrors(c, e);
    return page(c, c.var.t('forgot.title'), <ForgotPage t={c.var.t} mailEnabled={ctx.mail.enabled} hours={hours} email={form.email} error={summary} fields={fields} />, { status: (e as { status?: number }).status ?? 400 });
  }
});
