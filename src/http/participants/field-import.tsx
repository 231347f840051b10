// The coordinator's page for answers collected in the field (KoboToolbox, ODK): the field forms to use, the
// upload, and after an upload what happened to every row.
import type { TFieldImport, TFieldRowReport } from '../../domain/answering/import-field-answers.ts';
import type { TFieldImportPage } from '../../domain/answering/get-field-import.ts';
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { Bdi, Ltr, Msg } from '../kit/bidi.tsx';
import { ErrorSummary } from '../kit/forms.tsx';
import { DataTable } from '../kit/table.tsx';
import { assessmentPaths, paths } from '../paths.ts';

function Respondent(p: { t: TFn; r: TFieldRowReport }) {
  if (p.r.email) return <Ltr>{p.r.email}</Ltr>;
  return p.r.group ? <>{p.t('field_import.pseudonymous', { group: p.t(`group.${p.r.group}`) })}</> : <>—</>;
}

function Report(p: { t: TFn; locale: TLocale; result: TFieldImport }) {
  const { t, locale, result } = p;
  const failed = result.rows.filter((r) => r.problems.length).length;
  return (
    <>
      <p class={result.imported ? 'notice' : 'error'} role="status">
        {result.imported ? t('field_import.done', { count: result.written, created: result.created }) : t('field_import.nothing', { failed })}
      </p>
      <DataTable
        t={t}
        caption={t('field_import.report')}
        rows={result.rows}
        columns={[
          { head: t('asm.csv_line'), num: true, rowHeader: true, cell: (r) => formatNumber(locale, r.line) },
          { head: t('field_import.submission'), cell: (r) => <Ltr>{r.uuid.slice(0, 8)}</Ltr> },
          { head: t('field_import.respondent'), cell: (r) => <Respondent t={t} r={r} /> },
          { head: t('field_import.answers'), num: true, cell: (r) => formatNumber(locale, r.answers) },
          {
            head: t('field_import.problems'),
            cell: (r) =>
              r.problems.length ? (
                <ul class="error">
                  {r.problems.map((x) => (
                    <li>
                      <Msg t={t} k={x.key} values={{ field: x.field, value: x.value }} ltr={['field']} />
                    </li>
                  ))}
                </ul>
              ) : (
                t('field_import.row_ok')
              ),
          },
        ]}
      />
    </>
  );
}

/** The field-import page; `result` after an upload, `error` when the whole file was refused. */
export function FieldImportPage(p: { t: TFn; locale: TLocale; d: TFieldImportPage; result?: TFieldImport | undefined; error?: string | undefined }) {
  const { t, d } = p;
  const ap = assessmentPaths(d.assessmentId);
  return (
    <>
      <p>
        <a href={ap.participants}>{t('asm.participants')}</a>
      </p>
      <h1>{t('field_import.title')}</h1>
      <ErrorSummary message={p.error} />
      {d.state !== 'collecting' && <p class="notice">{t(d.state === 'draft' ? 'error.collection_not_open' : 'error.collection_closed')}</p>}
      <p>
        <Msg t={t} k="field_import.intro" values={{ version: d.version }} ltr={['version']} />
      </p>
      <ul>
        <li>
          <a href={paths.instrumentXlsForm(d.instrumentKey, d.version)}>{t('inst.download_xlsform')}</a>
        </li>
        <li>
          <a href={paths.instrumentXForm(d.instrumentKey, d.version)}>{t('inst.download_xform')}</a>
        </li>
      </ul>
      {p.result && <Report t={t} locale={p.locale} result={p.result} />}
      <form method="post" action={ap.fieldImport} enctype="multipart/form-data">
        <div class="field">
          <label for="f-field-csv">{t('field_import.file')}</label>
          <input id="f-field-csv" type="file" name="file" accept=".csv,text/csv" required />
        </div>
        <div class="choice">
          <input type="checkbox" id="f-skip" name="skipInvalid" value="1" />
          <label for="f-skip">{t('field_import.skip')}</label>
        </div>
        <button type="submit">{t('field_import.submit')}</button>
      </form>
      <p class="muted">
        <Bdi>KoboToolbox</Bdi> · <Bdi>ODK</Bdi>
      </p>
    </>
  );
}
