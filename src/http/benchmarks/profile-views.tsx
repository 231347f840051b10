// A country's profile beside the UN E-Government Survey: EGDI and EPI over the editions, the country among its
// peers (region, subregion, EGDI group or a list of its own), and the sources.
import { PEER_KINDS, type TCountryProfile, type TPeerGroup } from '../../domain/benchmarks/get-country-profile.ts';
import type { TStanding } from '../../domain/benchmarks/standings.ts';
import { countryName } from '../../i18n/countries.ts';
import { DIRECTION, formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { m49Name } from '../../i18n/regions.ts';
import { stripSvg, timeSvg } from '../../reports/charts.ts';
import { pct, score } from '../kit/format.ts';
import { TableWrap } from '../kit/table.tsx';
import { paths } from '../paths.ts';
import { Chart, hundred } from '../kit/chart.tsx';
import { rankOf } from './views.tsx';

/** The name of a comparison group in the language. */
function groupName(t: TFn, locale: TLocale, g: Pick<TPeerGroup, 'kind' | 'code'>): string {
  if (g.kind === 'world') return t('bm.peers.world');
  if (g.kind === 'custom') return t('bm.peers.custom');
  if (g.kind === 'group') return t('bm.group_name', { band: t(`egdi.${g.code}`) });
  return m49Name(locale, g.code as string);
}

/** What the sections of a country profile share. */
interface TProfileParts {
  t: TFn;
  locale: TLocale;
  pr: TCountryProfile;
  name: string;
  indexName: string;
}

/** EGDI and EPI over the editions: the chart and its table. */
function OverTime(q: TProfileParts) {
  const { t, locale, pr, name } = q;
  const overTime = timeSvg({ id: 'bm-time-title', title: t('bm.time_chart', { country: name }) }, [
    { name: t('bm.egdi'), points: pr.series.map((s) => ({ x: s.year, y: hundred(s.egdi) })) },
    { name: t('bm.epi'), points: pr.series.map((s) => ({ x: s.year, y: hundred(s.epi) })) },
  ], { dir: DIRECTION[locale] });
  return (
    <section aria-labelledby="bm-time-h">
      <h2 id="bm-time-h">{t('bm.over_time')}</h2>
      <Chart svg={overTime} table="bm-time-table" label={t('res.see_table')} />
      <TableWrap t={t}>
        <table id="bm-time-table" class="figures">
          <caption>{t('bm.time_caption', { country: name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bm.edition')}</th>
              <th scope="col" class="num">{t('bm.egdi')}</th>
              <th scope="col" class="num">{t('bm.rank')}</th>
              <th scope="col">{t('bm.egdi_group')}</th>
              <th scope="col" class="num">{t('bm.epi')}</th>
              <th scope="col" class="num">{t('bm.rank')}</th>
              <th scope="col" class="num">{t('bm.percentile')}</th>
            </tr>
          </thead>
          <tbody>
            {pr.series.map((s) => (
              <tr>
                <th scope="row">{s.year}</th>
                <td class="num">{score(locale, s.egdi)}</td>
                <td class="num">{rankOf(t, locale, s.egdiRank, s.egdiOf)}</td>
                <td>{s.egdiGroup ? t(`egdi.${s.egdiGroup}`) : '–'}</td>
                <td class="num">{score(locale, s.epi)}</td>
                <td class="num">{rankOf(t, locale, s.epiRank, s.epiOf)}</td>
                <td class="num">{pct(locale, s.epiPercentile)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

/** The plain GET form that chooses the edition, the index and the peers (works without JavaScript). */
function PeerForm(q: TProfileParts) {
  const { t, pr } = q;
  const years = pr.series.map((s) => s.year).reverse();
  return (
    <form method="get" action={paths.country(pr.iso3)} class="peer-form">
      <div class="field">
        <label for="f-edition">{t('bm.edition')}</label>
        <select id="f-edition" name="edition">
          {years.map((y) => (
            <option value={String(y)} selected={y === pr.edition}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-index">{t('bm.index')}</label>
        <select id="f-index" name="index">
          {(['epi', 'egdi'] as const).map((k) => (
            <option value={k} selected={k === pr.index}>
              {t(`bm.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="peer-kinds">
        <legend>{t('bm.peers')}</legend>
        {PEER_KINDS.filter((k) => pr.m49 || (k !== 'region' && k !== 'subregion')).map((k) => (
          <div class="choice">
            <input type="radio" name="peers" id={`peers-${k}`} value={k} checked={k === pr.peers} />
            <label for={`peers-${k}`}>{t(`bm.peers.${k}`)}</label>
          </div>
        ))}
      </fieldset>
      <div class="field">
        <label for="f-custom">{t('bm.custom_label')}</label>
        <p class="hint" id="f-custom-hint">{t('bm.custom_hint')}</p>
        <input id="f-custom" name="custom" type="text" value={pr.custom.text} dir="auto" aria-describedby="f-custom-hint" />
      </div>
      <button type="submit">{t('bm.compare')}</button>
    </form>
  );
}

/** The country among its peers: the strip plot, the comparison groups and the peer table. */
function AmongPeers(q: TProfileParts) {
  const { t, locale, pr, name, indexName } = q;
  const current = pr.series.find((s) => s.year === pr.edition) as TStanding;
  const strip = stripSvg(
    { id: 'bm-strip-title', title: t('bm.strip_chart', { country: name, index: indexName, year: pr.edition }) },
    pr.groups.map((g) => ({ label: `${groupName(t, locale, g)} (${formatNumber(locale, g.members.length)})`, values: g.members.filter((m) => m.iso3 !== pr.iso3).map((m) => m.value), box: g.stats, highlight: pr.value })),
    { highlightName: name, othersName: t('bm.other_countries'), boxName: t('bm.quartiles'), tick: (v) => formatNumber(locale, v, { minimumFractionDigits: v === 0 || v === 1 ? 0 : 2 }), dir: DIRECTION[locale] },
  );
  return (
    <section aria-labelledby="bm-peers-h">
      <h2 id="bm-peers-h">{t('bm.among_peers', { year: pr.edition })}</h2>
      <PeerForm {...q} />
      {pr.custom.unknown.length > 0 && (
        <p class="error" role="alert">
          {t('bm.custom_unknown')} <bdi>{pr.custom.unknown.join(', ')}</bdi>
        </p>
      )}
      <Chart svg={strip} table="bm-groups-table" label={t('res.see_table')} />
      <TableWrap t={t}>
        <table id="bm-groups-table" class="figures">
          <caption>{t('bm.groups_caption', { index: indexName, year: pr.edition })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bm.group')}</th>
              <th scope="col" class="num">{t('bm.countries')}</th>
              <th scope="col" class="num">{t('bm.min')}</th>
              <th scope="col" class="num">{t('bm.median')}</th>
              <th scope="col" class="num">{t('bm.max')}</th>
              <th scope="col" class="num">{name}</th>
              <th scope="col" class="num">{t('bm.position')}</th>
            </tr>
          </thead>
          <tbody>
            {pr.groups.map((g) => (
              <tr>
                <th scope="row">{groupName(t, locale, g)}</th>
                <td class="num">{formatNumber(locale, g.members.length)}</td>
                <td class="num">{score(locale, g.stats?.min)}</td>
                <td class="num">{score(locale, g.stats?.median)}</td>
                <td class="num">{score(locale, g.stats?.max)}</td>
                <td class="num">{score(locale, pr.value)}</td>
                <td class="num">{pct(locale, g.position)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <p class="muted">{t('bm.position_explain')}</p>
      <TableWrap t={t}>
        <table id="bm-peers-table" class="figures">
          <caption>{t('bm.peers_caption', { group: groupName(t, locale, { kind: pr.peers, code: pr.groups.find((g) => g.kind === pr.peers)?.code ?? null }), year: pr.edition })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('bm.country')}</th>
              <th scope="col" class="num">{t('bm.egdi')}</th>
              <th scope="col" class="num">{t('bm.epi')}</th>
              <th scope="col" class="num">{t('bm.world_rank', { index: indexName })}</th>
            </tr>
          </thead>
          <tbody>
            {pr.table.map((r) => (
              <tr class={r.iso3 === pr.iso3 ? 'highlight' : undefined} aria-current={r.iso3 === pr.iso3 ? 'true' : undefined}>
                <th scope="row">{r.iso3 === pr.iso3 ? <strong>{countryName(locale, r.iso3)}</strong> : <a href={paths.country(r.iso3)}>{countryName(locale, r.iso3)}</a>}</th>
                <td class="num">{score(locale, r.egdi)}</td>
                <td class="num">{score(locale, r.epi)}</td>
                <td class="num">{pr.index === 'egdi' ? rankOf(t, locale, r.egdiRank, r.egdiOf) : rankOf(t, locale, r.epiRank, r.epiOf)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {current.fictional && <p class="muted">{t('bm.fictional_rank')}</p>}
    </section>
  );
}

/** Where the figures come from, and the same profile as JSON. */
function Sources(q: TProfileParts) {
  const { t, pr } = q;
  return (
    <section aria-labelledby="bm-src-h">
      <h2 id="bm-src-h">{t('bm.sources')}</h2>
      <ul>
        {pr.editions
          .filter((e) => pr.series.some((s) => s.year === e.year))
          .map((e) => (
            // The edition in the reader's language; its file-level provenance (file name, how it was
            // compiled) stays in English in the JSON below and on the editions page.
            <li>{t('bm.edition_source', { year: e.year })}</li>
          ))}
      </ul>
      <p>{t('bm.regions_source')}</p>
      <p>
        <a href={paths.countryJson(pr.iso3)}>{t('bm.download_json')}</a>
      </p>
    </section>
  );
}

/** A country's profile beside the UN E-Government Survey. */
export function CountryProfilePage(p: { t: TFn; locale: TLocale; p: TCountryProfile }) {
  const { t, locale } = p;
  const pr = p.p;
  const name = countryName(locale, pr.iso3);
  const q: TProfileParts = { t, locale, pr, name, indexName: t(`bm.${pr.index}`) };
  return (
    <>
      <h1>{name}</h1>
      {pr.fictional && (
        <p class="warning" role="note">
          {t('bm.fictional')}
        </p>
      )}
      {pr.m49 && <p class="muted">{t('bm.region_line', { region: m49Name(locale, pr.m49.region), subregion: m49Name(locale, pr.m49.subregion) })}</p>}
      <p>{t('bm.intro')}</p>
      <p class="notice">{t('bm.epi_relative')}</p>
      <OverTime {...q} />
      <AmongPeers {...q} />
      <Sources {...q} />
    </>
  );
}
