// The translators' workbench: the languages a person may work on, the strings of one language with source,
// translation, status, glossary terms and a preview in the language's direction, and the rights page.
import type { TLanguageOverview } from '../../domain/translations/get-translation-overview.ts';
import type { TWorkbench, TWorkbenchFilter, TWorkbenchRow } from '../../domain/translations/list-translation-strings.ts';
import { REVIEW_STATUSES, UI_SCOPE, type TStatusCounts } from '../../domain/translations/translation-model.ts';
import { TRANSLATOR_ROLES } from '../../domain/kernel/policies.ts';
import { DIRECTION, ENDONYM, LOCALES, type TFn, type TLocale } from '../../i18n/index.ts';
import { Bdi, Ltr } from '../kit/bidi.tsx';
import { Pairs } from '../kit/dl.tsx';
import { DataTable } from '../kit/table.tsx';
import { ErrorSummary, Field, SelectField } from '../kit/forms.tsx';
import { date } from '../kit/format.ts';
import { paths } from '../paths.ts';

function scopeLabel(t: TFn, scope: string): string {
  return scope === UI_SCOPE ? t('tr.scope.ui') : t('tr.scope.instrument', { scope });
}

function Counts(p: { t: TFn; c: TStatusCounts }) {
  return <span>{p.t('tr.counts', { approved: p.c.approved, reviewed: p.c.reviewed, draft: p.c.draft, total: p.c.total })}</span>;
}

/** The workbench's first page: one section per language the person may work on. */
export function TranslationsHome(p: { t: TFn; languages: TLanguageOverview[]; isAdmin: boolean }) {
  const { t } = p;
  return (
    <>
      <h1>{t('tr.title')}</h1>
      <p>{t('tr.intro')}</p>
      {p.isAdmin && (
        <p>
          <a href={paths.translators}>{t('tr.manage_rights')}</a>
        </p>
      )}
      {p.languages.length === 0 && <p class="notice">{t('tr.none')}</p>}
      {p.languages.map((l) => (
        <section>
          <h2 lang={l.lang}>{ENDONYM[l.lang]}</h2>
          <p class="muted">{t(`tr.role.${l.role}`)}</p>
          <ul>
            {l.scopes.map((s) => (
              <li>
                <a href={paths.translationsLang(l.lang, new URLSearchParams({ scope: s.scope }).toString())}>{scopeLabel(t, s.scope)}</a>
                {': '}
                <Counts t={t} c={s.counts} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function StatusCell(p: { t: TFn; locale: TLocale; row: TWorkbenchRow }) {
  const { t, row } = p;
  return (
    <>
      <span class={`badge status-${row.status}`}>{t(`tr.status.${row.status}`)}</span>
      {row.reviewedAt && !row.changed && <span class="muted"> {t('tr.reviewed_on', { date: date(p.locale, row.reviewedAt) })}</span>}
      {row.changed && <p class="warning">{t('tr.changed')}</p>}
      {row.missing && <p class="warning">{t('tr.missing')}</p>}
    </>
  );
}

// A status select with its own id: the filter form already has one named "status", and ids must be unique.
function StatusSelect(p: { t: TFn; id: string; value: string }) {
  return (
    <>
      <label for={p.id}>{p.t('tr.status')}</label>{' '}
      <select id={p.id} name="status">
        {REVIEW_STATUSES.map((s) => (
          <option value={s} selected={s === p.value}>
            {p.t(`tr.status.${s}`)}
          </option>
        ))}
      </select>
    </>
  );
}

function StringCard(p: { t: TFn; locale: TLocale; wb: TWorkbench; row: TWorkbenchRow; back: string }) {
  const { t, wb, row } = p;
  return (
    <article class="card tr-string">
      <h3>
        <Ltr>{row.key}</Ltr>
      </h3>
      <Pairs
        pairs={[
          [t('tr.source'), <div lang="en" dir="ltr">{row.source}</div>],
          [t('tr.status'), <StatusCell t={t} locale={p.locale} row={row} />],
          row.terms.length > 0 && [
            t('tr.terms'),
            <ul class="plain">
              {row.terms.map((g) => (
                <li>
                  <Bdi>
                    <span lang="en">{g.en}</span>
                  </Bdi>
                  {' → '}
                  <span lang={wb.lang} dir={DIRECTION[wb.lang]}>{g.term}</span>
                </li>
              ))}
            </ul>,
          ],
          [t('tr.preview'), row.text ? <blockquote class="tr-preview" lang={wb.lang} dir={DIRECTION[wb.lang]}>{row.text}</blockquote> : <span class="muted">{t('tr.missing')}</span>],
        ]}
      />
      <p>
        <a href={paths.translationsString(wb.lang, wb.scope, row.key)}>{t('tr.open_string', { key: row.key })}</a>
      </p>
      {wb.mayReview && row.text && (
        <form method="post" action={paths.translationsReview(wb.lang)} class="inline-form">
          <input type="hidden" name="scope" value={wb.scope} />
          <input type="hidden" name="keys" value={row.key} />
          <input type="hidden" name="back" value={p.back} />
          <StatusSelect t={t} id={`st-${row.key}`} value={row.status} />{' '}
          <button type="submit">{t('tr.set_status')}</button>
        </form>
      )}
    </article>
  );
}

function Filters(p: { t: TFn; wb: TWorkbench; f: TWorkbenchFilter; scopes: string[] }) {
  const { t, wb, f } = p;
  return (
    <form method="get" action={paths.translationsLang(wb.lang)} class="filters">
      <SelectField name="scope" label={t('tr.filter_scope')} value={wb.scope} options={p.scopes.map((s) => [s, scopeLabel(t, s)] as const)} />
      {wb.pillars.length > 0 && <SelectField name="pillar" label={t('tr.filter_pillar')} value={f.pillar ?? ''} options={[['', t('tr.all')], ...wb.pillars.map((x) => [x, x] as const)]} />}
      <SelectField name="status" label={t('tr.filter_status')} value={f.status ?? ''} options={[['', t('tr.all')], ...REVIEW_STATUSES.map((s) => [s, t(`tr.status.${s}`)] as const)]} />
      <SelectField name="show" label={t('tr.filter_show')} value={f.show ?? ''} options={[['', t('tr.all')], ['missing', t('tr.show.missing')], ['changed', t('tr.show.changed')]]} />
      <button type="submit">{t('tr.filter')}</button>
    </form>
  );
}

/** The workbench of one language. */
export function WorkbenchPage(p: { t: TFn; locale: TLocale; wb: TWorkbench; f: TWorkbenchFilter; scopes: string[]; error?: string | undefined }) {
  const { t, wb, f } = p;
  const query = (page: number) => new URLSearchParams({ scope: wb.scope, ...(f.pillar ? { pillar: f.pillar } : {}), ...(f.status ? { status: f.status } : {}), ...(f.show ? { show: f.show } : {}), page: String(page) }).toString();
  const back = paths.translationsLang(wb.lang, query(wb.page));
  return (
    <>
      <p>
        <a href={paths.translations}>{t('tr.title')}</a>
      </p>
      <h1>
        {t('tr.workbench_title')}: <span lang={wb.lang}>{ENDONYM[wb.lang]}</span>
      </h1>
      <ErrorSummary message={p.error} />
      <Filters t={t} wb={wb} f={f} scopes={p.scopes} />
      <p>
        {t('tr.matching', { count: wb.matching })} — <Counts t={t} c={wb.counts} />
      </p>
      {wb.scope !== UI_SCOPE && (
        <p>
          <a href={paths.translationsXliff(wb.lang, wb.scope)} download>
            {t('tr.download_xliff')}
          </a>
        </p>
      )}
      {wb.mayReview && f.pillar && wb.scope !== UI_SCOPE && (
        <form method="post" action={paths.translationsReview(wb.lang)} class="card">
          <h2>{t('tr.review_pillar', { pillar: f.pillar })}</h2>
          <input type="hidden" name="scope" value={wb.scope} />
          <input type="hidden" name="pillar" value={f.pillar} />
          <input type="hidden" name="back" value={back} />
          <StatusSelect t={t} id="pillar-status" value="approved" />{' '}
          <button type="submit">{t('tr.review_pillar_button', { pillar: f.pillar })}</button>
        </form>
      )}
      {wb.rows.map((row) => (
        <StringCard t={t} locale={p.locale} wb={wb} row={row} back={back} />
      ))}
      {wb.pages > 1 && (
        <nav aria-label={t('tr.pages')} class="pager">
          <span>{t('tr.page', { page: wb.page, pages: wb.pages })}</span>
          {wb.page > 1 && <a href={paths.translationsLang(wb.lang, query(wb.page - 1))}>{t('tr.prev')}</a>}
          {wb.page < wb.pages && <a href={paths.translationsLang(wb.lang, query(wb.page + 1))}>{t('tr.next')}</a>}
        </nav>
      )}
    </>
  );
}

/** One granted right. */
export interface TRightRow {
  name: string;
  email: string;
  lang: string;
  role: string;
  granted_at: string;
}

/** The administrators' page: who may translate or review which language, and the form to change it. */
export function TranslatorsPage(p: { t: TFn; locale: TLocale; rights: TRightRow[]; values?: Record<string, string>; error?: string | undefined; fields?: Record<string, string> }) {
  const { t } = p;
  const langs = LOCALES.filter((l) => l !== 'en');
  return (
    <>
      <p>
        <a href={paths.translations}>{t('tr.title')}</a>
      </p>
      <h1>{t('tr.rights_title')}</h1>
      <p>{t('tr.rights_intro')}</p>
      <DataTable
        t={t}
        caption={t('tr.rights_caption')}
        columns={[
          { head: t('tr.person'), cell: (r: TRightRow) => <Bdi>{`${r.name} <${r.email}>`}</Bdi>, rowHeader: true },
          { head: t('tr.lang'), cell: (r) => <span lang={r.lang}>{ENDONYM[r.lang as TLocale] ?? r.lang}</span> },
          { head: t('tr.role'), cell: (r) => t(`tr.role.${r.role}`) },
          { head: t('tr.granted'), cell: (r) => date(p.locale, r.granted_at) },
        ]}
        rows={p.rights}
      />
      <form method="post" action={paths.translators} novalidate class="card">
        <h2>{t('tr.grant_title')}</h2>
        <ErrorSummary message={p.error} />
        <Field name="email" type="email" label={t('tr.email')} value={p.values?.email} error={p.fields?.email} autocomplete="off" />
        <SelectField name="lang" label={t('tr.lang')} value={p.values?.lang} options={langs.map((l) => [l, ENDONYM[l]] as const)} error={p.fields?.lang} />
        <SelectField name="role" label={t('tr.role')} value={p.values?.role ?? 'translator'} options={[...TRANSLATOR_ROLES.map((r) => [r, t(`tr.role.${r}`)] as const), ['none', t('tr.role.none')]]} error={p.fields?.role} />
        <button type="submit">{t('tr.grant')}</button>
      </form>
    </>
  );
}
