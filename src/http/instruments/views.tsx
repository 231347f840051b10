// Pages of the instruments area: the versions, one version's overview, a pillar with its items, the methodology.
import type { TInstrumentSummary } from '../../domain/instruments/list-instrument-summaries.ts';
import type { TInstrument, TPillar } from '../../instrument/schema.ts';
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { Bdi, Ltr } from '../kit/bidi.tsx';
import { date } from '../kit/format.ts';
import { DataTable } from '../kit/table.tsx';
import { Tx, TranslationNotice } from '../kit/instrument-text.tsx';
import { paths } from '../paths.ts';
import { allPillars } from '../../instrument/model.ts';
import { ItemDetail } from './item-detail.tsx';

const base = (inst: TInstrument) => paths.instrument(inst.key, inst.version);
const pillarHref = (inst: TInstrument, pillarId: string) => paths.instrumentPillar(inst.key, inst.version, pillarId);

/** The list of stored versions. */
export function InstrumentListPage(p: { t: TFn; locale: TLocale; rows: TInstrumentSummary[] }) {
  const { t, locale } = p;
  return (
    <>
      <h1>{t('inst.list_title')}</h1>
      <p>{t('inst.list_intro')}</p>
      <DataTable
        t={t}
        caption={t('inst.list_title')}
        captionStyle="hidden"
        rows={p.rows}
        columns={[
          {
            head: t('inst.version'),
            rowHeader: true,
            cell: (r) => (
              <>
                <a href={paths.instrument(r.key, r.version)}>
                  <Bdi>{`${r.key} ${r.version}`}</Bdi>
                </a>
                <br />
                <span class="muted">{t('inst.items_count', { count: r.items })} · {t('inst.scored_count', { count: r.scored })}</span>
              </>
            ),
          },
          { head: t('inst.status'), cell: (r) => t(`inst.status.${r.status}`) },
          { head: t('inst.languages'), cell: (r) => <Ltr>{r.languages.join(', ')}</Ltr> },
          { head: t('users.created'), cell: (r) => <Bdi>{date(locale, r.createdAt)}</Bdi> },
        ]}
      />
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
        <span class="badge">
          <Bdi>{inst.version}</Bdi>
        </span> <span class="badge">{t(`inst.status.${p.status}`)}</span>
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
                  <a href={pillarHref(inst, pl.id)}>
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
      <h2>{t('inst.field_forms')}</h2>
      <p>{t('inst.field_forms_hint')}</p>
      <ul>
        <li>
          <a href={paths.instrumentXlsForm(inst.key, inst.version)}>{t('inst.download_xlsform')}</a>
        </li>
        <li>
          <a href={paths.instrumentXForm(inst.key, inst.version)}>{t('inst.download_xform')}</a>
        </li>
      </ul>
    </>
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
        <a href={base(inst)}>{t('inst.overview')}</a> · <Tx text={inst.title} locale={locale} inst={inst} /> <Bdi>{inst.version}</Bdi>
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
              <a href={pillarHref(inst, x.id)} aria-current={x.id === pillar.id ? 'page' : undefined}>
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
        {prev && <a href={pillarHref(inst, prev.id)} rel="prev">{`${t('inst.prev_pillar')}: ${prev.id}`}</a>}
        {next && <a href={pillarHref(inst, next.id)} rel="next">{`${t('inst.next_pillar')}: ${next.id}`}</a>}
      </p>
    </>
  );
}

/** The methodology page: the rules, in the user's language. */
export function MethodologyPage(p: { t: TFn }) {
  const { t } = p;
  const sections = ['items', 'pillars', 'bands', 'evidence', 'agreement', 'default', 'workshop', 'sensitivity', 'uncertainty', 'rules', 'calibration', 'plan'];
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
        <p class="formula">Pᵢ = 100 · eᵢ · (r − sᵢ) · (½ + ¼·Aᵢ + ¼·Eᵢ)</p>
      </div>
      <p>{t('method.formulas_link')}</p>
    </>
  );
}
