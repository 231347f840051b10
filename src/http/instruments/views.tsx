// Pages of the instruments area: the versions, one version's overview, a pillar with its items, the methodology.
import type { InstrumentRow } from '../../db/repositories/instruments.ts';
import type { TInstrument, TItem, TPillar } from '../../instrument/schema.ts';
import { formatDateTime, formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { TableWrap } from '../kit/table.tsx';
import { Tx, TranslationNotice } from '../kit/instrument-text.tsx';
import { paths } from '../paths.ts';
import { allPillars } from '../../instrument/model.ts';

const base = (inst: TInstrument) => paths.instrument(inst.key, inst.version);

/** The list of stored versions. */
export function InstrumentListPage(p: { t: TFn; locale: TLocale; rows: (InstrumentRow & { items: number; scored: number; languages: string[] })[] }) {
  const { t } = p;
  return (
    <>
      <h1>{t('inst.list_title')}</h1>
      <p>{t('inst.list_intro')}</p>
      <TableWrap t={t}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('inst.version')}</th>
              <th scope="col">{t('inst.status')}</th>
              <th scope="col">{t('inst.languages')}</th>
              <th scope="col">{t('users.created')}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr>
                <td>
                  <a href={paths.instrument(r.instrument_key, r.version)}>{`${r.instrument_key} ${r.version}`}</a>
                  <br />
                  <span class="muted">{t('inst.items_count', { count: r.items })} · {t('inst.scored_count', { count: r.scored })}</span>
                </td>
                <td>{t(`inst.status.${r.status}`)}</td>
                <td>{r.languages.join(', ')}</td>
                <td>{formatDateTime(p.locale, r.created_at, { dateStyle: 'medium', timeZone: 'UTC' })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

/** Overview of one version: parts and pillars with their weights. */
export function InstrumentOverviewPage(p: { t: TFn; locale: TLocale; inst: TInstrument; status: string }) {
  const { t, inst, locale } = p;
  return (
    <>
      <h1>
        <Tx text={inst.title} locale={locale} inst={inst} />
      </h1>
      <p>
        <span class="badge">{`${inst.version}`}</span> <span class="badge">{t(`inst.status.${p.status}`)}</span>
      </p>
      <TranslationNotice t={t} locale={locale} inst={inst} />
      <Tx as="p" text={inst.description} locale={locale} inst={inst} />
      {inst.parts.map((part) => (
        <section aria-labelledby={`part-${part.id}`}>
          <h2 id={`part-${part.id}`}>
            {t('inst.part', { id: part.id })} — <Tx text={part.title} locale={locale} inst={inst} />
          </h2>
          <Tx as="p" text={part.description} locale={locale} inst={inst} />
          <ul class="pillars">
            {part.pillars.map((pl) => (
              <li class="card">
                <h3>
                  <a href={`${base(inst)}/${pl.id}`}>
                    {`${pl.id}. `}
                    <Tx text={pl.title} locale={locale} inst={inst} />
                  </a>
                </h3>
                <Tx as="p" text={pl.description} locale={locale} inst={inst} />
                <p class="muted">
                  {t('inst.items_count', { count: pl.items.length })} · {t('inst.pillar_weight', { weight: formatNumber(locale, pl.weight) })}
                  {pl.epiStage ? ` · ${t('inst.epi_stage', { stage: t(`epi_stage.${pl.epiStage}`) })}` : ''}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p>
        <a href={paths.instrumentJson(inst.key, inst.version)} download={`${inst.key}-${inst.version}.json`}>{t('inst.download_json')}</a>
      </p>
    </>
  );
}

function Tags(p: { t: TFn; item: TItem }) {
  const { t, item } = p;
  const rows: [string, string][] = [];
  if (item.tags.stages.length) rows.push([t('tag.stages'), item.tags.stages.map((s) => t(`stage.${s}`)).join(', ')]);
  if (item.tags.iap2) rows.push([t('tag.iap2'), t(`iap2.${item.tags.iap2}`)]);
  if (item.tags.sectors.length) rows.push([t('tag.sectors'), item.tags.sectors.map((s) => t(`sector.${s}`)).join(', ')]);
  if (item.tags.sdg.length) rows.push([t('tag.sdg'), item.tags.sdg.join(', ')]);
  if (!rows.length) return null;
  return (
    <dl class="pairs">
      {rows.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}

/** One item in full. */
export function ItemDetail(p: { t: TFn; locale: TLocale; inst: TInstrument; item: TItem }) {
  const { t, locale, inst, item } = p;
  return (
    <article class="card item" id={item.id} aria-labelledby={`q-${item.id}`}>
      <h3 id={`q-${item.id}`}>
        <span class="item-id">{item.id}</span> <Tx text={item.question} locale={locale} inst={inst} />
      </h3>
      <p class="muted">
        <span class="badge">{t(`inst.type.${item.type}`)}</span> <span class="badge" title={t('inst.provenance_help')}>{t(`inst.provenance.${item.provenance}`)}</span>{' '}
        {item.type !== 'text' && t('inst.weight', { weight: formatNumber(locale, item.weight) })}
        {item.evidenceAbove !== undefined && ` · ${t('inst.evidence_expected', { score: formatNumber(locale, item.evidenceAbove) })}`}
      </p>
      <h4>{t('inst.guidance')}</h4>
      <Tx as="p" text={item.guidance} locale={locale} inst={inst} />
      {item.examples && (
        <>
          <h4>{t('inst.examples')}</h4>
          <Tx as="p" text={item.examples} locale={locale} inst={inst} />
        </>
      )}
      {item.definitions && (
        <>
          <h4>{t('inst.definitions')}</h4>
          <Tx as="p" text={item.definitions} locale={locale} inst={inst} />
        </>
      )}
      {item.type === 'level' && (
        <>
          <h4>{t('inst.levels')}</h4>
          <ol class="levels" start={0}>
            {item.levels.map((l, i) => (
              <li>
                <strong>{`${i} — ${t(`level.${i}`)}`}</strong>: <Tx text={l} locale={locale} inst={inst} />
              </li>
            ))}
          </ol>
        </>
      )}
      {item.type === 'checklist' && (
        <>
          <h4>{t('inst.options')}</h4>
          <ul>
            {item.options.map((o) => (
              <li>
                <Tx text={o.label} locale={locale} inst={inst} /> ({formatNumber(locale, o.weight)})
              </li>
            ))}
          </ul>
        </>
      )}
      {item.type === 'number' && (
        <p>
          {t('inst.unit')}: <Tx text={item.unit} locale={locale} inst={inst} />. {t('inst.thresholds', { t1: formatNumber(locale, item.thresholds[0] ?? 0), t2: formatNumber(locale, item.thresholds[1] ?? 0), t3: formatNumber(locale, item.thresholds[2] ?? 0), t4: formatNumber(locale, item.thresholds[3] ?? 0) })}
        </p>
      )}
      <Tags t={t} item={item} />
      {item.actions.length > 0 && (
        <>
          <h4>{t('inst.actions')}</h4>
          <ul>
            {item.actions.map((a) => (
              <li>
                <Tx text={a.text} locale={locale} inst={inst} />
                <br />
                <span class="muted">{t('inst.action_meta', { lead: t(`lead.${a.lead}`), horizon: t(`horizon.${a.horizon}`) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

/** All items of one pillar, with navigation between pillars. */
export function InstrumentPillarPage(p: { t: TFn; locale: TLocale; inst: TInstrument; pillar: TPillar }) {
  const { t, locale, inst, pillar } = p;
  const pillars = allPillars(inst);
  const i = pillars.findIndex((x) => x.id === pillar.id);
  const prev = pillars[i - 1];
  const next = pillars[i + 1];
  return (
    <>
      <p>
        <a href={base(inst)}>{t('inst.overview')}</a> · <Tx text={inst.title} locale={locale} inst={inst} /> {inst.version}
      </p>
      <h1>
        {`${pillar.id}. `}
        <Tx text={pillar.title} locale={locale} inst={inst} />
      </h1>
      <TranslationNotice t={t} locale={locale} inst={inst} />
      <Tx as="p" text={pillar.description} locale={locale} inst={inst} />
      <nav aria-label={t('inst.pillars_nav')} class="pillar-nav">
        <ul>
          {pillars.map((x) => (
            <li>
              <a href={`${base(inst)}/${x.id}`} aria-current={x.id === pillar.id ? 'page' : undefined}>
                {x.id}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {pillar.items.map((item) => (
        <ItemDetail t={t} locale={locale} inst={inst} item={item} />
      ))}
      <p class="pager">
        {prev && <a href={`${base(inst)}/${prev.id}`} rel="prev">{`${t('inst.prev_pillar')}: ${prev.id}`}</a>}
        {next && <a href={`${base(inst)}/${next.id}`} rel="next">{`${t('inst.next_pillar')}: ${next.id}`}</a>}
      </p>
    </>
  );
}

/** The methodology page: the rules, in the user's language. */
export function MethodologyPage(p: { t: TFn }) {
  const { t } = p;
  const sections = ['items', 'pillars', 'bands', 'evidence', 'agreement', 'default', 'workshop', 'sensitivity', 'uncertainty', 'rules', 'calibration'];
  return (
    <>
      <h1>{t('method.title')}</h1>
      <p>{t('method.intro')}</p>
      {sections.map((s) => (
        <section aria-labelledby={`m-${s}`}>
          <h2 id={`m-${s}`}>{t(`method.${s}_title`)}</h2>
          <p>{t(`method.${s}`)}</p>
          {s === 'items' && <p>{t('method.excluded')}</p>}
        </section>
      ))}
      <h2>{t('method.formulas_title')}</h2>
      <div class="ltr-island" dir="ltr">
        <p class="formula">S_p = Σ wᵢ·sᵢ / Σ wᵢ · C_p = Σ_answered wᵢ / Σ_applicable wᵢ · I = Σ W_p·S_p / Σ W_p</p>
        <p class="formula">Cns = 1 + Σ pₖ · log₂(1 − |xₖ − μ| / d)</p>
        <p class="formula">α = 1 − (n − 1) · Σ o_ck·δ²_ck / Σ n_c·n_k·δ²_ck</p>
      </div>
      <p>{t('method.formulas_link')}</p>
    </>
  );
}
