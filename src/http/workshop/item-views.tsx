// The workshop page of one item: its figures and distribution, the facilitator's room and poll controls,
// the decision with the consensus form, every respondent's answer with comment and evidence, the history.
import type { TWorkshopItemPage } from '../../domain/workshop/get-workshop-item.ts';
import { decisionOf, decisionsOpen, type TConflict } from '../../domain/workshop/record-consensus.ts';
import { isPollable } from '../../domain/workshop/poll-view.ts';
import { PollResult } from './poll-views.tsx';
import type { TValue } from '../../scoring/types.ts';
import { bucketsOf } from '../../scoring/distribution.ts';
import type { TFn, TLocale } from '../../i18n/index.ts';
import { answerText } from '../kit/answer-text.tsx';
import { AnswerControls } from '../kit/answer-controls.tsx';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { Bdi, Msg, UserText } from '../kit/bidi.tsx';
import { Decision } from '../kit/decision.tsx';
import { DistributionTable } from '../kit/distribution.tsx';
import { Pairs } from '../kit/dl.tsx';
import { EvidenceLink } from '../kit/evidence.tsx';
import { pct, score, time } from '../kit/format.ts';
import { ErrorSummary, Field } from '../kit/forms.tsx';
import { txt, Tx } from '../kit/instrument-text.tsx';
import { assessmentPaths } from '../paths.ts';

type TItemProps = { t: TFn; locale: TLocale; w: TWorkshopItemPage };

/** What the form shows after a refused save: the message, field errors, what was typed, a newer decision. */
export interface TDecisionFormState {
  error?: string | undefined;
  fields?: Record<string, string> | undefined;
  values?: { value?: TValue | null; rationale?: string; dissent?: string } | undefined;
  conflict?: TConflict | undefined;
}

/** Agreement, the default answer and the perception gap, then how the answers are distributed. */
function ItemFigures(p: TItemProps) {
  const { t, locale, w } = p;
  const inst = w.access.instrument;
  const gap = w.gap;
  return (
    <>
      <Pairs
        pairs={[
          [t('ws.agreement'), pct(locale, w.c.agreement)],
          [t('ws.default_answer'), answerText(t, locale, inst, w.item, w.c.defaultAnswer)],
          [t('ws.gap'), gap?.gap === null || gap === undefined ? '–' : t('ws.gap_value', { gov: score(locale, gap.government), non: score(locale, gap.nonGovernment), gap: score(locale, gap.gap) })],
        ]}
      />
      <DistributionTable t={t} locale={locale} inst={inst} item={w.item} d={w.distribution} caption={t('ws.distribution')} highlight={w.c.defaultAnswer ? bucketsOf(w.item, w.c.defaultAnswer) : undefined} />
    </>
  );
}

/** The facilitator's switch for voting without an account (by the room code, one vote per device). */
function RoomVotingForm(p: { t: TFn; locale: TLocale; assessmentId: string; openUntil: string | null; back: string }) {
  const { t } = p;
  const open = p.openUntil !== null;
  return (
    <form method="post" action={assessmentPaths(p.assessmentId).roomVoting} class="inline">
      <input type="hidden" name="open" value={open ? '0' : '1'} />
      <input type="hidden" name="back" value={p.back} />
      {open && p.openUntil && <span class="muted"><Msg t={t} k="room.open_to_all_until" values={{ at: time(p.locale, p.openUntil) }} /> </span>}
      <button type="submit" class="secondary">{open ? t('ws.room_members_only') : t('ws.room_open_to_all')}</button>
    </form>
  );
}

/** The facilitator's buttons: show the item in the room, start, restart or close a quick poll. */
function RoomControls(p: TItemProps) {
  const { t, w } = p;
  const a = w.access.assessment;
  const back = assessmentPaths(a.id).workshopItem(w.item.id);
  return (
    <div class="actions">
      <form method="post" action={assessmentPaths(a.id).roomShow} class="inline">
        <input type="hidden" name="itemId" value={w.item.id} />
        <input type="hidden" name="back" value={back} />
        <button type="submit" class="secondary">{t('ws.show_in_room')}</button>
      </form>
      {isPollable(w.item) && (
        <form method="post" action={assessmentPaths(a.id).polls} class="inline">
          <input type="hidden" name="itemId" value={w.item.id} />
          <input type="hidden" name="back" value={back} />
          <button type="submit" class="secondary">{w.poll ? t('ws.restart_poll') : t('ws.start_poll')}</button>
        </form>
      )}
      <RoomVotingForm t={t} locale={p.locale} assessmentId={a.id} openUntil={w.openToAllUntil} back={back} />
      {w.poll?.open && (
        <form method="post" action={assessmentPaths(a.id).closePoll} class="inline">
          <input type="hidden" name="back" value={back} />
          <button type="submit" class="secondary">{t('ws.close_poll', { votes: w.poll.votes })}</button>
        </form>
      )}
      <a href={assessmentPaths(a.id).room}>{t('ws.open_room')}</a>
    </div>
  );
}

/** The current decision, a conflicting newer one if the save was stale, and the form to record or revise. */
function DecisionSection(p: TItemProps & TDecisionFormState) {
  const { t, locale, w } = p;
  const a = w.access.assessment;
  const inst = w.access.instrument;
  const cur = w.current;
  // A stale save builds on the decision that beat it, so saving again is a deliberate overwrite.
  const base = p.conflict ? p.conflict.revision : (cur?.revision ?? 0);
  const value: TValue | null | undefined = p.values ? p.values.value : cur ? decisionOf(cur).value : w.c.defaultAnswer;
  return (
    <section aria-labelledby="decision-h" class="card">
      <h3 id="decision-h">{t('ws.decision')}</h3>
      {/* After a stale save the decision that won is the current one: it is shown once, in the warning. */}
      {cur ? (
        p.conflict?.revision !== cur.revision && <Decision t={t} locale={locale} inst={inst} item={w.item} d={decisionOf(cur)} />
      ) : (
        <p class="muted">{t('ws.no_decision')}</p>
      )}
      {p.conflict && (
        <div class="warning" role="alert">
          <p>{t('ws.conflict_explain')}</p>
          <Decision t={t} locale={locale} inst={inst} item={w.item} d={p.conflict} />
        </div>
      )}
      {decisionsOpen(a.state) ? (
        <form method="post" action={assessmentPaths(a.id).consensus(w.item.id)} novalidate>
          <ErrorSummary message={p.error} />
          <input type="hidden" name="baseRevision" value={String(base)} />
          <fieldset class={`q${p.fields?.value ? ' has-error' : ''}`}>
            <legend>{cur ? t('ws.revise_answer') : t('ws.record_answer')}</legend>
            {p.fields?.value && <p class="error">{p.fields.value}</p>}
            <AnswerControls t={t} locale={locale} inst={inst} item={w.item} v={value} />
          </fieldset>
          <Field name="rationale" label={t('ws.rationale')} hint={t('ws.rationale_hint')} multiline value={p.values?.rationale ?? ''} error={p.fields?.rationale} required />
          <Field name="dissent" label={t('ws.dissent_optional')} hint={t('ws.dissent_hint')} multiline value={p.values?.dissent ?? ''} error={p.fields?.dissent} />
          <button type="submit">{t('ws.save_decision')}</button>
        </form>
      ) : (
        <p class="notice">{t('ws.not_consolidating', { state: t(`state.${a.state}`) })}</p>
      )}
    </section>
  );
}

/** Every respondent's answer with their comment and evidence (numbered instead of named when anonymised). */
function Responses(p: TItemProps) {
  const { t, locale, w } = p;
  return (
    <section aria-labelledby="answers-h">
      <h3 id="answers-h">{t('ws.answers_title', { count: w.responses.length })}</h3>
      {w.anonymised && <p class="hint">{t('ws.anonymised_on')}</p>}
      <ul class="responses">
        {w.responses.map((r) => (
          <li>
            <p>
              <strong>{r.name ? <Bdi>{`${r.name}${r.organisation ? ` (${r.organisation})` : ''}`}</Bdi> : t('ws.respondent_n', { n: r.number })}</strong>{' '}
              <span class="badge">{r.government === null ? t('group.none') : r.government ? t('group.government') : t('group.non_government')}</span>
              {' — '}
              {answerText(t, locale, w.access.instrument, w.item, r.value)}
            </p>
            {r.comment && <UserText as="blockquote">{r.comment}</UserText>}
            {r.evidence.length > 0 && (
              <ul class="evidence-list">
                {r.evidence.map((e) => (
                  <li>
                    <EvidenceLink e={e} assessmentId={w.access.assessment.id} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The workshop page of one item: distribution, answers with comments and evidence, decision. */
export function WorkshopItemPage(p: TItemProps & TDecisionFormState) {
  const { t, locale, w } = p;
  const a = w.access.assessment;
  const inst = w.access.instrument;
  const item = w.item;
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
      <ItemFigures t={t} locale={locale} w={w} />
      {w.access.may('workshop.run') && <RoomControls t={t} locale={locale} w={w} />}
      {w.poll && (
        <section aria-labelledby="poll-h">
          <h3 id="poll-h">{t(w.poll.open ? 'ws.poll_open_title' : 'ws.poll_closed_title')}</h3>
          <PollResult t={t} locale={locale} inst={inst} poll={w.poll} />
        </section>
      )}
      <DecisionSection {...p} />
      <Responses t={t} locale={locale} w={w} />
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
