// A workshop decision: the agreed answer with its rationale and dissent.
import type { TInstrument, TItem } from '../../instrument/schema.ts';
import type { TConflict } from '../../domain/workshop/record-consensus.ts';
import { type TFn, type TLocale } from '../../i18n/index.ts';
import { answerText } from './answer-text.tsx';
import { Msg, UserText } from './bidi.tsx';
import { Pairs } from './dl.tsx';
import { dateTime } from './format.ts';

/** A workshop decision: the agreed answer, rationale, dissent, who recorded it and when. */
export function Decision(p: { t: TFn; locale: TLocale; inst: TInstrument; item: TItem; d: TConflict }) {
  const { t, locale } = p;
  return (
    <Pairs
      pairs={[
        [t('ws.agreed_answer'), answerText(t, locale, p.inst, p.item, p.d.value)],
        [t('ws.rationale'), <UserText as="span">{p.d.rationale}</UserText>],
        p.d.dissent && [t('ws.dissent'), <UserText as="span">{p.d.dissent}</UserText>],
        [t('ws.decided'), <Msg t={t} k="ws.decided_by" values={{ name: p.d.decidedBy ?? '?', at: dateTime(locale, p.d.decidedAt), revision: p.d.revision }} />],
      ]}
    />
  );
}
