// Administrator routes: accounts and one-time password-reset links.
import { Hono } from 'hono';
import { createResetLink } from '../../domain/accounts/create-reset-link.ts';
import { createAccount } from '../../domain/accounts/create-account.ts';
import { listUsers } from '../../domain/accounts/list-users.ts';
import type { AppEnv } from '../env.ts';
import { paths } from '../paths.ts';
import { fieldErrors, flash, formFields, meta, page } from '../request.ts';
import { ResetLinkPage, UsersPage } from './views.tsx';

/** Admin routes (mounted at MOUNT.admin). */
export const adminRoutes = new Hono<AppEnv>();

adminRoutes.get('/users', async (c) => {
  const users = await listUsers(c.var.ctx, c.var.actor);
  return page(c, c.var.t('users.title'), <UsersPage t={c.var.t} locale={c.var.locale} users={users} mailEnabled={c.var.ctx.mail.enabled} />);
});

adminRoutes.post('/users', async (c) => {
  const form = await formFields(c);
  try {
    const r = await createAccount(c.var.ctx, c.var.actor, { name: form.name, email: form.email, isAdmin: form.isAdmin === '1', isCoordinator: form.isCoordinator === '1', deliver: form.deliver }, { ...meta(c), locale: c.var.locale });
    if (r.link) {
      return page(c, c.var.t('users.setpw_link_title'), <ResetLinkPage t={c.var.t} locale={c.var.locale} title={c.var.t('users.setpw_link_title')} mailFailed={r.mailFailed} {...r.link} />, { scripts: ['copy.js'] });
    }
    flash(c, 'flash.user_created_emailed');
    return c.redirect(paths.users, 303);
  } catch (e) {
    const { error: summary, fields } = fieldErrors(c, e);
    const users = await listUsers(c.var.ctx, c.var.actor);
    return page(c, c.var.t('users.title'), <UsersPage t={c.var.t} locale={c.var.locale} users={users} mailEnabled={c.var.ctx.mail.enabled} values={form} error={summary} fields={fields} />, { status: 400 });
  }
});

adminRoutes.post('/users/:id/reset-link', async (c) => {
  const r = await createResetLink(c.var.ctx, c.var.actor, c.req.param('id'), meta(c));
  return page(c, c.var.t('users.reset_link_title'), <ResetLinkPage t={c.var.t} locale={c.var.locale} email={r.email} url={r.url} expiresAt={r.expiresAt} />, { scripts: ['copy.js'] });
});
