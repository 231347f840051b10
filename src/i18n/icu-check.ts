// The checks a translated message must pass before it is saved: valid ICU MessageFormat, the same arguments
// as the English source (a missing `{name}` loses information, an unknown one throws at run time), and every
// plural category the target language's plural rules need (Arabic six, Russian four, Chinese one).
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** What is wrong with a translation: a message key of the catalogs and its parameters. */
// French and Spanish have a CLDR 'many' form only for millions written compactly ("1 M de …", "1,5 M"):
// the app never formats counts that way, and ICU falls back to 'other', which is the right form there.
// Requiring it would refuse every existing plural string in those languages.
const ONLY_COMPACT_MANY = new Set(['fr', 'es']);

export interface TIcuProblem {
  key: string;
  params: Record<string, string | number>;
}

interface TArgs {
  /** argument name → its kind (argument, number, date, time, select, plural, selectordinal, tag). */
  kinds: Map<string, string>;
  /** plural/selectordinal argument name → the categories of each occurrence (exact `=n` selectors left out). */
  plurals: Map<string, { ordinal: boolean; categories: Set<string> }[]>;
}

// Plural categories in CLDR's order, so a message lists them as translators know them.
const CLDR_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

function kindOf(el: MessageFormatElement): string | null {
  switch (el.type) {
    case TYPE.argument:
      return 'argument';
    case TYPE.number:
      return 'number';
    case TYPE.date:
      return 'date';
    case TYPE.time:
      return 'time';
    case TYPE.select:
      return 'select';
    case TYPE.plural:
      return el.pluralType === 'ordinal' ? 'selectordinal' : 'plural';
    case TYPE.tag:
      return 'tag';
    default:
      return null;
  }
}

function collect(els: MessageFormatElement[], out: TArgs): void {
  for (const el of els) {
    const kind = kindOf(el);
    if (kind && 'value' in el && typeof el.value === 'string') out.kinds.set(el.value, kind);
    if (el.type === TYPE.plural) {
      const cats = new Set(Object.keys(el.options).filter((k) => !k.startsWith('=')));
      const list = out.plurals.get(el.value) ?? [];
      list.push({ ordinal: el.pluralType === 'ordinal', categories: cats });
      out.plurals.set(el.value, list);
    }
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) collect(o.value, out);
    if (el.type === TYPE.tag) collect(el.children, out);
  }
}

function args(msg: string): TArgs | { error: string } {
  try {
    const out: TArgs = { kinds: new Map(), plurals: new Map() };
    collect(parse(msg, { requiresOtherClause: true }), out);
    return out;
  } catch (e) {
    return { error: String((e as Error).message || e) };
  }
}

/** Whether a text parses as ICU MessageFormat (instrument texts that do not are compared as plain text). */
export function isIcu(msg: string): boolean {
  return !('error' in args(msg));
}

/**
 * The problems of `translation` against the English `source` in `lang`, first the syntax, then missing and
 * unknown arguments, then missing plural categories; empty when it may be saved.
 */
export function icuProblems(source: string, translation: string, lang: string): TIcuProblem[] {
  const src = args(source);
  // A source that is not ICU (an instrument text with a literal brace) is plain text: nothing to compare.
  if ('error' in src) return [];
  const tr = args(translation);
  if ('error' in tr) return [{ key: 'error.icu_syntax', params: { detail: tr.error } }];
  const problems: TIcuProblem[] = [];
  const missing = [...src.kinds.keys()].filter((n) => !tr.kinds.has(n));
  const unknown = [...tr.kinds.keys()].filter((n) => !src.kinds.has(n));
  if (missing.length) problems.push({ key: 'error.icu_missing', params: { names: missing.map((n) => `{${n}}`).join(', ') } });
  if (unknown.length) problems.push({ key: 'error.icu_unknown', params: { names: unknown.map((n) => `{${n}}`).join(', ') } });
  for (const [name, kind] of src.kinds) {
    const k = tr.kinds.get(name);
    if (k && k !== kind && !(kind === 'argument' || k === 'argument')) problems.push({ key: 'error.icu_kind', params: { name, kind } });
  }
  for (const [name, uses] of tr.plurals) {
    for (const use of uses) {
      const needed = [...new Intl.PluralRules(lang, { type: use.ordinal ? 'ordinal' : 'cardinal' }).resolvedOptions().pluralCategories]
        .filter((c) => !(c === 'many' && ONLY_COMPACT_MANY.has(lang)))
        .sort((a, b) => CLDR_ORDER.indexOf(a) - CLDR_ORDER.indexOf(b));
      const lacking = needed.filter((c) => !use.categories.has(c));
      if (lacking.length) {
        problems.push({ key: 'error.icu_plural', params: { name, missing: lacking.join(', '), needed: needed.join(', ') } });
        break;
      }
    }
  }
  return problems;
}
