// The project's terminology: the UN terms for METEP's concepts in the six languages (glossary.json, with the
// sources behind them) and the variants the project rejects. `findRejected` finds a rejected variant in a
// text; the glossary test runs it over every UI string and instrument text, the translation workbench on save.
import { readFileSync } from 'node:fs';
import { IntlMessageFormat } from 'intl-messageformat';
import { packagePath } from '../lib/paths.ts';
import type { TLocale } from './index.ts';

/** A UN or other source a term rests on. */
export interface TGlossarySource {
  id: string;
  title: string;
  where: string;
}

/** One concept with its term in each language and the sources behind them. */
export interface TConcept {
  n: number;
  concept: string;
  terms: Record<TLocale, string>;
  sources: string;
}

/** A variant the project does not use, with the term to use instead. */
export interface TRejected {
  lang: TLocale;
  /** The glossary row it belongs to (null for spelling rules outside the concept table). */
  concept: number | null;
  /** A regular expression (Unicode, case-insensitive unless `caseSensitive`). */
  variant: string;
  preferred: string;
  why: string;
  /** word (default outside Chinese): whole words only; text: anywhere; whole: the entire string. */
  match?: 'word' | 'text' | 'whole';
  caseSensitive?: boolean;
}

/** The glossary file. */
export interface TGlossary {
  decisions: string[];
  sources: TGlossarySource[];
  concepts: TConcept[];
  rejected: TRejected[];
}

/** A rejected variant found in a text. */
export interface TFinding {
  lang: TLocale;
  found: string;
  preferred: string;
  concept: number | null;
  why: string;
}

let cached: TGlossary | undefined;

/** The project glossary (read once). */
export function glossary(): TGlossary {
  cached ??= JSON.parse(readFileSync(packagePath('src/i18n/glossary.json'), 'utf8')) as TGlossary;
  return cached;
}

// Letters, combining marks and digits continue a word. Arabic attaches conjunctions, prepositions and the
// article to the word (والموازنة، بالموازنة، للموازنة): Arabic variants are written without them and may be
// preceded by any of them. Chinese has no spaces, so its variants are matched as text.
const NOT_WORD = '(?<![\\p{L}\\p{M}\\p{N}])';
const END_WORD = '(?![\\p{L}\\p{M}\\p{N}])';
const AR_PROCLITICS = '(?:[وف]?[بكل]?(?:ال|ل)?)';

function compile(r: TRejected): RegExp {
  const flags = r.caseSensitive ? 'gu' : 'giu';
  const match = r.match ?? (r.lang === 'zh' ? 'text' : 'word');
  if (match === 'whole') return new RegExp(`^\\s*(?:${r.variant})\\s*$`, flags);
  if (match === 'text') return new RegExp(`(?:${r.variant})`, flags);
  return new RegExp(`${NOT_WORD}${r.lang === 'ar' ? AR_PROCLITICS : ''}(?:${r.variant})${END_WORD}`, flags);
}

const compiled = new Map<TRejected, RegExp>();

/** Every rejected variant in a plain text of one language, with the term to use instead. */
export function findRejected(lang: TLocale, text: string, rules: readonly TRejected[] = glossary().rejected): TFinding[] {
  const out: TFinding[] = [];
  for (const r of rules) {
    if (r.lang !== lang) continue;
    let re = compiled.get(r);
    if (!re) compiled.set(r, (re = compile(r)));
    for (const m of text.matchAll(re)) out.push({ lang, found: m[0].trim(), preferred: r.preferred, concept: r.concept, why: r.why });
  }
  return out;
}

type TAstNode = { type: number; value?: unknown; options?: Record<string, { value: TAstNode[] }>; children?: TAstNode[] };

// The literal text of an ICU message: argument names, plural and select keys and tag names are not text,
// so they are left out; each branch of a plural or select is a text of its own.
function literals(nodes: TAstNode[], out: string[]): void {
  let run = '';
  for (const n of nodes) {
    if (n.type === 0 && typeof n.value === 'string') run += n.value;
    else {
      run += ' ';
      for (const o of Object.values(n.options ?? {})) literals(o.value, out);
      if (n.children) literals(n.children, out);
    }
  }
  out.push(run);
}

/** The user-visible text of an ICU message, one entry per branch (arguments and keys removed). */
export function messageText(message: string): string[] {
  const out: string[] = [];
  literals(new IntlMessageFormat(message, 'en', undefined, { ignoreTag: false }).getAst() as unknown as TAstNode[], out);
  return out;
}

/** Rejected variants in an ICU message (UI catalog string). */
export function findRejectedInMessage(lang: TLocale, message: string, rules?: readonly TRejected[]): TFinding[] {
  return messageText(message).flatMap((text) => findRejected(lang, text, rules));
}

/** One line naming where a rejected variant was found and what to write instead (for test failures and forms). */
export function describeFinding(where: string, f: TFinding): string {
  const row = f.concept === null ? '' : ` (glossary row ${f.concept})`;
  return `${where} [${f.lang}]: "${f.found}" → use "${f.preferred}"${row}: ${f.why}`;
}

/** A glossary term that applies to an English text, with its rendering in one language. */
export interface TApplicableTerm {
  n: number;
  en: string;
  term: string;
}

// The English forms of a concept worth looking for: "stakeholder; multi-stakeholder" and "evidence
// (supporting evidence)" give each name separately; one-letter and very short forms are skipped.
function englishForms(en: string): string[] {
  return en
    .split(/[;/]|\(|\)/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 4);
}

/** The glossary concepts an English source text mentions, with the term to use in `lang`. */
export function termsFor(englishSource: string, lang: TLocale): TApplicableTerm[] {
  const out: TApplicableTerm[] = [];
  for (const c of glossary().concepts) {
    const hit = englishForms(c.terms.en).some((f) => new RegExp(`${NOT_WORD}${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu').test(englishSource));
    if (hit) out.push({ n: c.n, en: c.terms.en, term: c.terms[lang] });
  }
  return out;
}
