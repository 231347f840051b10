// The form controls of one answer for any item type (questionnaire and workshop decision).
import type { TInstrument, TItem } from '../../instrument/schema.ts';
import { itemScore } from '../../scoring/item.ts';
import type { TValue } from '../../scoring/types.ts';
import { formatNumber, type TFn, type TLocale } from '../../i18n/index.ts';
import { Tx } from './instrument-text.tsx';
import { levelText } from './answer-text.tsx';

function Choice(p: { name: string; id: string; value: string; checked: boolean; score?: number | undefined; children: unknown; type?: 'radio' | 'checkbox' }) {
  return (
    <div class="choice">
      <input type={p.type ?? 'radio'} name={p.name} id={p.id} value={p.value} checked={p.checked} data-score={p.score === undefined ? undefined : String(p.score)} />
      <label for={p.id}>{p.children as never}</label>
    </div>
  );
}

function Excluded(p: { t: TFn; item: TItem; v: TValue | null | undefined; name: string }) {
  const reason = p.v?.kind === 'excluded' ? p.v.reason : undefined;
  return (
    <>
      <Choice name={p.name} id={`${p.name}-dk`} value="dont_know" checked={reason === 'dont_know'}>{p.t('answer.dont_know')}</Choice>
      <Choice name={p.name} id={`${p.name}-na`} value="not_applicable" checked={reason === 'not_applicable'}>{p.t('answer.not_applicable')}</Choice>
    </>
  );
}

/** The inputs of one item's answer (also the workshop's agreed-answer form): `v.<id>` and `x.<id>`. */
export function AnswerControls(p: { t: TFn; locale: TLocale; inst: TInstrument; item: TItem; v: TValue | null | undefined; error?: string | undefined; typed?: string | undefined }) {
  const { t, locale, inst, item, v } = p;
  const n = `v.${item.id}`;
  switch (item.type) {
    case 'status':
      return (
        <>
          {(['yes', 'partly', 'no'] as const).map((s) => (
            <Choice name={n} id={`${n}-${s}`} value={s} checked={v?.kind === 'status' && v.status === s} score={itemScore(item, { kind: 'status', status: s }) ?? undefined}>{t(`answer.${s}`)}</Choice>
          ))}
          <Excluded t={t} item={item} v={v} name={n} />
        </>
      );
    case 'level':
      return (
        <>
          {item.levels.map((d, i) => (
            <Choice name={n} id={`${n}-${i}`} value={String(i)} checked={v?.kind === 'level' && v.level === i} score={i / 4}>
              <strong>{levelText(t, i)}</strong> — <Tx text={d} locale={locale} inst={inst} />
            </Choice>
          ))}
          <Excluded t={t} item={item} v={v} name={n} />
        </>
      );
    case 'checklist': {
      const checked = v?.kind === 'checklist' ? new Set(v.checked) : new Set<string>();
      return (
        <>
          {item.options.map((o) => (
            <Choice type="checkbox" name={n} id={`${n}-${o.id}`} value={o.id} checked={checked.has(o.id)}>
              <Tx text={o.label} locale={locale} inst={inst} />
            </Choice>
          ))}
          <Choice type="checkbox" name={n} id={`${n}-none`} value="__none" checked={v?.kind === 'checklist' && v.checked.length === 0}>{t('q.none_of_these')}</Choice>
          <Excluded t={t} item={item} v={v} name={`x.${item.id}`} />
        </>
      );
    }
    case 'number':
      return (
        <>
          <div class="field">
            <label for={`${n}-input`}>
              <Tx text={item.unit} locale={locale} inst={inst} />
            </label>
            {p.error && <p class="error" id={`${n}-err`}>{p.error}</p>}
            <input id={`${n}-input`} name={n} type="text" inputmode="decimal" value={p.typed ?? (v?.kind === 'number' ? String(v.number) : '')} aria-invalid={p.error ? 'true' : undefined} aria-describedby={p.error ? `${n}-err` : undefined} data-thresholds={item.thresholds.join(',')} />
            <p class="hint">{t('inst.thresholds', { t1: formatNumber(locale, item.thresholds[0] ?? 0), t2: formatNumber(locale, item.thresholds[1] ?? 0), t3: formatNumber(locale, item.thresholds[2] ?? 0), t4: formatNumber(locale, item.thresholds[3] ?? 0) })}</p>
          </div>
          <Excluded t={t} item={item} v={v} name={`x.${item.id}`} />
        </>
      );
    case 'text':
      return (
        <div class="field">
          <label for={`${n}-text`}>{t('q.your_answer')}</label>
          <textarea id={`${n}-text`} name={n} rows={5}>{v?.kind === 'text' ? v.text : ''}</textarea>
        </div>
      );
  }
}
