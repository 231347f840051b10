// One instrument item in full: question, guidance, answer scale, tags and recommended actions.
import type { TInstrument, TItem } from '../../instrument/schema.ts';
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { Pairs } from '../kit/dl.tsx';
import { levelText } from '../kit/answer-text.tsx';
import { Tx } from '../kit/instrument-text.tsx';
import { ItemSources } from './item-sources.tsx';

/** The item's tags (policy stages, IAP2 level, sectors, SDGs), when it has any. */
function Tags(p: { t: TFn; item: TItem }) {
  const { t, item } = p;
  const { stages, iap2, sectors, sdg } = item.tags;
  if (!stages.length && !iap2 && !sectors.length && !sdg.length) return null;
  return (
    <Pairs
      pairs={[
        stages.length > 0 && [t('tag.stages'), stages.map((s) => t(`stage.${s}`)).join(', ')],
        iap2 && [t('tag.iap2'), t(`iap2.${iap2}`)],
        sectors.length > 0 && [t('tag.sectors'), sectors.map((s) => t(`sector.${s}`)).join(', ')],
        sdg.length > 0 && [t('tag.sdg'), sdg.join(', ')],
      ]}
    />
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
                <strong>{levelText(t, i)}</strong>: <Tx text={l} locale={locale} inst={inst} />
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
      <ItemSources t={t} inst={inst} item={item} />
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
