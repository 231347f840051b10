// Pages where the coordinator corrects the participants after creation: an organisation (name, group,
// removal once empty), a person (role, organisation) and the confirmation before removing a person. Each
// form carries the revision it shows, so a colleague's newer change is never overwritten.
import type { TMemberPage } from '../../domain/participants/get-member.ts';
import type { TOrganisationPage } from '../../domain/participants/get-organisation.ts';
import { isEditable } from '../../domain/kernel/editable.ts';
import { ROLES } from '../../domain/kernel/policies.ts';
import { type TFn, type TLocale } from '../../i18n/index.ts';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { Bdi, isolate, Ltr, Msg } from '../kit/bidi.tsx';
import { ErrorSummary, Field, SelectField } from '../kit/forms.tsx';
import { assessmentPaths } from '../paths.ts';
import { GroupSelect, type TFormState } from './forms.tsx';

type TPageProps = { t: TFn; locale: TLocale } & TFormState;

/** The notice shown instead of a form once results are locked. */
function Locked(p: { t: TFn }) {
  return <p class="notice">{p.t('error.edit_locked')}</p>;
}

/** An organisation: rename, change its group, see who is in it, remove it once empty. */
export function OrganisationEditPage(p: TPageProps & { o: TOrganisationPage }) {
  const { t, locale, o } = p;
  const to = assessmentPaths(o.access.assessment.id);
  const org = o.organisation;
  const editable = isEditable(o.access.assessment.state);
  const left = o.people.length + o.openInvitations.length;
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={o.access} current={to.participants} />
      <h2>
        <Bdi>{org.name}</Bdi>
      </h2>
      <p>
        <a href={`${to.participants}#org-h`}>{t('edit.back_participants')}</a>
      </p>
      <ErrorSummary message={p.error} />
      {editable ? (
        <form method="post" action={to.organisation(org.id)} novalidate class="card">
          <h3>{t('edit.org_title')}</h3>
          <p class="hint">{t('edit.org_hint')}</p>
          <input type="hidden" name="revision" value={String(org.revision)} />
          <Field name="name" label={t('asm.organisation')} value={p.values?.name ?? org.name} error={p.fields?.name} required />
          <GroupSelect t={t} id="f-group" name="group" value={p.values?.group ?? org.group} error={p.fields?.group} />
          <button type="submit">{t('edit.save')}</button>
        </form>
      ) : (
        <Locked t={t} />
      )}
      <section aria-labelledby="org-people-h">
        <h3 id="org-people-h">{t('edit.org_people')}</h3>
        {left === 0 ? (
          <p>{t('edit.org_nobody')}</p>
        ) : (
          <ul>
            {o.people.map((x) => (
              <li>
                <a href={to.person(x.userId)}>
                  <Bdi>{x.name}</Bdi>
                </a>{' '}
                <span class="muted">{t(`role.${x.role}`)}</span>
              </li>
            ))}
            {o.openInvitations.map((i) => (
              <li>
                <Bdi>{i.name}</Bdi> <span class="muted">{t('edit.invited')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {editable && (
        <section aria-labelledby="org-remove-h" class="card">
          <h3 id="org-remove-h">{t('edit.org_remove_title')}</h3>
          {left === 0 ? (
            <form method="post" action={to.removeOrganisation(org.id)}>
              <input type="hidden" name="revision" value={String(org.revision)} />
              <p>{t('edit.org_remove_ok')}</p>
              <button type="submit" class="secondary">{t('edit.org_remove')}</button>
            </form>
          ) : (
            <p>{t('edit.org_remove_blocked')}</p>
          )}
        </section>
      )}
    </>
  );
}

/** A person: role and organisation (which gives the stakeholder group), and the way to remove them. */
export function PersonEditPage(p: TPageProps & { m: TMemberPage }) {
  const { t, locale, m } = p;
  const to = assessmentPaths(m.access.assessment.id);
  const who = m.member;
  const groupOf = (code: string) => t(`group.${code}`);
  const orgOptions: [string, string][] = [['', t('edit.no_organisation')], ...m.organisations.map((o) => [o.id, `${isolate(o.name)} — ${groupOf(o.group_code)}`] as [string, string])];
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={m.access} current={to.participants} />
      <h2>
        <Bdi>{who.name}</Bdi>
      </h2>
      <p>
        <Ltr>{who.email}</Ltr>
      </p>
      <p>
        <a href={to.participants}>{t('edit.back_participants')}</a>
      </p>
      <ErrorSummary message={p.error} />
      {isEditable(m.access.assessment.state) ? (
        <>
          <form method="post" action={to.person(who.userId)} novalidate class="card">
            <h3>{t('edit.person_title')}</h3>
            <p class="hint">{t('edit.person_hint')}</p>
            <input type="hidden" name="revision" value={String(who.revision)} />
            <SelectField name="role" label={t('asm.role')} value={p.values?.role ?? who.role} error={p.fields?.role} options={ROLES.map((r) => [r, t(`role.${r}`)] as const)} />
            <SelectField name="organisation" label={t('asm.organisation')} value={p.values?.organisation ?? who.organisationId ?? ''} error={p.fields?.organisation} options={orgOptions} />
            <button type="submit">{t('edit.save')}</button>
          </form>
          <section aria-labelledby="person-remove-h" class="card">
            <h3 id="person-remove-h">{t('edit.person_remove_title')}</h3>
            <p>
              <a href={to.removePerson(who.userId)}>
                <Msg t={t} k="edit.person_remove_link" values={{ name: who.name }} />
              </a>
            </p>
          </section>
        </>
      ) : (
        <Locked t={t} />
      )}
    </>
  );
}

/** The confirmation before removing a person: what happens to their answers. Works without JavaScript. */
export function PersonRemovePage(p: TPageProps & { m: TMemberPage }) {
  const { t, locale, m } = p;
  const to = assessmentPaths(m.access.assessment.id);
  const who = m.member;
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={m.access} current={to.participants} />
      <h2>
        <Msg t={t} k="edit.person_remove_confirm_title" values={{ name: who.name }} />
      </h2>
      <ErrorSummary message={p.error} />
      <p>
        <Msg t={t} k={who.answered > 0 ? 'edit.person_remove_answered' : 'edit.person_remove_none'} values={{ name: who.name, count: who.answered }} />
      </p>
      <form method="post" action={to.removePerson(who.userId)}>
        <input type="hidden" name="revision" value={String(who.revision)} />
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit">{t('edit.person_remove_submit')}</button>{' '}
        <a href={to.person(who.userId)}>{t('edit.cancel')}</a>
      </form>
    </>
  );
}
