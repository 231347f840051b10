// The validation page: coverage, unsupported answers and undecided items per pillar before locking results.
import { openPoints, type TValidationCheck } from '../../domain/assessments/get-validation.ts';
import { decisionsOpen } from '../../domain/workshop/record-consensus.ts';
import type { AssessmentAccess } from '../../domain/kernel/access.ts';
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { pct, score } from '../kit/format.ts';
import { txt, Tx } from '../kit/instrument-text.tsx';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { ErrorSummary, Field } from '../kit/forms.tsx';
import { TableWrap } from '../kit/table.tsx';
import { assessmentPaths } from '../paths.ts';
import { pillarById } from '../../instrument/model.ts';

/** The coordinator's check before validating, and the validate / reopen forms. */
export function ValidationPage(p: { t: TFn; locale: TLocale; v: TValidationCheck & { access: AssessmentAccess }; error?: string | undefined; fields?: Record<string, string> | undefined }) {
  const { t, locale, v } = p;
  const a = v.access.assessment;
  const inst = v.access.instrument;
  const list = (rows: TValidationCheck['unsupported'], id: string, title: string, empty: string) => (
    <section aria-labelledby={id}>
      <h3 id={id}>{`${title} (${formatNumber(locale, rows.length)})`}</h3>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul>
          {rows.map((r) => (
            <li>
              <a href={assessmentPaths(a.id).workshopItem(r.item.id)}>{r.item.id}</a> <Tx text={r.item.question} locale={locale} inst={inst} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={v.access} current={assessmentPaths(a.id).validation} />
      <h2>{t('val.title')}</h2>
      <p>{t('val.intro')}</p>
      <dl class="pairs">
        <dt>{t('res.index')}</dt>
        <dd>{score(locale, v.scores.score)}</dd>
        <dt>{t('res.coverage')}</dt>
        <dd>{pct(locale, v.scores.coverage)}</dd>
      </dl>
      <TableWrap t={t}>
        <table>
          <caption>{t('val.coverage_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ws.pillar')}</th>
              <th scope="col" class="num">{t('res.score')}</th>
              <th scope="col" class="num">{t('res.coverage')}</th>
              <th scope="col" class="num">{t('res.unsupported')}</th>
              <th scope="col" class="num">{t('val.without_consensus_short')}</th>
            </tr>
          </thead>
          <tbody>
            {v.scores.pillars.map((pl) => (
              <tr>
                <th scope="row">{`${pl.id} · ${txt(inst, pillarById(inst, pl.id)?.title, locale)}`}</th>
                <td class="num">{score(locale, pl.score)}</td>
                <td class="num">{pct(locale, pl.coverage)}</td>
                <td class="num">{formatNumber(locale, pl.unsupported)}</td>
                <td class="num">{formatNumber(locale, v.withoutConsensus.filter((x) => x.pillar.id === pl.id).length)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {list(v.withoutConsensus, 'val-nc', t('val.without_consensus'), t('val.none'))}
      {list(v.unsupported, 'val-us', t('val.unsupported'), t('val.none'))}
      {list(v.unanswered, 'val-un', t('val.unanswered'), t('val.none'))}
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
            <input type="hidden" name="to" value={a.state === 'validated' ? 'consolidating' : 'collecting'} />
            <Field name="reason" label={t('asm.reason')} error={p.fields?.reason} required />
            <button type="submit" class="secondary">{t(`state.to.${a.state === 'validated' ? 'consolidating' : 'collecting'}`)}</button>
          </form>
        )}
        {a.state !== 'validated' && a.state !== 'consolidating' && <p class="notice">{t('val.not_now', { state: t(`state.${a.state}`) })}</p>}
      </section>
    </>
  );
}
