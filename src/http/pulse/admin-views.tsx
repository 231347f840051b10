// The coordinator's pulse page: opening and closing dates, regions, one-time codes; the public link, its
// QR code and a poster per language once the pulse exists; and the printable sheet of new codes.
import type { TPulseAdmin } from '../../domain/pulse/get-pulse-admin.ts';
import { MAX_CODES } from '../../domain/pulse/generate-pulse-codes.ts';
import { ENDONYM, LOCALES, type TFn, type TLocale } from '../../i18n/index.ts';
import { qrSvg } from '../../lib/qr.ts';
import { AssessmentHeader } from '../kit/assessment-header.tsx';
import { Ltr } from '../kit/bidi.tsx';
import { Pairs } from '../kit/dl.tsx';
import { date, num } from '../kit/format.ts';
import { ErrorSummary, Field } from '../kit/forms.tsx';
import { assessmentPaths, paths } from '../paths.ts';
import { lastDay } from './public-views.tsx';

/** Values and errors of the settings form sent back. */
export interface TSettingsState {
  values: Record<string, string>;
  fields: Record<string, string>;
  error?: string | undefined;
}

/** The pulse settings page. */
export function PulseAdminPage(p: { t: TFn; locale: TLocale; d: TPulseAdmin; s?: TSettingsState | undefined }) {
  const { t, locale, d } = p;
  const a = d.access.assessment;
  const ap = assessmentPaths(a.id);
  const pulse = d.pulse;
  const v = p.s?.values ?? {
    opens: pulse ? pulse.opens_at.slice(0, 10) : '',
    closes: pulse ? lastDay(pulse.closes_at).slice(0, 10) : '',
    regions: pulse ? pulse.regions.join('\n') : '',
    codesRequired: pulse?.codesRequired ? 'on' : '',
  };
  const f = p.s?.fields ?? {};
  return (
    <>
      <AssessmentHeader t={t} locale={locale} d={d.access} current={ap.pulse} />
      <h2>{t('pulse.admin_title')}</h2>
      <p>{t('pulse.admin_intro')}</p>
      {pulse && (
        <section aria-labelledby="pulse-link">
          <h3 id="pulse-link">{t('pulse.link_title')}</h3>
          <Pairs
            pairs={[
              [t('pulse.state'), t(`pulse.state_${pulse.state}`)],
              [t('pulse.link'), <Ltr>{pulse.link}</Ltr>],
              [t('pulse.short_code'), <Ltr>{pulse.code}</Ltr>],
              [t('pulse.dates'), `${date(locale, pulse.opens_at)} – ${date(locale, lastDay(pulse.closes_at))}`],
              [t('pulse.responses'), num(locale, pulse.responses)],
              pulse.codes.total > 0 && [t('pulse.codes_used'), t('pulse.codes_used_of', { used: pulse.codes.used, total: pulse.codes.total })],
            ]}
          />
          <div class="pulse-qr" dangerouslySetInnerHTML={{ __html: qrSvg(pulse.link, t('pulse.qr_label')) }} />
          <p>{t('pulse.posters')}</p>
          <ul class="inline-list">
            {LOCALES.map((l) => (
              <li>
                <a href={paths.pulsePoster(pulse.code, l)} lang={l} hreflang={l}>{ENDONYM[l]}</a>
              </li>
            ))}
          </ul>
          {d.access.may('results.read') && (
            <p>
              <a href={ap.pulseResults}>{t('pulse.results_title')}</a>
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="pulse-settings">
        <h3 id="pulse-settings">{pulse ? t('pulse.settings_title') : t('pulse.open_title')}</h3>
        <form method="post" action={ap.pulse}>
          <ErrorSummary message={p.s?.error} />
          <Field name="opens" type="date" label={t('pulse.opens')} value={v.opens} error={f.opens} required />
          <Field name="closes" type="date" label={t('pulse.closes')} hint={t('pulse.closes_hint')} value={v.closes} error={f.closes} required />
          <Field name="regions" multiline label={t('pulse.regions')} hint={t('pulse.regions_hint')} value={v.regions} error={f.regions} />
          <div class="choice">
            <input type="checkbox" id="f-codesRequired" name="codesRequired" value="on" checked={v.codesRequired === 'on'} aria-describedby="f-codesRequired-hint" />
            <label for="f-codesRequired">{t('pulse.codes_required')}</label>
          </div>
          <p class="hint" id="f-codesRequired-hint">{t('pulse.codes_required_hint')}</p>
          <button type="submit">{pulse ? t('pulse.save') : t('pulse.open')}</button>
        </form>
      </section>
      {pulse && (
        <section aria-labelledby="pulse-codes">
          <h3 id="pulse-codes">{t('pulse.codes_title')}</h3>
          <p>{t('pulse.codes_intro')}</p>
          <form method="post" action={ap.pulseCodes}>
            <Field name="count" type="number" label={t('pulse.codes_count', { max: MAX_CODES })} value={v.count ?? '50'} error={f.count} required />
            <button type="submit">{t('pulse.codes_make')}</button>
          </form>
        </section>
      )}
    </>
  );
}

/** The new one-time codes, once, to print and cut out. */
export function CodesPage(p: { t: TFn; codes: string[]; link: string }) {
  return (
    <>
      <h1>{p.t('pulse.codes_title')}</h1>
      <p class="notice" role="status">{p.t('pulse.codes_once', { n: p.codes.length })}</p>
      <ul class="codes">
        {p.codes.map((c) => (
          <li>
            <Ltr>{p.link}</Ltr>
            <br />
            {p.t('pulse.code')}: <Ltr class="code">{c}</Ltr>
          </li>
        ))}
      </ul>
    </>
  );
}
