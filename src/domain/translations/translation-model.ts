// The translatable strings of a scope (the UI catalogs, or one instrument version) and their review status:
// a stored status applies only while the English source is the one that was reviewed; a string without a
// stored status has the shipped one (the instrument language's, draft for UI strings).
import { createHash } from 'node:crypto';
import { catalog, type TLocale } from '../../i18n/index.ts';
import type { TInstrument, TLang } from '../../instrument/schema.ts';
import { textEntries } from '../../instrument/texts.ts';
import type { TranslationStatusTable } from '../../db/schema.ts';

/** Review statuses, from least to most settled. */
export const REVIEW_STATUSES = ['draft', 'reviewed', 'approved'] as const;
/** A review status. */
export type TReviewStatus = (typeof REVIEW_STATUSES)[number];

/** The scope name of the UI catalogs. */
export const UI_SCOPE = 'ui';

/** The scope name of an instrument version ("metep@2026.2"). */
export function instrumentScope(inst: Pick<TInstrument, 'key' | 'version'>): string {
  return `${inst.key}@${inst.version}`;
}

/** One translatable string in one language. */
export interface TString {
  key: string;
  /** The instrument pillar the text belongs to (null for UI strings and instrument-wide texts). */
  pillar: string | null;
  source: string;
  text: string | undefined;
  /** How many times the text was saved in the workbench (0 or absent: the shipped text). */
  revision?: number;
}

/** A short hash of an English source text: a stored status applies only to the source it was set on. */
export function sourceHash(source: string): string {
  return createHash('sha256').update(source).digest('hex').slice(0, 16);
}

// "pillar.A.title" and "A.03.level.2" belong to pillar A; "title", "part.I.description" to no pillar.
function pillarOf(key: string): string | null {
  const m = /^pillar\.([A-Z])\.|^([A-Z])\.\d{2}\./.exec(key);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/** Every text of an instrument version with its English source and its translation in `lang`. */
export function instrumentStrings(inst: TInstrument, lang: TLang): TString[] {
  return textEntries(inst).map((e) => ({ key: e.key, pillar: pillarOf(e.key), source: e.text[inst.sourceLanguage] ?? '', text: e.text[lang] }));
}

/** Every UI string with its English source and its translation in `lang`. */
export function uiStrings(lang: TLocale): TString[] {
  const en = catalog('en');
  const tr = catalog(lang);
  return Object.keys(en).map((key) => ({ key, pillar: null, source: en[key] ?? '', text: tr[key] }));
}

/** The status a string has before anyone reviews it: the instrument language's shipped status. */
export function shippedStatus(inst: TInstrument | null, lang: string): TReviewStatus {
  if (lang === 'en') return 'approved';
  const s = inst?.languages[lang as TLang]?.status;
  return s === 'source' ? 'approved' : s === 'reviewed' ? 'reviewed' : 'draft';
}

/** A string's effective review status. */
export interface TEffectiveStatus {
  status: TReviewStatus;
  /** The English source changed since the status was set: it needs review again. */
  changed: boolean;
  /** The translation is missing. */
  missing: boolean;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

/** The effective status of each string given the stored rows (key → status). */
export function effectiveStatuses(strings: TString[], rows: TranslationStatusTable[], shipped: TReviewStatus): Map<string, TEffectiveStatus> {
  const byKey = new Map(rows.map((r) => [r.string_key, r]));
  const out = new Map<string, TEffectiveStatus>();
  for (const s of strings) {
    const row = byKey.get(s.key);
    const missing = !s.text;
    const changed = !!row && row.source_hash !== sourceHash(s.source);
    const status: TReviewStatus = missing || changed ? 'draft' : (row?.status ?? shipped);
    out.set(s.key, { status, changed, missing, reviewedBy: row?.reviewed_by ?? null, reviewedAt: row?.reviewed_at ?? null });
  }
  return out;
}

/** Counts of strings per status. */
export interface TStatusCounts {
  total: number;
  draft: number;
  reviewed: number;
  approved: number;
}

/** Counts the statuses of the given keys. */
export function countStatuses(keys: string[], statuses: Map<string, TEffectiveStatus>): TStatusCounts {
  const c: TStatusCounts = { total: 0, draft: 0, reviewed: 0, approved: 0 };
  for (const k of keys) {
    const s = statuses.get(k);
    if (!s) continue;
    c.total++;
    c[s.status]++;
  }
  return c;
}

/** The least settled status among counts (approved only when every string is approved). */
export function overallStatus(c: TStatusCounts): TReviewStatus {
  return c.draft > 0 ? 'draft' : c.reviewed > 0 ? 'reviewed' : 'approved';
}
