// The trace of one item's score: the answer scored, every respondent's answer and evidence, the decisions.
import { decisionOf } from '../../domain/workshop/record-consensus.ts';
import type { TItemTrace } from '../../domain/results/get-item-trace.ts';
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { answerText } from '../kit/answer-text.tsx';
import { Decision } from '../kit/decision.tsx';
import { EvidenceLink } from '../kit/evidence.tsx';
import { pct, score } from '../kit/format.ts';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { TableWrap } from '../kit/table.tsx';
import { Tx } from '../kit/instrument-text.tsx';
import { assessmentPaths } from '../paths.ts';

/** What is behind one item's score. */
export function TracePage(p: { t: TFn; locale: TLocale; tr: TItemTrace }) {
  const { t, locale, tr } = p;
  const res = tr.results;
  const a = res.access.assessment;
  const inst = res.access.instrument;
  const item = tr.item;
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={res.access} current={assessmentPaths(a.id).results} />
      <p>
        <a href={`${assessmentPaths(a.id).results}#items-${tr.pillar.id}`}>{t('res.back')}</a>
      </p>
      <h2>
        <span class="item-id">{item.id}</span> <Tx text={item.question} locale={locale} inst={inst} />
      </h2>
      {res.provisional && <p class="provisional" role="note">{t('res.provisional', { state: t(`state.${a.state}`) })}</p>}
      <dl class="pairs">
        <dt>{t('res.score')}</dt>
        <dd>{score(locale, tr.result?.score)}</dd>
        <dt>{t('res.scored_answer')}</dt>
        <dd>{answerText(t, locale, inst, item, tr.consolidated?.value)}</dd>
        <dt>{t('res.source')}</dt>
        <dd>{tr.consolidated?.source ? t(`res.source.${tr.consolidated.source}`) : '–'}</dd>
        <dt>{t('ws.default_answer')}</dt>
        <dd>{answerText(t, locale, inst, item, tr.consolidated?.defaultAnswer)}</dd>
        <dt>{t('res.agreement')}</dt>
        <dd>{pct(locale, tr.consolidated?.agreement)}</dd>
        <dt>{t('ws.gap')}</dt>
        <dd>{tr.gap?.gap === null || !tr.gap ? '–' : t('ws.gap_value', { gov: score(locale, tr.gap.government), non: score(locale, tr.gap.nonGovernment), gap: score(locale, tr.gap.gap) })}</dd>
        <dt>{t('res.with_evidence')}</dt>
        <dd>
          {formatNumber(locale, tr.consolidated?.withEvidence ?? 0)}
          {tr.result?.unsupported ? ` (${t('res.unsupported_one')})` : ''}
        </dd>
      </dl>
      <section aria-labelledby="tr-dec">
        <h3 id="tr-dec">{t('ws.history')}</h3>
        {tr.decisions.length === 0 ? (
          <p>{t('ws.no_decision')}</p>
        ) : (
          <ol reversed class="history">
            {tr.decisions.map((d) => (
              <li>
                <Decision t={t} locale={locale} inst={inst} item={item} d={decisionOf(d)} />
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="tr-ans">
        <h3 id="tr-ans">{t('ws.answers_title', { count: tr.responses.length })}</h3>
        <TableWrap t={t}>
          <table>
            <caption class="visually-hidden">{t('ws.answers_title', { count: tr.responses.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('res.respondent')}</th>
                <th scope="col">{t('res.side')}</th>
                <th scope="col">{t('ws.answer')}</th>
                <th scope="col">{t('q.evidence')}</th>
              </tr>
            </thead>
            <tbody>
              {tr.responses.map((x) => (
                <tr>
                  <th scope="row">{x.who ?? t('ws.respondent_n', { n: x.number })}</th>
                  <td>{x.government === null ? t('group.none') : x.government ? t('group.government') : t('group.non_government')}</td>
                  <td>{answerText(t, locale, inst, item, x.value)}</td>
                  <td>
                    {x.evidence.map((e) => (
                      <div>
                        <EvidenceLink e={e} assessmentId={a.id} canOpenFiles={tr.canOpenFiles} />
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
    </>
  );
}
