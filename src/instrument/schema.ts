// The instrument is data, not code: this zod schema is its contract. An instrument is stored as one merged
// JSON document (every text keyed by language); on disk the bundled one is split into structure files and
// one text file per language and pillar, which `loader.ts` merges (easier for translators and reviewers).
import { z } from 'zod';

/** Languages an instrument may carry (the six UN languages). */
export const INSTRUMENT_LANGS = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
/** An instrument language. */
export type TLang = (typeof INSTRUMENT_LANGS)[number];

/** The item types and how each is scored (see docs/METHODOLOGY.md). */
export const ITEM_TYPES = ['status', 'level', 'checklist', 'number', 'text'] as const;
/** Policy-cycle stages an item can concern. */
export const POLICY_STAGES = ['agenda', 'formulation', 'decision', 'implementation', 'evaluation'] as const;
/** IAP2 spectrum of public participation. */
export const IAP2_LEVELS = ['inform', 'consult', 'involve', 'collaborate', 'empower'] as const;
/** Sectors the UN E-Government Survey follows for e-participation. */
export const SECTORS = ['education', 'health', 'finance', 'social_protection', 'labour', 'environment', 'justice'] as const;
/** SDG targets an item can support. */
export const SDG_TARGETS = ['16.6', '16.7', '16.10'] as const;
/** Types of agency that typically lead a recommended action. */
export const LEAD_AGENCIES = [
  'head_of_government', 'ict_ministry', 'justice_ministry', 'finance_ministry', 'public_administration',
  'data_protection_authority', 'statistics_office', 'parliament', 'local_government', 'sector_ministries',
  'civil_society', 'academia', 'private_sector',
] as const;
/** When a recommended action can be done: short ≤ 1 year, medium 1–3 years, long > 3 years. */
export const HORIZONS = ['short', 'medium', 'long'] as const;
/**
 * Where an item comes from. 2026.1 labelled Part II items `documented` and Part I items `reconstructed`;
 * from 2026.2 the label says what UN DESA documented and what this project wrote: `desa_stage` = the
 * e-participation stage is documented by UN DESA, the item is written by this project; `project` = the
 * item (and the enabling-environment pillar) is written by this project after the sources it cites.
 */
export const PROVENANCES = ['documented', 'reconstructed', 'desa_stage', 'project'] as const;
/** How an item of the previous version continues in this one (see `ZCrosswalkEntry`). */
export const CROSSWALK_KINDS = ['same', 'changed', 'split', 'merged', 'dropped'] as const;

const ZId = (re: RegExp, what: string) => z.string().regex(re, `must look like ${what}`);
const ZText = z.string().trim().min(1, 'must not be empty');

/** A text in every language of the instrument (checked against `languages` by `checkInstrument`). */
export const ZI18nText = z.partialRecord(z.enum(INSTRUMENT_LANGS), ZText);
/** A text in several languages. */
export type TI18nText = z.infer<typeof ZI18nText>;

/** A recommended action for the action plan, drawn when the item shows a gap. */
export const ZAction = z.object({
  id: ZId(/^[a-z0-9]{1,8}$/, 'a1'),
  lead: z.enum(LEAD_AGENCIES),
  horizon: z.enum(HORIZONS),
  /**
   * The same action as another item's (written `B.09/a1`): a draft plan merges the two into one action
   * with that item's text, lead and horizon, linked to both items (docs/METHODOLOGY.md §12).
   */
  sameAs: ZId(/^[A-Z]\.\d{2}\/[a-z0-9]{1,8}$/, 'B.09/a1').optional(),
  text: ZI18nText,
});

/** Tags that place an item in the policy cycle, the IAP2 spectrum, sectors and SDG targets. */
export const ZTags = z.object({
  stages: z.array(z.enum(POLICY_STAGES)).default([]),
  iap2: z.enum(IAP2_LEVELS).optional(),
  sectors: z.array(z.enum(SECTORS)).default([]),
  sdg: z.array(z.enum(SDG_TARGETS)).default([]),
});

const ZItemId = ZId(/^[A-Z]\.\d{2}$/, 'A.01');
const ZSourceId = ZId(/^[a-z0-9][a-z0-9-]{1,40}$/, 'un-egov-2024');

/**
 * A published source an instrument draws on (a survey methodology, a standard, a guideline). Titles are
 * proper names and stay in their original language, as in a bibliography; a URL only where it is stable.
 */
export const ZSource = z.object({
  id: ZSourceId,
  author: ZText,
  title: ZText,
  /** Absent for annual series and living standards (the latest edition applies). */
  year: z.number().int().min(1900).max(2100).optional(),
  url: z.url().optional(),
});
/** A published source. */
export type TSource = z.infer<typeof ZSource>;

const ZItemBase = z.object({
  id: ZItemId,
  weight: z.number().positive('must be positive').max(10),
  provenance: z.enum(PROVENANCES),
  /** Ids of the instrument's `sources` the item is modelled on (optional; only where a real source exists). */
  sources: z.array(ZSourceId).optional(),
  tags: ZTags,
  question: ZI18nText,
  /** What counts: the criteria a respondent applies. */
  guidance: ZI18nText,
  examples: ZI18nText.optional(),
  definitions: ZI18nText.optional(),
  /** Evidence is expected when the item score is above this value (0..1); absent → never required. */
  evidenceAbove: z.number().min(0).max(1).optional(),
  actions: z.array(ZAction).default([]),
});

/** yes / partly / no / don't know. */
export const ZStatusItem = ZItemBase.extend({ type: z.literal('status') });
/** A 0–4 maturity rubric with a descriptor for each level. */
export const ZLevelItem = ZItemBase.extend({ type: z.literal('level'), levels: z.array(ZI18nText).length(5, 'needs exactly 5 level descriptors (0–4)') });
/** Options with weights; the score is the checked weight over the total weight. */
export const ZChecklistItem = ZItemBase.extend({
  type: z.literal('checklist'),
  options: z
    .array(z.object({ id: ZId(/^[a-z0-9_]{1,24}$/, 'an_option'), weight: z.number().positive('must be positive'), label: ZI18nText }))
    .min(2, 'needs at least 2 options'),
});
/** A count or amount; thresholds (ascending) give the level 1–4 it reaches. */
export const ZNumberItem = ZItemBase.extend({
  type: z.literal('number'),
  unit: ZI18nText,
  thresholds: z
    .array(z.number())
    .length(4, 'needs 4 thresholds (levels 1–4)')
    .refine((t) => t.every((v, i) => i === 0 || v > (t[i - 1] as number)), 'thresholds must be strictly ascending'),
  min: z.number().default(0),
  max: z.number().optional(),
});
/** A narrative answer, not scored. */
export const ZTextItem = ZItemBase.extend({ type: z.literal('text'), weight: z.number().min(0).max(10).default(0) });

/** Any item. */
export const ZItem = z.discriminatedUnion('type', [ZStatusItem, ZLevelItem, ZChecklistItem, ZNumberItem, ZTextItem]);
/** Any item. */
export type TItem = z.infer<typeof ZItem>;

/** A pillar: a weighted group of items. */
export const ZPillar = z.object({
  id: ZId(/^[A-Z]$/, 'A'),
  weight: z.number().positive('must be positive').max(10),
  /** Part II pillars are the stages of the UN E-Participation Index: reported as stage scores. */
  epiStage: z.enum(['e_information', 'e_consultation', 'e_decision_making']).optional(),
  title: ZI18nText,
  description: ZI18nText,
  items: z.array(ZItem).min(1),
});
/** A pillar. */
export type TPillar = z.infer<typeof ZPillar>;

/** A part: a group of pillars. */
export const ZPart = z.object({ id: ZId(/^[IVX]+$/, 'I'), title: ZI18nText, description: ZI18nText, pillars: z.array(ZPillar).min(1) });
/** A part. */
export type TPart = z.infer<typeof ZPart>;

/** How complete and reviewed one language of the instrument is. */
export const ZTranslationStatus = z.object({
  status: z.enum(['source', 'reviewed', 'draft', 'machine']),
  note: ZText,
});

/**
 * Coverage below which a pillar, part or index score is reported as "insufficient data", without a band,
 * when the instrument sets no `minCoverage`: half of the applicable weight must rest on answers, so that
 * what was answered outweighs what was not (docs/METHODOLOGY.md §3).
 */
export const DEFAULT_MIN_COVERAGE = 0.5;

/**
 * One line of a crosswalk from the previous version: `same` (meaning and scale unchanged, scores
 * comparable), `changed` (same subject, new wording or scale: scores not directly comparable), `split`
 * (one item became several), `merged` (several became one), `dropped` (no successor; `see` names the items
 * that now cover its subject, if any). Items of this version in no entry's `to` are new.
 */
export const ZCrosswalkEntry = z
  .object({
    kind: z.enum(CROSSWALK_KINDS),
    from: z.array(ZItemId).min(1),
    to: z.array(ZItemId).default([]),
    see: z.array(ZItemId).optional(),
  })
  .refine((e) => (e.kind === 'dropped' ? e.to.length === 0 : e.to.length > 0), 'only a dropped item has no successor in `to`')
  .refine((e) => (e.kind === 'split' ? e.from.length === 1 && e.to.length > 1 : e.kind === 'merged' ? e.from.length > 1 && e.to.length === 1 : e.from.length === 1 && e.to.length <= 1), 'same/changed/dropped map one item, split one to several, merged several to one');
/** One line of a crosswalk. */
export type TCrosswalkEntry = z.infer<typeof ZCrosswalkEntry>;

/** A whole instrument version. */
export const ZInstrument = z.object({
  key: ZId(/^[a-z][a-z0-9-]{1,40}$/, 'metep'),
  version: ZId(/^\d{4}\.\d+$/, '2026.1'),
  status: z.enum(['draft', 'published', 'retired']),
  sourceLanguage: z.enum(INSTRUMENT_LANGS),
  languages: z.partialRecord(z.enum(INSTRUMENT_LANGS), ZTranslationStatus),
  title: ZI18nText,
  description: ZI18nText,
  /** Minimum coverage (answered ÷ applicable weight, 0–1) for a score to get a band; absent → DEFAULT_MIN_COVERAGE. */
  minCoverage: z.number().min(0).max(1).optional(),
  /**
   * How this version's items continue those of version `from`, so trends survive instrument changes.
   * `map` (previous id → id here) is the one-to-one form that translated imports write (their items are
   * unchanged); `entries` says, for every item of `from`, whether it is the same, changed, split, merged
   * or dropped (see `crosswalkEntries` in crosswalk.ts, which reads either form).
   */
  crosswalk: z.object({ from: z.string(), map: z.record(z.string(), z.string()).default({}), entries: z.array(ZCrosswalkEntry).optional() }).optional(),
  /** The published sources items cite by id. */
  sources: z.array(ZSource).optional(),
  parts: z.array(ZPart).min(1),
});
/** A whole instrument version. */
export type TInstrument = z.infer<typeof ZInstrument>;
