// Editing participants after creation (mounted at MOUNT.assessment): an organisation's page (rename, change
// group, remove once empty), a person's page (role, organisation) and the confirmation page before removing
// a person. A refused form comes back with what was typed; a stale one (409) with the current values.
import { Hono, type Context } from 'hono';
import { changeMember } from '../../domain/participants/change-member.ts';
import { editOrganisation } from '../../domain/participants/edit-organisation.ts';
import { getMember } from '../../domain/participants/get-member.ts';
import { getOrganisation } from '../../domain/participants/get-organisation.ts';
import { removeMember } from '../../domain/participants/remove-member.ts';
import { removeOrganisation } from '../../domain/participants/remove-organisation.ts';
import { AppError } from '../../domain/kernel/errors.ts';
import type { AppEnv } from '../env.ts';
import { assessmentPaths } from '../paths.ts';
import { fieldErrors, flash, formFields, page, param } from '../request.ts';
import type { TFormState } from './forms.tsx';
import { OrganisationEditPage, PersonEditPage, PersonRemovePage } from './edit-views.tsx';

/** The edit pages of organisations and people. */
export const editRoutes = new Hono<AppEnv>();

/** The status and form state of a refused post: a stale edit shows the current values, anything else what was typed. */
function refused(c: Context<AppEnv>, e: unknown, form: Record<string, string>): { state: TFormState; status: number } {
  const err = fieldErrors(c, e);
  const status = e instanceof AppError ? e.status : 400;
  return { state: { ...err, values: status === 409 && !Object.keys(err.fields).length ? {} : form }, status };
}

async function organisationPage(c: Context<AppEnv>, extra: TFormState = {}, status = 200) {
  const o = await getOrganisation(c.var.ctx, c.var.actor, param(c, 'id'), param(c, 'org'));
  return page(c, c.var.t('edit.org_title'), <OrganisationEditPage t={c.var.t} locale={c.var.locale} o={o} {...extra} />, { status });
}

editRoutes.get('/organisations/:org', (c) => organisationPage(c));

editRoutes.post('/organisations/:org', async (c) => {
  const form = await formFields(c);
  try {
    await editOrganisation(c.var.ctx, c.var.actor, param(c, 'id'), param(c, 'org'), form);
    flash(c, 'flash.changes_saved');
    return c.redirect(`${assessmentPaths(param(c, 'id')).participants}#org-h`, 303);
  } catch (e) {
    const r = refused(c, e, form);
    return organisationPage(c, r.state, r.status);
  }
});

editRoutes.post('/organisations/:org/remove', async (c) => {
  const form = await formFields(c);
  try {
    await removeOrganisation(c.var.ctx, c.var.actor, param(c, 'id'), param(c, 'org'), form);
    flash(c, 'flash.organisation_removed');
    return c.redirect(`${assessmentPaths(param(c, 'id')).participants}#org-h`, 303);
  } catch (e) {
    const r = refused(c, e, {});
    return organisationPage(c, r.state, r.status);
  }
});

async function personPage(c: Context<AppEnv>, extra: TFormState = {}, status = 200) {
  const m = await getMember(c.var.ctx, c.var.actor, param(c, 'id'), param(c, 'person'));
  return page(c, m.member.name, <PersonEditPage t={c.var.t} locale={c.var.locale} m={m} {...extra} />, { status });
}

editRoutes.get('/people/:person', (c) => personPage(c));

editRoutes.post('/people/:person', async (c) => {
  const form = await formFields(c);
  try {
    await changeMember(c.var.ctx, c.var.actor, param(c, 'id'), param(c, 'person'), form);
    flash(c, 'flash.changes_saved');
    return c.redirect(assessmentPaths(param(c, 'id')).participants, 303);
  } catch (e) {
    const r = refused(c, e, form);
    return personPage(c, r.state, r.status);
  }
});

async function removePersonPage(c: Context<AppEnv>, extra: TFormState = {}, status = 200) {
  const m = await getMember(c.var.ctx, c.var.actor, param(c, 'id'), param(c, 'person'));
  return page(c, c.var.t('edit.person_remove_confirm_title', { name: m.member.name }), <PersonRemovePage t={c.var.t} locale={c.var.locale} m={m} {...extra} />, { status });
}

editRoutes.get('/people/:person/remove', (c) => removePersonPage(c));

editRoutes.post('/people/:person/remove', async (c) => {
  const form = await formFields(c);
  try {
    await removeMember(c.var.ctx, c.var.actor, param(c, 'id'), param(c, 'person'), form);
    flash(c, 'flash.person_removed');
    return c.redirect(assessmentPaths(param(c, 'id')).participants, 303);
  } catch (e) {
    const r = refused(c, e, {});
    return removePersonPage(c, r.state, r.status);
  }
});
