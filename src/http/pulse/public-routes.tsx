// The public citizen pulse (mounted at MOUNT.pulse): anyone may open and answer it, signed in or not. A
// refused answer (incomplete, closed, over the limit, code used) comes back as the same form with what was
// chosen still chosen and the reason in the person's language. CSRF: like every form post, the answer must
// come from this site (Origin / Sec-Fetch-Site, app.tsx), which needs no session or token, so it works for
// anonymous visitors.
import { Hono } from 'hono';
import { getPublicPulse } from '../../domain/pulse/get-public-pulse.ts';
import { submitPulse } from '../../domain/pulse/submit-pulse.ts';
import { AppError } from '../../domain/kernel/errors.ts';
import { isLocale, translator } from '../../i18n/index.ts';
import type { AppEnv } from '../env.ts';
import { absolute, paths } from '../paths.ts';
import { page, readForm } from '../request.ts';
import { PosterPage, PulsePage, ThanksPage, ptxt } from './public-views.tsx';
import { header } from '../incoming.ts';

// The public pages load pulse.css, the rules they use and no more: the first visit must stay under 10 KB.
const LIGHT = { stylesheet: 'pulse.css' };

/** The public pulse pages (mounted at MOUNT.pulse). */
export const pulsePublicRoutes = new Hono<AppEnv>();

pulsePublicRoutes.get('/:code', async (c) => {
  const pulse = await getPublicPulse(c.var.ctx, c.req.param('code'));
  return page(c, ptxt(pulse.instrument, pulse.instrument.title, c.var.locale), <PulsePage t={c.var.t} locale={c.var.locale} pulse={pulse} s={{ values: {}, fields: {} }} />, LIGHT);
});

pulsePublicRoutes.post('/:code', async (c) => {
  const code = c.req.param('code');
  const body = await readForm(c, { all: true });
  const values: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    const strings = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    if (strings.length) values[k] = strings.length === 1 ? (strings[0] as string) : strings;
  }
  try {
    await submitPulse(c.var.ctx, code, values, { ip: c.var.ip, userAgent: header(c, 'user-agent') ?? null, locale: c.var.locale });
  } catch (e) {
    if (!(e instanceof AppError) || !['invalid_input', 'throttled', 'conflict', 'gone', 'forbidden'].includes(e.code)) throw e;
    const pulse = await getPublicPulse(c.var.ctx, code);
    const fields = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, c.var.t(v)]));
    return page(c, ptxt(pulse.instrument, pulse.instrument.title, c.var.locale), <PulsePage t={c.var.t} locale={c.var.locale} pulse={pulse} s={{ values, fields, error: c.var.t(e.messageKey) }} />, { ...LIGHT, status: e.status });
  }
  return c.redirect(paths.pulseThanks(code.toUpperCase()), 303);
});

pulsePublicRoutes.get('/:code/thanks', async (c) => {
  const pulse = await getPublicPulse(c.var.ctx, c.req.param('code'));
  return page(c, c.var.t('pulse.thanks_title'), <ThanksPage t={c.var.t} link={absolute(c.var.ctx.config.publicUrl, paths.pulse(pulse.code))} />, LIGHT);
});

pulsePublicRoutes.get('/:code/poster/:lang', async (c) => {
  const lang = c.req.param('lang');
  if (!isLocale(lang)) throw new AppError('not_found', 'error.not_found');
  const pulse = await getPublicPulse(c.var.ctx, c.req.param('code'));
  // The poster is in the language chosen for it, whatever the reader's interface language.
  c.set('locale', lang);
  c.set('t', translator(lang));
  return page(c, ptxt(pulse.instrument, pulse.instrument.title, lang), <PosterPage t={c.var.t} locale={lang} pulse={pulse} link={absolute(c.var.ctx.config.publicUrl, paths.pulse(pulse.code))} />, { ...LIGHT, bare: true });
});
