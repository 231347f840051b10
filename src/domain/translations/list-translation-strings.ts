// Use case: the translator's workbench list — the strings of a scope in one language with the English source,
// the translation, its review status, the glossary terms that apply, filtered by status, pillar, and missing
// or changed source. Translators and reviewers of the language (and administrators) may read it.
import { findRight, listStatuses } from '../../db/repositories/translations.ts';
import { termsFor, type TApplicableTerm } from '../../i18n/glossary.ts';
import { isLocale, type TLocale } from '../../i18n/index.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { authorizeTranslation, canTranslate, type TTranslatorRole } from '../kernel/policies.ts';
import { loadScopeStrings } from './load-scope-strings.ts';
import { countStatuses, effectiveStatuses, REVIEW_STATUSES, type TEffectiveStatus, type TReviewStatus, type TStatusCounts, type TString } from './translation-model.ts';

/** Workbench filters. */
export interface TWorkbenchFilter {
  scope: string;
  lang: string;
  pillar?: string | undefined;
  status?: string | undefined;
  /** "missing": no translation yet; "changed": the English changed since review. */
  show?: string | undefined;
  page?: number | undefined;
}

/** One row of the workbench. */
export type TWorkbenchRow = TString & TEffectiveStatus & { terms: TApplicableTerm[] };

/** The workbench page. */
export interface TWorkbench {
  lang: TLocale;
  scope: string;
  role: TTranslatorRole | undefined;
  mayReview: boolean;
  pillars: string[];
  counts: TStatusCounts;
  rows: TWorkbenchRow[];
  /** Rows matching the filters, of which `rows` is one page. */
  matching: number;
  page: number;
  pages: number;
}

/** Rows shown per page: a page stays small on a phone and a slow connection. */
export const WORKBENCH_PAGE = 25;

/** The strings of a scope and language, filtered and paged. */
export async function listTranslationStrings(ctx: Ctx, actor: Actor | undefined, f: TWorkbenchFilter): Promise<TWorkbench> {
  if (!actor) throw new AppError('unauthenticated', 'error.sign_in_required');
  const right = await findRight(ctx.db.kysely, actor.id, f.lang);
  authorizeTranslation(actor, 'translation.read', right?.role);
  if (!isLocale(f.lang) || f.lang === 'en') throw new AppError('not_found', 'error.not_found');
  const { strings, shipped } = await loadScopeStrings(ctx, f.scope, f.lang);
  const statuses = effectiveStatuses(strings, await listStatuses(ctx.db.kysely, f.scope, f.lang), shipped);
  const status = (REVIEW_STATUSES as readonly string[]).includes(f.status ?? '') ? (f.status as TReviewStatus) : undefined;
  const matching = strings.filter((s) => {
    const st = statuses.get(s.key)!;
    if (f.pillar && s.pillar !== f.pillar) return false;
    if (status && st.status !== status) return false;
    if (f.show === 'missing' && !st.missing) return false;
    if (f.show === 'changed' && !st.changed) return false;
    return true;
  });
  const pages = Math.max(1, Math.ceil(matching.length / WORKBENCH_PAGE));
  const page = Math.min(pages, Math.max(1, Math.floor(f.page ?? 1)));
  const lang = f.lang;
  return {
    lang,
    scope: f.scope,
    role: right?.role,
    mayReview: canTranslate(actor, 'translation.review', right?.role),
    pillars: [...new Set(strings.map((s) => s.pillar).filter((p): p is string => !!p))],
    counts: countStatuses(matching.map((s) => s.key), statuses),
    rows: matching.slice((page - 1) * WORKBENCH_PAGE, page * WORKBENCH_PAGE).map((s) => ({ ...s, ...statuses.get(s.key)!, terms: termsFor(s.source, lang) })),
    matching: matching.length,
    page,
    pages,
  };
}
