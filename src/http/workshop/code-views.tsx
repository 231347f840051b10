// The room code's pages, for anyone in the room (no account needed): the form to type a code, and the vote
// it opens while the facilitator allows voting without an account. Plain forms: they work without JavaScript.
import type { TCodePoll } from '../../domain/workshop/get-code-poll.ts';
import { countryName } from '../../i18n/countries.ts';
import type { TFn, TLocale } from '../../i18n/index.ts';
import { Ltr, Msg } from '../kit/bidi.tsx';
import { ErrorSummary, Field } from '../kit/forms.tsx';
import { time } from '../kit/format.ts';
import { paths } from '../paths.ts';
import { BallotFields, PollResult, yourVote } from './poll-views.tsx';

/** The form to type a room code. */
export function CodeFormPage(p: { t: TFn; code?: string | undefined; error?: string | undefined }) {
  const { t } = p;
  return (
    <>
      <h1>{t('vote.title')}</h1>
      <p>{t('vote.intro')}</p>
      <ErrorSummary message={p.error} />
      <form method="get" action={paths.vote} novalidate>
        <Field name="code" label={t('vote.code')} value={p.code} error={p.error} autocomplete="off" />
        <button type="submit">{t('vote.go')}</button>
      </form>
    </>
  );
}

/** What a room code opens for someone who is not a voting member: the vote, or why there is none. */
export function CodePollPage(p: { t: TFn; locale: TLocale; r: Exclude<TCodePoll, { kind: 'member' }>; signedIn: boolean; error?: string | undefined }) {
  const { t, locale, r } = p;
  if (r.kind === 'closed') {
    return (
      <>
        <h1>{t('vote.title')}</h1>
        <p><Msg t={t} k="vote.closed" values={{ code: r.code }} ltr={['code']} /></p>
        {!p.signedIn && (
          <p>
            <a href={paths.signIn(paths.voteCode(r.code))}>{t('vote.sign_in')}</a>
          </p>
        )}
      </>
    );
  }
  const poll = r.poll;
  return (
    <>
      <h1>{t('room.title', { country: countryName(locale, r.country), year: r.year })}</h1>
      <p class="muted">
        <Msg t={t} k="vote.anonymous_until" values={{ at: time(locale, r.openUntil) }} /> · {t('vote.code')} <Ltr>{r.code}</Ltr>
      </p>
      <ErrorSummary message={p.error} />
      {poll?.open ? (
        <form method="post" action={paths.voteCode(r.code)} novalidate>
          <input type="hidden" name="pollId" value={poll.id} />
          <BallotFields t={t} locale={locale} inst={r.instrument} poll={poll} />
          {poll.myChoice && <p class="hint">{yourVote(t, locale, r.instrument, poll)}</p>}
          <button type="submit">{poll.myChoice ? t('poll.change_vote') : t('poll.vote')}</button>
        </form>
      ) : (
        <p>{t('poll.none_open')}</p>
      )}
      {poll?.open && poll.myChoice && <PollResult t={t} locale={locale} inst={r.instrument} poll={poll} />}
      <p>
        <a href={paths.voteCode(r.code)}>{t('room.refresh')}</a>
      </p>
    </>
  );
}
