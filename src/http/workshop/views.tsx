// Workshop pages: items by least agreement per pillar, and one item with every answer and the consensus form.
import type { TWorkshop } from '../../domain/workshop/get-workshop.ts';
import type { TWorkshopItemPage } from '../../domain/workshop/get-workshop-item.ts';
import { decisionOf, decisionsOpen, type TConflict } from '../../domain/workshop/record-consensus.ts';
import { isPollable } from '../../domain/workshop/poll-view.ts';
import type { TValue } from '../../scoring/types.ts';
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { answerText } from '../kit/answer-text.tsx';
import { Decision } from '../kit/decision.tsx';
import { DistributionTable } from '../kit/distribution.tsx';
import { EvidenceLink } from '../kit/evidence.tsx';
import { pct, score } from '../kit/format.ts';
import { txt, Tx } from '../kit/instrument-text.tsx';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { ErrorSummary, Field } from '../kit/forms.tsx';
import { TableWrap } from '../kit/table.tsx';
import { AnswerControls } from '../kit/answer-controls.tsx';
import { bucketsOf } from '../../scoring/distribution.ts';
import { assessmentPaths } from '../paths.ts';

/** Links between the pillars of the workshop, with progress. */
function PillarNav(p: { t: TFn; locale: TLocale; w: Pick<TWorkshop, 'access' | 'pillars'>; current: string | undefined }) {
  const a = p.w.access.assessment;
  return (
    <nav aria-label={p.t('ws.pillars')} class="pillar-nav">
      <ul>
        {p.w.pillars.map((x) => (
          <li>
            <a href={assessmentPaths(a.id).workshopPillar(x.pillar.id)} aria-current={x.pillar.id === p.current ? 'page' : undefined}>
              {`${x.pillar.id} · ${txt(p.w.access.instrument, x.pillar.title, p.locale)}`} <span class="count">{p.t('ws.agreed_of', { agreed: x.agreed, total: x.items })}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The workshop page of one pillar. */
export function WorkshopPage(p: { t: TFn; locale: TLocale; w: TWorkshop }) {
  const { t, locale, w } = p;
  const a = w.access.assessment;
  const inst = w.access.instrument;
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={w.access} current={assessmentPaths(a.id).workshop} />
      {a.state !== 'consolidating' && <p class="notice">{t('ws.not_consolidating', { state: t(`state.${a.state}`) })}</p>}
      <p>{t('ws.intro')}</p>
      <p class="hint">{w.anonymised ? t('ws.anonymised_on') : t('ws.anonymised_off')}</p>
      {w.access.may('assessment.update') && (
        <form method="post" action={assessmentPaths(a.id).anonymise} class="inline">
          <input type="hidden" name="anonymise" value={w.anonymised ? '0' : '1'} />
          <button type="submit" class="secondary">{w.anonymised ? t('ws.show_names') : t('ws.hide_names')}</button>
        </form>
      )}
      <PillarNav t={t} locale={locale} w={w} current={w.pillar?.id} />
      <h2>{w.pillar ? `${w.pillar.id} · ${txt(inst, w.pillar.title, locale)}` : t('ws.most_contested')}</h2>
      {!w.pillar && <p>{t('ws.most_contested_intro')}</p>}
      <TableWrap t={t}>
        <table>
          <caption>{w.pillar ? t('ws.items_caption') : t('ws.most_contested')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ws.item')}</th>
              <th scope="col" class="num">{t('ws.agreement')}</th>
              <th scope="col" class="num">{t('ws.respondents')}</th>
              <th scope="col">{t('ws.default_answer')}</th>
              <th scope="col" class="num">{t('ws.gap')}</th>
              <th scope="col">{t('ws.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {w.items.map((i) => (
              <tr>
                <th scope="row">
                  <a href={assessmentPaths(a.id).workshopItem(i.item.id)}>{i.item.id}</a> <Tx text={i.item.question} locale={locale} inst={inst} />
                </th>
                <td class="num">{pct(locale, i.c.agreement)}</td>
                <td class="num">{formatNumber(locale, i.c.n)}</td>
                <td>{answerText(t, locale, inst, i.item, i.c.defaultAnswer)}</td>
                <td class="num">{score(locale, i.gap?.gap)}</td>
                <td>{i.current ? answerText(t, locale, inst, i.item, decisionOf(i.current).value) : <span class="muted">{t('ws.no_decision')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

/** The workshop page of one item: distribution, answers with comments and evidence, decision. */
export function WorkshopItemPage(p: { t: TFn; locale: TLocale; w: TWorkshopItemPage; error?: string | undefined; fields?: Record<string, string> | undefined; values?: { value?: TValue | null; rationale?: string; dissent?: string } | undefined; conflict?: TConflict | undefined }) {
  const { t, locale, w } = p;
  const a = w.access.assessment;
  const inst = w.access.instrument;
  const item = w.item;
  const cur = w.current;
  const base = p.conflict ? p.conflict.revision : (cur?.revision ?? 0);
  const value: TValue | null | undefined = p.values ? p.values.value : cur ? decisionOf(cur).value : w.c.defaultAnswer;
  const open = decisionsOpen(a.state);
  const back = assessmentPaths(a.id).workshopItem(item.id);
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={w.access} current={assessmentPaths(a.id).workshop} />
      <p>
        <a href={assessmentPaths(a.id).workshopPillar(w.pillar.id)}>{t('ws.back_to_pillar', { pillar: `${w.pillar.id} · ${txt(inst, w.pillar.title, locale)}` })}</a>
        {w.next && (
          <>
            {' · '}
            <a href={assessmentPaths(a.id).workshopItem(w.next)}>{t('ws.next_item', { id: w.next })}</a>
          </>
        )}
      </p>
      <h2>
        <span class="item-id">{item.id}</span> <Tx text={item.question} locale={locale} inst={inst} />
      </h2>
      <details class="guidance">
        <summary>{t('inst.guidance')}</summary>
        <Tx text={item.guidance} locale={locale} inst={inst} as="p" />
      </details>
      <dl class="pairs">
        <dt>{t('ws.agreement')}</dt>
        <dd>{pct(locale, w.c.agreement)}</dd>
        <dt>{t('ws.default_answer')}</dt>
        <dd>{answerText(t, locale, inst, item, w.c.defaultAnswer)}</dd>
        <dt>{t('ws.gap')}</dt>
        <dd>{w.gap?.gap === null || w.gap === undefined ? '–' : t('ws.gap_value', { gov: score(locale, w.gap.government), non: score(locale, w.gap.nonGovernment), gap: score(locale, w.gap.gap) })}</dd>
      </dl>
      <DistributionTable t={t} locale={locale} inst={inst} item={item} d={w.distribution} caption={t('ws.distribution')} highlight={w.c.defaultAnswer ? bucketsOf(item, w.c.defaultAnswer) : undefined} />
      {w.access.may('workshop.run') && (
        <div class="actions">
          <form method="post" action={assessmentPaths(a.id).roomShow} class="inline">
            <input type="hidden" name="itemId" value={item.id} />
            <input type="hidden" name="back" value={back} />
            <button type="submit" class="secondary">{t('ws.show_in_room')}</button>
          </form>
          {isPollable(item) && (
            <form method="post" action={assessmentPaths(a.id).polls} class="inline">
              <input type="hidden" name="itemId" value={item.id} />
              <input type="hidden" name="back" value={back} />
              <button type="submit" class="secondary">{w.poll ? t('ws.restart_poll') : t('ws.start_poll')}</button>
            </form>
          )}
          {w.poll && (
            <form method="post" action={assessmentPaths(a.id).closePoll} class="inline">
              <input type="hidden" name="back" value={back} />
              <button type="submit" class="secondary">{t('ws.close_poll', { votes: w.poll.votes })}</button>
            </form>
          )}
          <a href={assessmentPaths(a.id).room}>{t('ws.open_room')}</a>
        </div>
      )}
      <section aria-labelledby="decision-h" class="card">
        <h3 id="decision-h">{t('ws.decision')}</h3>
        {cur ? <Decision t={t} locale={locale} inst={inst} item={item} d={decisionOf(cur)} /> : <p class="muted">{t('ws.no_decision')}</p>}
        {p.conflict && (
          <div class="warning" role="alert">
            <p>{t('ws.conflict_explain')}</p>
            <Decision t={t} locale={locale} inst={inst} item={item} d={p.conflict} />
          </div>
        )}
        {open ? (
          <form method="post" action={assessmentPaths(a.id).consensus(item.id)} novalidate>
            <ErrorSummary message={p.error} />
            <input type="hidden" name="baseRevision" value={String(base)} />
            <fieldset class={`q${p.fields?.value ? ' has-error' : ''}`}>
              <legend>{cur ? t('ws.revise_answer') : t('ws.record_answer')}</legend>
              {p.fields?.value && <p class="error">{p.fields.value}</p>}
              <AnswerControls t={t} locale={locale} inst={inst} item={item} v={value} />
            </fieldset>
            <Field name="rationale" label={t('ws.rationale')} hint={t('ws.rationale_hint')} multiline value={p.values?.rationale ?? ''} error={p.fields?.rationale} required />
            <Field name="dissent" label={t('ws.dissent_optional')} hint={t('ws.dissent_hint')} multiline value={p.values?.dissent ?? ''} error={p.fields?.dissent} />
            <button type="submit">{t('ws.save_decision')}</button>
          </form>
        ) : (
          <p class="notice">{t('ws.not_consolidating', { state: t(`state.${a.state}`) })}</p>
        )}
      </section>
      <section aria-labelledby="answers-h">
        <h3 id="answers-h">{t('ws.answers_title', { count: w.responses.length })}</h3>
        {w.anonymised && <p class="hint">{t('ws.anonymised_on')}</p>}
        <ul class="responses">
          {w.responses.map((r) => (
            <li>
              <p>
                <strong>{r.name ? `${r.name}${r.organisation ? ` (${r.organisation})` : ''}` : t('ws.respondent_n', { n: r.number })}</strong>{' '}
                <span class="badge">{r.government === null ? t('group.none') : r.government ? t('group.government') : t('group.non_government')}</span>
                {' — '}
                {answerText(t, locale, inst, item, r.value)}
              </p>
              {r.comment && <blockquote>{r.comment}</blockquote>}
              {r.evidence.length > 0 && (
                <ul class="evidence-list">
                  {r.evidence.map((e) => (
                    <li>
                      <EvidenceLink e={e} assessmentId={a.id} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>
      {w.revisions.length > 0 && (
        <section aria-labelledby="history-h">
          <h3 id="history-h">{t('ws.history')}</h3>
          <ol class="history" reversed>
            {w.revisions.map((d) => (
              <li>
                <Decision t={t} locale={locale} inst={inst} item={item} d={decisionOf(d)} />
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
