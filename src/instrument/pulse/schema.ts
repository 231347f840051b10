// The citizen pulse instrument: a short public survey of the demand side (what people know, use and trust),
// versioned and validated like the main instrument but with its own, much smaller contract. Every question
// names the e-participation stage or the pillar it speaks to, so its answers can sit beside the
// self-assessment (docs/METHODOLOGY.md, "Citizen pulse"). Pure: no I/O.
import { z } from 'zod';
import { INSTRUMENT_LANGS, ZI18nText, type TLang } from '../schema.ts';

/** The stages of the UN E-Participation Index a pulse question can be compared on. */
export const PULSE_STAGES = ['e_information', 'e_consultation', 'e_decision_making'] as const;
/** A stage of the E-Participation Index. */
export type TPulseStage = (typeof PULSE_STAGES)[number];

/** Demographic questions: optional, never required, used only for breakdowns. */
export const DEMOGRAPHICS = ['age', 'gender', 'region', 'area', 'disability'] as const;

const ZOption = z.object({
  id: z.string().regex(/^[a-z0-9_]{1,24}$/, 'must look like a_b'),
  /** Score in [0,1] of a scored question's option; null for an answer that does not count ("did not take part"). */
  score: z.number().min(0).max(1).nullable().optional(),
  label: ZI18nText,
});
/** An answer option. */
export type TPulseOption = z.infer<typeof ZOption>;

const ZQuestion = z.object({
  id: z.string().regex(/^(P\d{2}|D\d)$/, 'must look like P01 or D1'),
  /** `single`: one option; `multi`: any number; `region`: one of the regions the coordinator lists. */
  type: z.enum(['single', 'multi', 'region']),
  required: z.boolean().default(false),
  /** The stage it is compared on (scored questions only). */
  stage: z.enum(PULSE_STAGES).optional(),
  /** The pillar of the self-assessment it speaks to, when not a stage. */
  pillar: z.string().regex(/^[A-Z]$/).optional(),
  demographic: z.enum(DEMOGRAPHICS).optional(),
  question: ZI18nText,
  options: z.array(ZOption).default([]),
});
/** A pulse question. */
export type TPulseQuestion = z.infer<typeof ZQuestion>;

/** A citizen pulse instrument version. */
export const ZPulseInstrument = z.object({
  kind: z.literal('citizen-pulse'),
  key: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
  version: z.string().regex(/^\d{4}\.\d+$/, 'must look like 2026.1'),
  status: z.enum(['draft', 'published']),
  sourceLanguage: z.enum(INSTRUMENT_LANGS),
  languages: z.array(z.enum(INSTRUMENT_LANGS)).min(1),
  title: ZI18nText,
  intro: ZI18nText,
  questions: z.array(ZQuestion).min(10).max(15),
});
/** A citizen pulse instrument version. */
export type TPulseInstrument = z.infer<typeof ZPulseInstrument>;

/** Whether a question's answers are scored (and so compared with the self-assessment). */
export function isScored(q: TPulseQuestion): boolean {
  return q.stage !== undefined && q.options.some((o) => typeof o.score === 'number');
}

/** Validates a pulse instrument: schema, unique ids, every text in every language, sound mappings. */
export function checkPulseInstrument(doc: unknown): { ok: true; instrument: TPulseInstrument } | { ok: false; problems: string[] } {
  const parsed = ZPulseInstrument.safeParse(doc);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(instrument)'}: ${i.message}`) };
  const inst = parsed.data;
  const problems: string[] = [];
  const need = (label: string, text: Partial<Record<TLang, string>>) => {
    for (const l of inst.languages) if (!text[l]) problems.push(`${label}: missing ${l}`);
  };
  need('title', inst.title);
  need('intro', inst.intro);
  const ids = new Set<string>();
  for (const q of inst.questions) {
    if (ids.has(q.id)) problems.push(`${q.id}: duplicate question id`);
    ids.add(q.id);
    need(`${q.id} question`, q.question);
    const optionIds = new Set(q.options.map((o) => o.id));
    if (optionIds.size !== q.options.length) problems.push(`${q.id} options: duplicate option id`);
    for (const o of q.options) need(`${q.id} option ${o.id}`, o.label);
    if (q.type === 'region' ? q.options.length > 0 : q.options.length < 2) problems.push(`${q.id} options: ${q.type === 'region' ? 'regions come from the pulse, not the instrument' : 'needs at least two options'}`);
    if (!q.stage && !q.pillar && !q.demographic) problems.push(`${q.id}: maps to no stage, pillar or demographic`);
    if (q.demographic && q.required) problems.push(`${q.id}: a demographic question is never required`);
    if (q.stage && q.type !== 'single') problems.push(`${q.id}: a question compared on a stage takes one answer`);
    if (q.stage && !q.options.some((o) => typeof o.score === 'number')) problems.push(`${q.id}: a question compared on a stage needs scored options`);
  }
  for (const s of PULSE_STAGES) if (!inst.questions.some((q) => q.stage === s)) problems.push(`stage ${s}: no question compares it`);
  return problems.length ? { ok: false, problems } : { ok: true, instrument: inst };
}
