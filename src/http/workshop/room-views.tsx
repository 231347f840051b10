// The room screen (projector) and the phone's quick-poll page.
import type { TPollView } from '../../domain/workshop/poll-view.ts';
import type { TRoom } from '../../domain/workshop/get-room.ts';
import type { AssessmentAccess } from '../../domain/kernel/access.ts';
import { countryName } from '../../i18n/countries.ts';
import { type TFn, type TLocale } from '../../i18n/index.ts';
import type { TInstrument } from '../../instrument/schema.ts';
import { bucketsOf } from '../../scoring/distribution.ts';
import { answerText, bucketLabel } from '../kit/answer-text.tsx';
import { Msg } from '../kit/bidi.tsx';
import { CountBar, DistributionTable } from '../kit/distribution.tsx';
import { Pairs } from '../kit/dl.tsx';
import { pct, time } from '../kit/format.ts';
import { txt, Tx } from '../kit/instrument-text.tsx';
import { ErrorSummary } from '../kit/forms.tsx';
import { DataTable } from '../kit/table.tsx';
import { BallotFields, PollResult, VoteInvite, yourVote } from './poll-views.tsx';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { assessmentPaths } from '../paths.ts';

/** The part of the room that changes (pushed alone over the room's event stream for room.js to swap in). */
export function RoomLive(p: { t: TFn; locale: TLocale; r: TRoom; at: Date; voteUrl: string }) {
  const { t, locale, r } = p;
  const inst = r.access.instrument;
  const f = r.focus;
  return (
    <>
      <p class="muted room-meta">
        {t('room.summary', { respondents: r.respondents, answers: r.answers, agreed: r.agreedItems, total: r.decidableItems })} · <Msg t={t} k="room.updated" values={{ at: time(locale, p.at) }} />
      </p>
      {f ? (
        <section aria-labelledby="room-item-h">
          <h2 id="room-item-h">
            <span class="item-id">{f.item.id}</span> <Tx text={f.item.question} locale={locale} inst={inst} />
          </h2>
          <div class="room-grid">
            <div>
              {f.poll ? (
                <>
                  {f.poll.open ? <VoteInvite t={t} locale={locale} code={r.code} url={p.voteUrl} openUntil={r.openUntil} /> : <p class="badge">{t('room.poll_closed')}</p>}
                  <PollResult t={t} locale={locale} inst={inst} poll={f.poll} />
                </>
              ) : null}
              <DistributionTable t={t} locale={locale} inst={inst} item={f.item} d={f.distribution} caption={t('room.distribution', { n: f.distribution.answered })} highlight={f.c.defaultAnswer ? bucketsOf(f.item, f.c.defaultAnswer) : undefined} />
            </div>
            <Pairs
              pairs={[
                [t('ws.agreement'), pct(locale, f.c.agreement)],
                [t('ws.default_answer'), answerText(t, locale, inst, f.item, f.c.defaultAnswer)],
                [t('ws.agreed_answer'), f.agreed ? answerText(t, locale, inst, f.item, f.agreed) : t('ws.no_decision')],
              ]}
            />
          </div>
        </section>
      ) : (
        <section aria-labelledby="room-ov-h">
          <h2 id="room-ov-h">{t('room.progress')}</h2>
          <DataTable
            t={t}
            caption={t('room.progress')}
            captionStyle="hidden"
            rows={r.pillars}
            columns={[
              { head: t('ws.pillar'), rowHeader: true, cell: (x) => `${x.pillar.id} · ${txt(inst, x.pillar.title, locale)}` },
              { head: t('ws.agreement'), num: true, cell: (x) => pct(locale, x.agreement) },
              { head: t('room.agreed'), num: true, cell: (x) => t('ws.agreed_of', { agreed: x.agreed, total: x.items }) },
            ]}
          />
        </section>
      )}
    </>
  );
}

/** The projector page. */
export function RoomPage(p: { t: TFn; locale: TLocale; r: TRoom; at: Date; voteUrl: string }) {
  const { t, locale, r } = p;
  const a = r.access.assessment;
  return (
    <div class="room">
      <h1>{t('room.title', { country: countryName(locale, a.country), year: a.cycle_year })}</h1>
      <p class="room-refresh">
        <a href={assessmentPaths(a.id).room} id="room-refresh">{t('room.refresh')}</a> · <a href={r.access.may('workshop.run') ? assessmentPaths(a.id).workshop : assessmentPaths(a.id).overview}>{t('room.leave')}</a>{' '}
        <span id="room-status" role="status"></span>
      </p>
      <div id="room-live" data-events={assessmentPaths(a.id).roomEventsSince(r.snapshot.tag)} data-live-text={t('room.live')} data-offline-text={t('room.offline')}>
        <RoomLive {...p} />
      </div>
    </div>
  );
}

/** The participant's poll page (on a phone). */
export function PollPage(p: { t: TFn; locale: TLocale; access: AssessmentAccess; poll: TPollView | undefined; error?: string | undefined }) {
  const { t, locale, poll } = p;
  const a = p.access.assessment;
  const inst = p.access.instrument;
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={p.access} current={assessmentPaths(a.id).poll} />
      <h2>{t('poll.title')}</h2>
      <ErrorSummary message={p.error} />
      {poll ? (
        <form method="post" action={assessmentPaths(a.id).poll} novalidate>
          <input type="hidden" name="pollId" value={poll.id} />
          <BallotFields t={t} locale={locale} inst={inst} poll={poll} />
          {poll.myChoice && <p class="hint">{yourVote(t, locale, inst, poll)}</p>}
          <button type="submit">{poll.myChoice ? t('poll.change_vote') : t('poll.vote')}</button>
        </form>
      ) : (
        <p>{t('poll.none_open')}</p>
      )}
      <p>
        <a href={assessmentPaths(a.id).poll}>{t('room.refresh')}</a>
      </p>
    </>
  );
}
