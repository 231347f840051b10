// The trace of one item's score: the answer scored, every respondent's answer and evidence, the decisions.
import { decisionOf } from '../../domain/workshop/record-consensus.ts';
import type { TItemTrace } from '../../domain/results/get-item-trace.ts';
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { answerText } from '../kit/answer-text.tsx';
import { Bdi } from '../kit/bidi.tsx';
import { Decision } from '../kit/decision.tsx';
import { Pairs } from '../kit/dl.tsx';
import { EvidenceLink } from '../kit/evidence.tsx';
import { pct, score } from '../kit/format.ts';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { DataTable } from '../kit/table.tsx';
import { Tx } from '../kit/instrument-text.tsx';
import { assessmentPaths } from '../paths.ts';

type TTraceProps = { t: TFn; locale: TLocale; tr: TItemTrace };

/** The figures behind the score: the answer scored and where it came from, agreement, gap, evidence. */
function TraceFacts(p: TTraceProps) {
  const { t, locale, tr } = p;
  const inst = tr.results.access.instrument;
  const c = tr.consolidated;
  return (
    <Pairs
      pairs={[
        [t('res.score'), score(locale, tr.result?.score)],
        [t('res.scored_answer'), answerText(t, locale, inst, tr.item, c?.value)],
        [t('res.source'), c?.source ? t(`res.source.${c.source}`) : '–'],
        [t('ws.default_answer'), answerText(t, locale, inst, tr.item, c?.defaultAnswer)],
        [t('res.agreement'), pct(locale, c?.agreement)],
        [t('ws.gap'), tr.gap?.gap === null || !tr.gap ? '–' : t('ws.gap_value', { gov: score(locale, tr.gap.government), non: score(locale, tr.gap.nonGovernment), gap: score(locale, tr.gap.gap) })],
        [t('res.with_evidence'), `${formatNumber(locale, c?.withEvidence ?? 0)}${tr.result?.unsupported ? ` (${t('res.unsupported_one')})` : ''}`],
      ]}
    />
  );
}

/** Every answer to the item, one row per respondent, with its evidence. */
function TraceResponses(p: TTraceProps) {
  const { t, locale, tr } = p;
  const inst = tr.results.access.instrument;
  const title = t('ws.answers_title', { count: tr.responses.length });
  return (
    <section aria-labelledby="tr-ans">
      <h3 id="tr-ans">{title}</h3>
      <DataTable
        t={t}
        caption={title}
        captionStyle="hidden"
        rows={tr.responses}
        columns={[
          { head: t('res.respondent'), rowHeader: true, cell: (x) => (x.who ? <Bdi>{x.who}</Bdi> : t('ws.respondent_n', { n: x.number })) },
          { head: t('res.side'), cell: (x) => (x.government === null ? t('group.none') : x.government ? t('group.government') : t('group.non_government')) },
          { head: t('ws.answer'), cell: (x) => answerText(t, locale, inst, tr.item, x.value) },
          {
            head: t('q.evidence'),
            cell: (x) =>
              tr.canReadEvidence
                ? x.evidence.map((e) => (
                    <div>
                      <EvidenceLink e={e} assessmentId={tr.results.access.assessment.id} canOpenFiles={tr.canOpenFiles} />
                    </div>
                  ))
                : x.evidenceCount > 0 && t('res.evidence_count', { count: x.evidenceCount }),
          },
        ]}
      />
    </section>
  );
}

/** What is behind one item's score. */
export function TracePage(p: TTraceProps) {
  const { t, locale, tr } = p;
  const res = tr.results;
  const a = res.access.assessment;
  const inst = res.access.instrument;
  const item = tr.item;
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={res.access} current={assessmentPaths(a.id).results} />
      <p>
        <a href={assessmentPaths(a.id).resultsPillarItems(tr.pillar.id)}>{t('res.back')}</a>
      </p>
      <h2>
        <span class="item-id">{item.id}</span> <Tx text={item.question} locale={locale} inst={inst} />
      </h2>
      {res.provisional && <p class="provisional" role="note">{t('res.provisional', { state: t(`state.${a.state}`) })}</p>}
      <TraceFacts {...p} />
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
      <TraceResponses {...p} />
    </>
  );
}
