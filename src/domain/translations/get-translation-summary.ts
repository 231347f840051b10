// Use case: how settled an instrument's translation into one language is, per pillar and as a whole, for the
// notice on questionnaire and instrument pages. Public information about texts anyone reading them sees.
import { findRelease, listStatuses } from '../../db/repositories/translations.ts';
import type { TInstrument, TLang } from '../../instrument/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import { countStatuses, effectiveStatuses, instrumentScope, instrumentStrings, overallStatus, shippedStatus, type TReviewStatus, type TStatusCounts } from './translation-model.ts';

/** The review state of one language of an instrument. */
export interface TTranslationSummary {
  lang: string;
  /** The instrument's source language needs no review. */
  source: boolean;
  /** Per pillar id: counts and the least settled status among its texts. */
  pillars: Map<string, TStatusCounts & { status: TReviewStatus }>;
  /** Every text of the language. */
  all: TStatusCounts;
  /** Approved only when every text is approved and an administrator signed the language off. */
  status: TReviewStatus;
  release: { by: string; at: string } | null;
}

/** The review state of `lang` in an instrument version. */
export async function getTranslationSummary(ctx: Ctx, inst: TInstrument, lang: string): Promise<TTranslationSummary> {
  const scope = instrumentScope(inst);
  const strings = instrumentStrings(inst, lang as TLang);
  const [rows, release] = await Promise.all([listStatuses(ctx.db.kysely, scope, lang), findRelease(ctx.db.kysely, scope, lang)]);
  const statuses = effectiveStatuses(strings, rows, shippedStatus(inst, lang));
  const byPillar = new Map<string, string[]>();
  for (const s of strings) if (s.pillar) byPillar.set(s.pillar, [...(byPillar.get(s.pillar) ?? []), s.key]);
  const pillars = new Map([...byPillar].map(([id, keys]) => {
    const c = countStatuses(keys, statuses);
    return [id, { ...c, status: overallStatus(c) }] as const;
  }));
  const all = countStatuses(strings.map((s) => s.key), statuses);
  const overall = overallStatus(all);
  const source = lang === inst.sourceLanguage;
  return {
    lang,
    source,
    pillars,
    all,
    status: source || (overall === 'approved' && release) ? 'approved' : overall === 'approved' ? 'reviewed' : overall,
    release: release ? { by: release.released_by, at: release.released_at } : null,
  };
}
