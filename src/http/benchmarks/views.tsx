// Benchmark pages: the list of countries with their latest UN E-Government Survey figures and the
// administrator's list of loaded editions. A country's own profile is in profile-views.tsx.
import type { TBenchmarkEdition as BenchmarkEditionRow } from '../../domain/benchmarks/list-benchmark-editions.ts';
import type { TStanding } from '../../domain/benchmarks/standings.ts';
import { countryName } from '../../i18n/countries.ts';
import { formatDateTime, formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { score } from '../kit/format.ts';
import { TableWrap } from '../kit/table.tsx';
import { paths } from '../paths.ts';

/** "12 of 193", or a dash. */
export function rankOf(t: TFn, locale: TLocale, rank: number | null, of: number) {
  return rank === null ? '–' : t('bm.rank_of', { rank: formatNumber(locale, rank), of: formatNumber(locale, of) });
}

/** The index of country profiles: every country as it stands in the latest edition. */
export function CountryListPage(p: { t: TFn; locale: TLocale; list: { year: number | null; rows: TStanding[] }; canManage: boolean }) {
  const { t, locale } = p;
  const collator = new Intl.Collator(locale);
  const rows = p.list.rows.map((r) => ({ r, name: countryName(locale, r.iso3) })).sort((a, b) => collator.compare(a.name, b.name));
  return (
    <>
      <h1>{t('bm.list_title')}</h1>
      <p>{t('bm.intro')}</p>
      {p.canManage && (
        <p>
          <a href={paths.benchmarkEditions}>{t('bm.editions_title')}</a>
        </p>
      )}
      {p.list.year === null ? (
        <p>{t('bm.no_data')}</p>
      ) : (
        <TableWrap t={t}>
          <table class="figures">
            <caption>{t('bm.list_caption', { year: p.list.year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bm.country')}</th>
                <th scope="col" class="num">{t('bm.egdi')}</th>
                <th scope="col" class="num">{t('bm.epi')}</th>
                <th scope="col">{t('bm.egdi_group')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ r, name }) => (
                <tr>
                  <th scope="row">
                    <a href={paths.country(r.iso3)}>{name}</a>
                    {r.fictional && <span class="muted"> ({t('bm.fictional_short')})</span>}
                  </th>
                  <td class="num">{score(locale, r.egdi)}</td>
                  <td class="num">{score(locale, r.epi)}</td>
                  <td>{r.egdiGroup ? t(`egdi.${r.egdiGroup}`) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

/** The editions loaded in this installation, for administrators. */
export function EditionsPage(p: { t: TFn; locale: TLocale; rows: BenchmarkEditionRow[] }) {
  const { t, locale } = p;
  return (
    <>
      <h1>{t('bm.editions_title')}</h1>
      <p>{t('bm.editions_intro')}</p>
      <pre class="copy" dir="ltr" lang="en">metep benchmarks import EGOV_DATA_2026.csv [--edition 2026] [--dry-run] [--replace]</pre>
      <TableWrap t={t}>
        <table>
          <caption>{t('bm.editions_caption', { count: p.rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bm.edition')}</th>
              <th scope="col" class="num">{t('bm.countries')}</th>
              <th scope="col">{t('bm.origin')}</th>
              <th scope="col">{t('bm.imported')}</th>
              <th scope="col">{t('bm.source')}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr>
                <th scope="row">{r.year}</th>
                <td class="num">{formatNumber(locale, r.countries)}</td>
                <td>
                  {t(`bm.origin.${r.origin}`)}
                  {r.file_name && (
                    <>
                      {' '}
                      <bdi>{r.file_name}</bdi>
                    </>
                  )}
                </td>
                <td>
                  {formatDateTime(locale, r.imported_at)}
                  {' · '}
                  {r.imported_by === null ? t('bm.by_system') : <bdi>{r.imported_by_name ?? t('bm.by_operator')}</bdi>}
                </td>
                <td>
                  <span dir="ltr" lang="en">
                    {r.source}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
