// The public citizen pulse: the questionnaire (a plain form, phone-first, no script), the thank-you page and
// the printable poster with its QR code. Question texts come from the pulse instrument in the page's
// language; every other text from the locale catalogs.
import type { TPublicPulse } from '../../domain/pulse/get-public-pulse.ts';
import { HONEYPOT_FIELD } from '../../domain/pulse/submit-pulse.ts';
import { countryName } from '../../i18n/countries.ts';
import type { TFn, TLocale } from '../../i18n/index.ts';
import type { TPulseInstrument, TPulseQuestion } from '../../instrument/pulse/schema.ts';
import type { TI18nText } from '../../instrument/schema.ts';
import { qrSvg } from '../../lib/qr.ts';
import { Bdi, Ltr } from '../kit/bidi.tsx';
import { date } from '../kit/format.ts';
import { ErrorSummary } from '../kit/forms.tsx';
import { paths } from '../paths.ts';

/** An instrument text in the page's language (the source language where a translation is missing). */
export function ptxt(inst: TPulseInstrument, text: TI18nText | string, locale: TLocale): string {
  return typeof text === 'string' ? text : (text[locale] ?? text[inst.sourceLanguage] ?? '');
}

/** The last day a pulse takes answers (it closes at midnight UTC after it). */
export function lastDay(closesAt: string): string {
  return new Date(Date.parse(closesAt) - 1).toISOString();
}

/** What the form had when it was sent back with errors: the answers as typed, and a message per field. */
export interface TPulseFormState {
  values: Record<string, string | string[]>;
  fields: Record<string, string>;
  error?: string | undefined;
}

function Question(p: { t: TFn; locale: TLocale; inst: TPulseInstrument; q: TPulseQuestion; n: number; regions: string[]; s: TPulseFormState }) {
  const { q, s } = p;
  const id = `q-${q.id}`;
  const err = s.fields[q.id];
  const given = s.values[q.id];
  const picked = (v: string) => (Array.isArray(given) ? given.includes(v) : given === v);
  const label = `${p.n}. ${ptxt(p.inst, q.question, p.locale)}`;
  if (q.type === 'region') {
    return (
      <div class={err ? 'field has-error' : 'field'}>
        <label for={id}>{label}</label>
        {err && <p class="error" id={`${id}-err`}>{err}</p>}
        <select id={id} name={q.id} aria-describedby={err ? `${id}-err` : undefined}>
          <option value="">{p.t('pulse.no_answer')}</option>
          {p.regions.map((r, i) => (
            <option value={`r${i + 1}`} selected={picked(`r${i + 1}`)}>{r}</option>
          ))}
        </select>
      </div>
    );
  }
  return (
    <fieldset class={err ? 'q has-error' : 'q'} aria-describedby={err ? `${id}-err` : undefined}>
      <legend>
        {label}
        {q.required && <span class="visually-hidden"> ({p.t('pulse.required')})</span>}
      </legend>
      {err && <p class="error" id={`${id}-err`}>{err}</p>}
      {q.options.map((o) => (
        <div class="choice">
          <input type={q.type === 'multi' ? 'checkbox' : 'radio'} id={`${id}-${o.id}`} name={q.id} value={o.id} checked={picked(o.id)} />
          <label for={`${id}-${o.id}`}>{ptxt(p.inst, o.label, p.locale)}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** The pulse questionnaire (or, when it is not open, why not). */
export function PulsePage(p: { t: TFn; locale: TLocale; pulse: TPublicPulse; s: TPulseFormState }) {
  const { t, locale, pulse, s } = p;
  const inst = pulse.instrument;
  const shown = inst.questions.filter((q) => q.type !== 'region' || pulse.regions.length > 0);
  return (
    <article class="pulse">
      <h1>{ptxt(inst, inst.title, locale)}</h1>
      <p class="muted">{countryName(locale, pulse.country)}</p>
      <p>{ptxt(inst, inst.intro, locale)}</p>
      <ErrorSummary message={s.error} />
      {pulse.state === 'open' ? (
        <form method="post" action={paths.pulse(pulse.code)}>
          <p class="hint">{t('pulse.required_note')}</p>
          {shown.map((q, i) => (
            <Question t={t} locale={locale} inst={inst} q={q} n={i + 1} regions={pulse.regions} s={s} />
          ))}
          {pulse.codesRequired && (
            <div class={s.fields.code ? 'field has-error' : 'field'}>
              <label for="f-code">{t('pulse.code')}</label>
              <p class="hint" id="f-code-hint">{t('pulse.code_hint')}</p>
              {s.fields.code && <p class="error" id="f-code-err">{s.fields.code}</p>}
              <input id="f-code" name="code" autocomplete="off" autocapitalize="characters" dir="ltr" value={typeof s.values.code === 'string' ? s.values.code : undefined} aria-describedby={s.fields.code ? 'f-code-hint f-code-err' : 'f-code-hint'} />
            </div>
          )}
          <div class="hp" aria-hidden="true">
            <label for="f-hp">{t('pulse.honeypot')}</label>
            <input id="f-hp" name={HONEYPOT_FIELD} tabindex={-1} autocomplete="off" />
          </div>
          <p class="hint">{t('pulse.privacy')}</p>
          <button type="submit">{t('pulse.send')}</button>
        </form>
      ) : (
        <p class="notice" role="status">
          {pulse.state === 'closed' ? t('pulse.closed_on', { date: date(locale, lastDay(pulse.closesAt)) }) : t('pulse.opens_on', { date: date(locale, pulse.opensAt) })}
        </p>
      )}
    </article>
  );
}

/** After an answer: thanks, and the link to pass on. */
export function ThanksPage(p: { t: TFn; link: string }) {
  return (
    <article class="pulse">
      <h1>{p.t('pulse.thanks_title')}</h1>
      <p role="status">{p.t('pulse.thanks')}</p>
      <p>{p.t('pulse.share_link')}</p>
      <p>
        <Ltr>{p.link}</Ltr>
      </p>
    </article>
  );
}

/** The printable poster in one language: title, invitation, QR code, address and short code. */
export function PosterPage(p: { t: TFn; locale: TLocale; pulse: TPublicPulse; link: string }) {
  const { t, locale, pulse } = p;
  const inst = pulse.instrument;
  return (
    <article class="poster">
      <h1>{ptxt(inst, inst.title, locale)}</h1>
      <p class="poster-lead">{t('pulse.poster_lead', { country: countryName(locale, pulse.country) })}</p>
      <div class="poster-qr" dangerouslySetInnerHTML={{ __html: qrSvg(p.link, t('pulse.qr_label')) }} />
      <p>{t('pulse.poster_type')}</p>
      <p class="poster-link">
        <Ltr>{p.link}</Ltr>
      </p>
      <p>
        {t('pulse.poster_code')} <Bdi>{pulse.code}</Bdi>
      </p>
      <p class="muted">{t('pulse.poster_dates', { from: date(locale, pulse.opensAt), to: date(locale, lastDay(pulse.closesAt)) })}</p>
      <p class="muted">{t('pulse.privacy')}</p>
    </article>
  );
}
