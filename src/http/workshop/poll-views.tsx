// Quick-poll pieces shared by the room screen, the member's poll page and the room code's page: the result
// (members' and account-less votes counted apart; a checklist per option with the resulting score), the
// ballot (one choice, or the options a voter believes are in place), and how to reach the vote (short code,
// full address, QR code).
import type { TPollView } from '../../domain/workshop/poll-view.ts';
import { formatNumber, listOf, type TFn, type TLocale } from '../../i18n/index.ts';
import type { TInstrument } from '../../instrument/schema.ts';
import { qrSvg } from '../../lib/qr.ts';
import { bucketLabel } from '../kit/answer-text.tsx';
import { Ltr, Msg } from '../kit/bidi.tsx';
import { CountBar } from '../kit/distribution.tsx';
import { pct, time } from '../kit/format.ts';
import { Tx } from '../kit/instrument-text.tsx';
import { DataTable } from '../kit/table.tsx';

/** The votes of a quick poll per answer (per option for a checklist), account-less votes in their own column. */
export function PollResult(p: { t: TFn; locale: TLocale; inst: TInstrument; poll: TPollView }) {
  const { t, locale, poll } = p;
  const max = Math.max(1, ...poll.choices.map((c) => c.votes));
  const cl = poll.checklist;
  return (
    <>
      <DataTable
        t={t}
        class="dist"
        caption={t('room.poll_caption', { votes: poll.votes })}
        rows={poll.choices}
        columns={[
          { head: cl ? t('poll.option') : t('ws.answer'), rowHeader: true, cell: (c) => bucketLabel(t, locale, p.inst, poll.item, c.key) },
          { head: cl ? t('poll.ticked_by') : t('room.votes'), num: true, cell: (c) => <CountBar locale={locale} n={c.votes} max={max} /> },
          ...(cl ? [{ head: t('poll.share'), num: true, cell: (c: TPollView['choices'][number]) => pct(locale, cl.shares.find((s) => s.id === c.key)?.share) }] : []),
          ...(poll.anonymous > 0 ? [{ head: t('poll.without_account'), num: true, cell: (c: TPollView['choices'][number]) => formatNumber(locale, c.anonymous) }] : []),
        ]}
      />
      {poll.anonymous > 0 && <p class="muted">{t('poll.anonymous_count', { n: poll.anonymous, members: poll.votes - poll.anonymous })}</p>}
      {cl && cl.voters > 0 && (
        <p>
          {t('poll.checklist_result', { inPlace: cl.inPlace.length, options: poll.choices.length, score: pct(locale, cl.score) })}
        </p>
      )}
    </>
  );
}

/** The ballot: radio buttons for one choice, or check boxes for the options a voter believes are in place. */
export function BallotFields(p: { t: TFn; locale: TLocale; inst: TInstrument; poll: TPollView }) {
  const { t, locale, poll } = p;
  const multiple = poll.item.type === 'checklist';
  return (
    <fieldset class="q">
      <legend>
        <span class="item-id">{poll.item.id}</span> <Tx text={poll.item.question} locale={locale} inst={p.inst} />
      </legend>
      {multiple && <p class="hint">{t('poll.checklist_hint')}</p>}
      {poll.choices.map((c) => (
        <div class="choice">
          <input type={multiple ? 'checkbox' : 'radio'} name="choice" id={`choice-${c.key}`} value={c.key} checked={poll.myChoice?.includes(c.key) ?? false} />
          <label for={`choice-${c.key}`}>{bucketLabel(t, locale, p.inst, poll.item, c.key)}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** The voter's own ballot in words. */
export function yourVote(t: TFn, locale: TLocale, inst: TInstrument, poll: TPollView): string | undefined {
  if (!poll.myChoice) return undefined;
  const labels = poll.myChoice.map((k) => bucketLabel(t, locale, inst, poll.item, k));
  return t('poll.your_vote', { choice: labels.length ? listOf(locale, labels) : t('poll.none_ticked') });
}

/** How to reach the vote from a phone: the short code, the full address and a QR code of it. */
export function VoteInvite(p: { t: TFn; locale: TLocale; code: string; url: string; openUntil: string | null }) {
  const { t } = p;
  return (
    <div class="vote-invite">
      <div>
        <p class="vote-code-label">{t('room.vote_with_code')}</p>
        <p class="vote-code"><Ltr>{p.code}</Ltr></p>
        <p class="vote-url"><Ltr>{p.url}</Ltr></p>
        <p class="muted">{p.openUntil ? <Msg t={t} k="room.open_to_all_until" values={{ at: time(p.locale, new Date(p.openUntil)) }} /> : t('room.members_only')}</p>
      </div>
      <div class="qr" dangerouslySetInnerHTML={{ __html: qrSvg(p.url, t('room.qr_label', { code: p.code })) }} />
    </div>
  );
}
