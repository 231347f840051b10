// The personal API tokens page: what a token is for, the secret once after creating one, the form, and
// the person's tokens with scope, expiry, last use and a revoke button.
import type { TApiTokenView } from '../../domain/accounts/list-api-tokens.ts';
import { countryName } from '../../i18n/countries.ts';
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { Bdi, Ltr, Msg } from '../kit/bidi.tsx';
import { ErrorSummary, Field, SelectField } from '../kit/forms.tsx';
import { date, dateTime } from '../kit/format.ts';
import { DataTable } from '../kit/table.tsx';
import { MOUNT, paths } from '../paths.ts';

/** An assessment a token can be limited to. */
export interface TTokenAssessment {
  id: string;
  country: string;
  cycle_year: number;
}

/** What the tokens page shows. */
export interface TTokensPageProps {
  t: TFn;
  locale: TLocale;
  tokens: TApiTokenView[];
  assessments: TTokenAssessment[];
  maxDays: number;
  /** The secret of the token just created (shown this once). */
  created?: string | undefined;
  values?: Record<string, string> | undefined;
  error?: string | undefined;
  fields?: Record<string, string> | undefined;
}

function Status(p: { t: TFn; tk: TApiTokenView }) {
  if (p.tk.revokedAt) return <>{p.t('tokens.revoked')}</>;
  return <>{p.tk.active ? p.t('tokens.active') : p.t('tokens.expired')}</>;
}

/** The tokens page. */
export function TokensPage(p: TTokensPageProps) {
  const { t, locale } = p;
  const where = (a: { country: string | null; cycleYear: number | null }) => (a.country ? `${countryName(locale, a.country)} ${a.cycleYear ?? ''}`.trim() : t('tokens.all_assessments'));
  return (
    <>
      <h1>{t('tokens.title')}</h1>
      <p>
        <Msg t={t} k="tokens.intro" values={{ api: MOUNT.api, header: 'Authorization: Bearer metep_…' }} ltr={['api', 'header']} />
      </p>
      <p>
        <a href={paths.apiDocs}>{t('apidocs.link')}</a>
      </p>
      {p.created && (
        <section class="card" aria-labelledby="new-token-h">
          <h2 id="new-token-h">{t('tokens.created')}</h2>
          <p>{t('tokens.copy_now')}</p>
          <Ltr class="copy">{p.created}</Ltr>
        </section>
      )}
      <section aria-labelledby="create-token-h">
        <h2 id="create-token-h">{t('tokens.create')}</h2>
        <ErrorSummary message={p.error} />
        <form method="post" action={paths.tokens}>
          <Field name="name" label={t('tokens.name')} hint={t('tokens.name_hint')} value={p.values?.name} error={p.fields?.name} required />
          <SelectField name="scope" label={t('tokens.scope')} value={p.values?.scope ?? 'read'} error={p.fields?.scope} options={[['read', t('tokens.scope.read')], ['read_write', t('tokens.scope.read_write')]]} />
          <SelectField name="assessmentId" label={t('tokens.assessment')} value={p.values?.assessmentId ?? ''} error={p.fields?.assessmentId} options={[['', t('tokens.all_assessments')], ...p.assessments.map((a) => [a.id, `${countryName(locale, a.country)} ${a.cycle_year}`] as const)]} />
          <Field name="days" type="number" label={t('tokens.days')} hint={t('tokens.days_hint', { max: p.maxDays })} value={p.values?.days ?? '90'} error={p.fields?.days} required />
          <button type="submit">{t('tokens.create')}</button>
        </form>
      </section>
      <DataTable
        t={t}
        caption={t('tokens.yours')}
        rows={p.tokens}
        empty={t('tokens.none')}
        columns={[
          { head: t('tokens.name'), rowHeader: true, cell: (tk) => <Bdi>{tk.name}</Bdi> },
          { head: t('tokens.scope'), cell: (tk) => t(`tokens.scope.${tk.scope}`) },
          { head: t('tokens.assessment'), cell: (tk) => where(tk) },
          { head: t('tokens.expires'), cell: (tk) => date(locale, tk.expiresAt) },
          { head: t('tokens.last_used'), cell: (tk) => (tk.lastUsedAt ? <>{dateTime(locale, tk.lastUsedAt)}{tk.lastUsedIp && <> · <Ltr>{tk.lastUsedIp}</Ltr></>}</> : t('tokens.never')) },
          { head: t('tokens.uses'), num: true, cell: (tk) => formatNumber(locale, tk.uses) },
          { head: t('tokens.status'), cell: (tk) => <Status t={t} tk={tk} /> },
          {
            head: t('tokens.revoke'),
            cell: (tk) =>
              tk.active ? (
                <form method="post" action={paths.tokenRevoke(tk.id)} class="inline">
                  <button type="submit" class="link">
                    <Msg t={t} k="tokens.revoke_named" values={{ name: tk.name }} />
                  </button>
                </form>
              ) : (
                ''
              ),
          },
        ]}
      />
    </>
  );
}
