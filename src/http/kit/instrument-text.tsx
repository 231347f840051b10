// Instrument texts in the reader's language, falling back to the instrument's source language: as a plain
// string (chart labels, attributes) or as an element marked with its language; and the draft-translation notice.
import type { TI18nText, TInstrument, TLang } from '../../instrument/schema.ts';
import type { TFn, TLocale } from '../../i18n/index.ts';
import type { TTranslationSummary } from '../../domain/translations/get-translation-summary.ts';

/** An instrument text as a plain string (for chart labels and attributes), with the source-language fallback. */
export function txt(inst: TInstrument, text: TI18nText | undefined, locale: TLocale): string {
  return text?.[locale as TLang] ?? text?.[inst.sourceLanguage] ?? '';
}

/** An instrument text in the page language, falling back to the source language (marked with its lang). */
export function Tx(p: { text: TI18nText | undefined; locale: TLocale; inst: TInstrument; as?: 'span' | 'p' | 'div' }) {
  const have = p.text?.[p.locale as TLang];
  const lang = have ? p.locale : p.inst.sourceLanguage;
  const text = have ?? p.text?.[p.inst.sourceLanguage] ?? '';
  const Tag = p.as ?? 'span';
  return lang === p.locale ? <Tag>{text}</Tag> : <Tag lang={lang} dir="auto">{text}</Tag>;
}

/** The honest translation status of the page language. */
export function TranslationNotice(p: { t: TFn; locale: TLocale; inst: TInstrument }) {
  const tr = p.inst.languages[p.locale as TLang] ?? p.inst.languages[p.inst.sourceLanguage];
  if (!tr || tr.status === 'source' || tr.status === 'reviewed') return null;
  return <p class="notice">{p.t('inst.translation_notice', { status: p.t(`inst.translation.${tr.status}`), note: tr.note })}</p>;
}

/**
 * The review state of one pillar's texts in the page language: a draft notice (with how many texts were
 * reviewed and the translators' note), a reviewed-not-approved notice, or nothing once every text is approved.
 */
export function PillarTranslationNotice(p: { t: TFn; locale: TLocale; inst: TInstrument; summary: TTranslationSummary | null; pillarId: string }) {
  const s = p.summary?.pillars.get(p.pillarId);
  if (!p.summary || p.summary.source || !s || s.status === 'approved') return null;
  const note = p.inst.languages[p.locale as TLang]?.note ?? '';
  return s.status === 'draft' ? (
    <p class="notice">{p.t('inst.pillar_translation.draft', { done: s.reviewed + s.approved, total: s.total, note })}</p>
  ) : (
    <p class="notice">{p.t('inst.pillar_translation.reviewed', { approved: s.approved, total: s.total })}</p>
  );
}
