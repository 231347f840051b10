// The validation page: coverage, unsupported answers and undecided items per pillar before locking results.
import { openPoints, type TValidationCheck } from '../../domain/assessments/get-validation.ts';
import { decisionsOpen } from '../../domain/workshop/record-consensus.ts';
import type { AssessmentAccess } from '../../domain/kernel/access.ts';
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { Pairs } from '../kit/dl.tsx';
import { pct, score } from '../kit/format.ts';
import { txt, Tx } from '../kit/instrument-text.tsx';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { ErrorSummary, Field } from '../kit/forms.tsx';
import { DataTable } from '../kit/table.tsx';
import { assessmentPaths } from '../paths.ts';
import { pillarById } from '../../instrument/model.ts';

type TCheck = TValidationCheck & { access: AssessmentAccess };
type TFormState = { error?: string | undefined; fields?: Record<string, string> | undefined; consensualError?: string | undefined };

/** Per pillar: score, coverage, unsupported answers and items still without an agreed answer. */
function CoverageTable(p: { t: TFn; locale: TLocale; v: TCheck }) {
  const { t, locale, v } = p;
  const inst = v.access.instrument;
  return (
    <DataTable
      t={t}
      caption={t('val.coverage_caption')}
      rows={v.scores.pillars}
      columns={[
        { head: t('ws.pillar'), rowHeader: true, cell: (pl) => `${pl.id} · ${txt(inst, pillarById(inst, pl.id)?.title, locale)}` },
        { head: t('res.score'), num: true, cell: (pl) => score(locale, pl.score) },
        { head: t('res.coverage'), num: true, cell: (pl) => pct(locale, pl.coverage) },
        { head: t('res.unsupported'), num: true, cell: (pl) => formatNumber(locale, pl.unsupported) },
        { head: t('val.without_consensus_short'), num: true, cell: (pl) => formatNumber(locale, v.withoutConsensus.filter((x) => x.pillar.id === pl.id).length) },
      ]}
    />
  );
}

/** Lists of open points longer than this are folded. */
const FOLD_ABOVE = 5;

/** One kind of open point (no consensus, unsupported, unanswered) as a counted list of items. */
function OpenPoints(p: { t: TFn; locale: TLocale; v: TCheck; rows: TValidationCheck['unsupported']; id: string; title: string }) {
  const { t, locale, v } = p;
  const list = (
    <ul>
      {p.rows.map((r) => (
        <li>
          <a href={assessmentPaths(v.access.assessment.id).workshopItem(r.item.id)}>{r.item.id}</a> <Tx text={r.item.question} locale={locale} inst={v.access.instrument} />
        </li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby={p.id}>
      <h3 id={p.id}>{`${p.title} (${formatNumber(locale, p.rows.length)})`}</h3>
      {p.rows.length === 0 ? (
        <p>{t('val.none')}</p>
      ) : p.rows.length <= FOLD_ABOVE ? (
        list
      ) : (
        // A long list is folded: unfolded, 72 questions put the decision 7,000 px down a phone's page.
        <details>
          <summary>{t('val.show_items', { count: p.rows.length })}</summary>
          {list}
        </details>
      )}
    </section>
  );
}

/**
 * Accepting the consensual defaults in one step: the rule and its threshold, how many items it settles and
 * which (folded away: there can be dozens), and the button. Shown while decisions can be recorded.
 */
function ConsensualDefaults(p: { t: TFn; locale: TLocale; v: TCheck; error?: string | undefined }) {
  const { t, locale, v } = p;
  const a = v.access.assessment;
  if (!decisionsOpen(a.state)) return null;
  const two = (x: number) => formatNumber(locale, x, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <section aria-labelledby="val-cd" class="card">
      <h3 id="val-cd">{t('val.consensual_title')}</h3>
      <ErrorSummary message={p.error} />
      <p>{t('val.consensual_rule', { threshold: two(v.consensualThreshold) })}</p>
      {v.consensual.length === 0 ? (
        <p>{t('val.consensual_none')}</p>
      ) : (
        <>
          <details>
            <summary>{t('val.consensual_count', { count: v.consensual.length })}</summary>
            <ul>
              {v.consensual.map((r) => (
                <li>
                  <a href={assessmentPaths(a.id).workshopItem(r.item.id)}>{r.item.id}</a> <Tx text={r.item.question} locale={locale} inst={v.access.instrument} />{' '}
                  <span class="muted">{t('val.consensual_item', { agreement: two(r.agreement) })}</span>
                </li>
              ))}
            </ul>
          </details>
          <form method="post" action={assessmentPaths(a.id).acceptDefaults}>
            <input type="hidden" name="expected" value={String(v.consensual.length)} />
            <button type="submit">{t('val.consensual_submit', { count: v.consensual.length })}</button>
          </form>
        </>
      )}
    </section>
  );
}

/** The validate form (acknowledging open points if any) and the reopen form, as the state allows. */
function ValidationActions(p: { t: TFn; v: TCheck } & TFormState) {
  const { t, v } = p;
  const a = v.access.assessment;
  const back = a.state === 'validated' ? 'consolidating' : 'collecting';
  return (
    <section aria-labelledby="val-act" class="card">
      <h3 id="val-act">{t('val.decide')}</h3>
      <ErrorSummary message={p.error} />
      {decisionsOpen(a.state) && (
        <form method="post" action={assessmentPaths(a.id).validation} class="state-form" novalidate>
          <input type="hidden" name="to" value="validated" />
          {openPoints(v) > 0 && (
            <div class={`field${p.fields?.acknowledge ? ' has-error' : ''}`}>
              {p.fields?.acknowledge && <p class="error" id="ack-err">{p.fields.acknowledge}</p>}
              <div class="choice">
                <input type="checkbox" id="acknowledge" name="acknowledge" value="1" aria-describedby={p.fields?.acknowledge ? 'ack-err' : undefined} />
                <label for="acknowledge">{t('val.acknowledge', { nc: v.withoutConsensus.length, us: v.unsupported.length })}</label>
              </div>
            </div>
          )}
          <button type="submit">{t('state.to.validated')}</button>
        </form>
      )}
      {(a.state === 'validated' || a.state === 'consolidating') && (
        <form method="post" action={assessmentPaths(a.id).validation} class="state-form" novalidate>
          <input type="hidden" name="to" value={back} />
          <Field name="reason" label={t('asm.reason')} error={p.fields?.reason} required />
          <button type="submit" class="secondary">{t(`state.back.${back}`)}</button>
        </form>
      )}
      {a.state !== 'validated' && a.state !== 'consolidating' && <p class="notice">{t('val.not_now', { state: t(`state.${a.state}`) })}</p>}
    </section>
  );
}

/** The coordinator's check before validating, and the validate / reopen forms. */
export function ValidationPage(p: { t: TFn; locale: TLocale; v: TCheck } & TFormState) {
  const { t, locale, v } = p;
  const a = v.access.assessment;
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={v.access} current={assessmentPaths(a.id).validation} />
      <h2>{t('val.title')}</h2>
      <p>{t('val.intro')}</p>
      <Pairs
        pairs={[
          [t('res.index'), score(locale, v.scores.score)],
          [t('res.coverage'), pct(locale, v.scores.coverage)],
        ]}
      />
      <CoverageTable t={t} locale={locale} v={v} />
      <OpenPoints t={t} locale={locale} v={v} rows={v.withoutConsensus} id="val-nc" title={t('val.without_consensus')} />
      <ConsensualDefaults t={t} locale={locale} v={v} error={p.consensualError} />
      <OpenPoints t={t} locale={locale} v={v} rows={v.unsupported} id="val-us" title={t('val.unsupported')} />
      <OpenPoints t={t} locale={locale} v={v} rows={v.unanswered} id="val-un" title={t('val.unanswered')} />
      <ValidationActions t={t} v={v} error={p.error} fields={p.fields} />
    </>
  );
}
