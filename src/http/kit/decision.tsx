// A workshop decision: the agreed answer with its rationale and dissent.
import type { TInstrument, TItem } from '../../instrument/schema.ts';
import type { TConflict } from '../../domain/workshop/record-consensus.ts';
import { formatDateTime, type TFn, type TLocale } from '../../i18n/index.ts';
import { answerText } from './answer-text.tsx';

/** A workshop decision: the agreed answer, rationale, dissent, who recorded it and when. */
export function Decision(p: { t: TFn; locale: TLocale; inst: TInstrument; item: TItem; d: TConflict }) {
  const { t, locale } = p;
  return (
    <dl class="pairs">
      <dt>{t('ws.agreed_answer')}</dt>
      <dd>{answerText(t, locale, p.inst, p.item, p.d.value)}</dd>
      <dt>{t('ws.rationale')}</dt>
      <dd>{p.d.rationale}</dd>
      {p.d.dissent && (
        <>
          <dt>{t('ws.dissent')}</dt>
          <dd>{p.d.dissent}</dd>
        </>
      )}
      <dt>{t('ws.decided')}</dt>
      <dd>{t('ws.decided_by', { name: p.d.decidedBy ?? '?', at: formatDateTime(locale, p.d.decidedAt), revision: p.d.revision })}</dd>
    </dl>
  );
}
