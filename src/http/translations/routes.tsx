// The translators' workbench and the administrators' rights page. Routes parse, call one use case, present.
import { Hono, type Context } from 'hono';
import { exportXliff } from '../../domain/translations/export-xliff.ts';
import { getTranslationOverview } from '../../domain/translations/get-translation-overview.ts';
import { grantTranslatorRight } from '../../domain/translations/grant-translator-right.ts';
import { listTranslationStrings, type TWorkbenchFilter } from '../../domain/translations/list-translation-strings.ts';
import { listTranslatorRights } from '../../domain/translations/list-translator-rights.ts';
import { reviewTranslations } from '../../domain/translations/review-translations.ts';
import type { AppEnv } from '../env.ts';
import { paths } from '../paths.ts';
import { fieldErrors, flash, formFields, page, param, safeNext } from '../request.ts';
import { TranslationsHome, TranslatorsPage, WorkbenchPage } from './views.tsx';
import { StringPage, type TStringFormState } from './string-views.tsx';
import { decideSuggestion } from '../../domain/translations/decide-suggestion.ts';
import { editTranslation } from '../../domain/translations/edit-translation.ts';
import { getTranslationString } from '../../domain/translations/get-translation-string.ts';
import { suggestTranslation } from '../../domain/translations/suggest-translation.ts';
import { TranslationConflict } from '../../domain/translations/write-translation.ts';
import { AppError } from '../../domain/kernel/errors.ts';

/** The workbench (mounted at MOUNT.translations). */
export const translationRoutes = new Hono<AppEnv>();

translationRoutes.get('/', async (c) => {
  const o = await getTranslationOverview(c.var.ctx, c.var.actor);
  return page(c, c.var.t('tr.title'), <TranslationsHome t={c.var.t} languages={o.languages} isAdmin={!!c.var.actor?.isAdmin} />);
});

async function workbench(c: Context<AppEnv>, f: TWorkbenchFilter, error?: string) {
  const [wb, o] = await Promise.all([listTranslationStrings(c.var.ctx, c.var.actor, f), getTranslationOverview(c.var.ctx, c.var.actor)]);
  return page(c, c.var.t('tr.workbench_title'), <WorkbenchPage t={c.var.t} locale={c.var.locale} wb={wb} f={f} scopes={o.scopes} error={error} />, error ? { status: 400 } : {});
}

function filterOf(lang: string, q: Record<string, string | undefined>, defaultScope: string): TWorkbenchFilter {
  const n = Number(q.page);
  return { lang, scope: q.scope || defaultScope, pillar: q.pillar || undefined, status: q.status || undefined, show: q.show || undefined, page: Number.isFinite(n) && n >= 1 ? n : 1 };
}

translationRoutes.get('/:lang', async (c) => {
  const o = await getTranslationOverview(c.var.ctx, c.var.actor);
  return workbench(c, filterOf(param(c, 'lang'), c.req.query(), o.scopes[0] ?? 'ui'));
});

translationRoutes.get('/:lang/xliff', async (c) => {
  const lang = param(c, 'lang');
  const scope = c.req.query('scope') ?? '';
  const xml = await exportXliff(c.var.ctx, c.var.actor, scope, lang);
  const name = `${scope.replace(/[^\w.-]+/g, '-')}-${lang}.xlf`;
  return c.body(xml, 200, { 'content-type': 'application/xliff+xml; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` });
});

async function stringPage(c: Context<AppEnv>, lang: string, scope: string, key: string, state: TStringFormState = {}, status = 200) {
  const s = await getTranslationString(c.var.ctx, c.var.actor, scope, lang, key);
  return page(c, `${c.var.t('tr.string_title')}: ${key}`, <StringPage t={c.var.t} locale={c.var.locale} s={s} {...state} />, { status });
}

translationRoutes.get('/:lang/string', (c) => stringPage(c, param(c, 'lang'), c.req.query('scope') ?? '', c.req.query('key') ?? ''));

// A refused save re-renders the string page with the typed text kept in its form, the message in the user's
// language, and on a stale save (409) the text that was saved meanwhile beside it.
function refused(c: Context<AppEnv>, lang: string, form: Record<string, string | undefined>, which: 'edit' | 'suggest', e: unknown) {
  const { error } = fieldErrors(c, e);
  const conflict = e instanceof TranslationConflict ? e.current : undefined;
  return stringPage(c, lang, form.scope ?? '', form.key ?? '', { error, text: form.text ?? '', note: form.note, form: which, conflict }, (e as AppError).status ?? 400);
}

translationRoutes.post('/:lang/edit', async (c) => {
  const lang = param(c, 'lang');
  const form = await formFields(c);
  try {
    const r = await editTranslation(c.var.ctx, c.var.actor, { scope: form.scope, lang, key: form.key, text: form.text, baseRevision: form.baseRevision }, c.var.ip);
    flash(c, r.changed ? 'flash.translation_saved' : 'flash.translation_unchanged');
    return c.redirect(paths.translationsString(lang, form.scope ?? '', form.key ?? ''), 303);
  } catch (e) {
    return refused(c, lang, form, 'edit', e);
  }
});

translationRoutes.post('/:lang/suggest', async (c) => {
  const lang = param(c, 'lang');
  const form = await formFields(c);
  try {
    await suggestTranslation(c.var.ctx, c.var.actor, { scope: form.scope, lang, key: form.key, text: form.text, note: form.note }, c.var.ip);
    flash(c, 'flash.suggestion_made');
    return c.redirect(paths.translationsString(lang, form.scope ?? '', form.key ?? ''), 303);
  } catch (e) {
    return refused(c, lang, form, 'suggest', e);
  }
});

translationRoutes.post('/:lang/suggestions/:id', async (c) => {
  const lang = param(c, 'lang');
  const form = await formFields(c);
  const id = param(c, 'id');
  try {
    const r = await decideSuggestion(c.var.ctx, c.var.actor, lang, id, { decision: form.decision, baseRevision: form.baseRevision }, c.var.ip);
    flash(c, r.decision === 'accept' ? 'flash.suggestion_accepted' : 'flash.suggestion_rejected');
  } catch (e) {
    if (!(e instanceof AppError) || !['invalid_input', 'conflict'].includes(e.code)) throw e;
    // The form names the suggestion's string: its page shows the message and the current state of both.
    return stringPage(c, lang, form.scope ?? '', form.key ?? '', { error: fieldErrors(c, e).error, ...(e instanceof TranslationConflict ? { conflict: e.current } : {}) }, e.status);
  }
  return c.redirect(paths.translationsString(lang, form.scope ?? '', form.key ?? ''), 303);
});

translationRoutes.post('/:lang/review', async (c) => {
  const lang = param(c, 'lang');
  const form = await formFields(c);
  const back = safeNext(form.back);
  try {
    await reviewTranslations(c.var.ctx, c.var.actor, { scope: form.scope, lang, status: form.status, ...(form.pillar ? { pillar: form.pillar } : {}), ...(form.keys ? { keys: [form.keys] } : {}) }, c.var.ip);
    flash(c, 'flash.translation_reviewed');
    return c.redirect(back.startsWith(paths.translations) ? back : paths.translationsLang(lang), 303);
  } catch (e) {
    const { error } = fieldErrors(c, e);
    const q = Object.fromEntries(new URL(back, 'http://x').searchParams);
    return workbench(c, filterOf(lang, { ...q, scope: form.scope }, form.scope ?? 'ui'), error);
  }
});

/** The rights page (mounted at MOUNT.translatorsAdmin). */
export const translatorsAdminRoutes = new Hono<AppEnv>();

translatorsAdminRoutes.get('/', async (c) => {
  const rights = await listTranslatorRights(c.var.ctx, c.var.actor);
  return page(c, c.var.t('tr.rights_title'), <TranslatorsPage t={c.var.t} locale={c.var.locale} rights={rights} />);
});

translatorsAdminRoutes.post('/', async (c) => {
  const form = await formFields(c);
  try {
    await grantTranslatorRight(c.var.ctx, c.var.actor, { email: form.email, lang: form.lang, role: form.role }, c.var.ip);
    flash(c, 'flash.translator_granted');
    return c.redirect(paths.translators, 303);
  } catch (e) {
    const { error, fields } = fieldErrors(c, e);
    const rights = await listTranslatorRights(c.var.ctx, c.var.actor);
    return page(c, c.var.t('tr.rights_title'), <TranslatorsPage t={c.var.t} locale={c.var.locale} rights={rights} values={form} error={error} fields={fields} />, { status: 400 });
  }
});
