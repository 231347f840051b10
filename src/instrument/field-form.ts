// One instrument version as a field-collection form (KoboToolbox, ODK Collect, Enketo): the questions,
// choice lists and translations that both the XLSForm (xlsform.ts) and the XForm (xform.ts) are written
// from, and the reverse mapping that turns one filled record — an XForm instance or a row of Kobo's CSV
// export — back into METEP answer values. Keeping both directions beside one model is what guarantees
// that what is exported imports back to the same answers.
import { t, type TLocale } from '../i18n/index.ts';
import type { TValue } from '../scoring/types.ts';
import { allItems } from './model.ts';
import { INSTRUMENT_LANGS, type TI18nText, type TInstrument, type TItem, type TLang } from './schema.ts';

/** A text in all six languages (a field form carries every language; gaps fall back to the source). */
export type TFieldText = Record<TLang, string>;

/** One choice of a list. */
export interface TFieldChoice {
  name: string;
  label: TFieldText;
}

/** What a question of the form stands for, so a filled record can be read back. */
export type TFieldRole =
  | { kind: 'value'; itemId: string }
  | { kind: 'excluded'; itemId: string }
  | { kind: 'comment'; itemId: string }
  | { kind: 'email' }
  | { kind: 'name' }
  | { kind: 'group' };

/** One question (an XLSForm survey row inside a group). */
export interface TFieldQuestion {
  type: 'select_one' | 'select_multiple' | 'decimal' | 'text';
  name: string;
  /** The choice list of a select. */
  list?: string;
  label: TFieldText;
  hint?: TFieldText;
  required?: boolean;
  /** XLSForm expression: `.` is this question, `${name}` another. */
  constraint?: string;
  constraintMessage?: TFieldText;
  relevant?: string;
  role: TFieldRole;
}

/** One group (a pillar, or the respondent's details). */
export interface TFieldGroup {
  name: string;
  label: TFieldText;
  questions: TFieldQuestion[];
}

/** A whole field form. */
export interface TFieldForm {
  formId: string;
  version: string;
  title: TFieldText;
  groups: TFieldGroup[];
  choices: Map<string, TFieldChoice[]>;
}

/** ODK's language names: "English (en)" (XLSForm `label::English (en)`, XForm `<translation lang>`). */
export const FIELD_LANGUAGE: Record<TLang, string> = {
  ar: 'Arabic (ar)', en: 'English (en)', es: 'Spanish (es)', fr: 'French (fr)', ru: 'Russian (ru)', zh: 'Chinese (zh)',
};
/** The form's default language (the one a form without a chosen language shows). */
export const FIELD_DEFAULT_LANG: TLang = 'en';

/** Choice names that mean "don't know", "not applicable" and (checklists) "none of these". */
export const EXCLUDED = ['dont_know', 'not_applicable'] as const;
const NONE = 'none';

const fieldName = (itemId: string) => itemId.replace('.', '_');
const pillarGroup = (pillarId: string) => `pillar_${pillarId}`;
/** The name of the form of an instrument version (XForm root element and XLSForm `form_id`). */
export const fieldFormId = (inst: TInstrument) => `${inst.key.replace(/-/g, '_')}_${inst.version.replace('.', '_')}`;

function ui(key: string, params?: Record<string, string | number>): TFieldText {
  return Object.fromEntries(INSTRUMENT_LANGS.map((l) => [l, t(l as TLocale, key, params)])) as TFieldText;
}

function text(inst: TInstrument, x: TI18nText | undefined): TFieldText {
  return Object.fromEntries(INSTRUMENT_LANGS.map((l) => [l, x?.[l] ?? x?.[inst.sourceLanguage] ?? ''])) as TFieldText;
}

function excludedChoices(): TFieldChoice[] {
  return EXCLUDED.map((r) => ({ name: r, label: ui(`answer.${r}`) }));
}

/**
 * Builds the field form of an instrument version, asking for one of `groups` (the stakeholder groups,
 * passed in because they belong to the domain); throws if a checklist option id clashes with a reserved choice.
 */
export function fieldForm(inst: TInstrument, groups: readonly string[]): TFieldForm {
  const choices = new Map<string, TFieldChoice[]>();
  choices.set('status', [...(['yes', 'partly', 'no'] as const).map((s) => ({ name: s, label: ui(`answer.${s}`) })), ...excludedChoices()]);
  choices.set('excluded', excludedChoices());
  choices.set('groups', groups.map((g) => ({ name: g, label: ui(`group.${g}`) })));
  const sections: TFieldGroup[] = [
    {
      name: 'respondent',
      label: ui('xform.respondent'),
      questions: [
        { type: 'text', name: 'email', label: ui('field.email'), hint: ui('xform.email_hint'), role: { kind: 'email' } },
        { type: 'text', name: 'name', label: ui('field.name'), role: { kind: 'name' } },
        { type: 'select_one', name: 'group', list: 'groups', label: ui('asm.group'), required: true, role: { kind: 'group' } },
      ],
    },
  ];
  const byPillar = new Map<string, TFieldGroup>();
  for (const { pillar, item } of allItems(inst)) {
    let g = byPillar.get(pillar.id);
    if (!g) {
      g = { name: pillarGroup(pillar.id), label: text(inst, pillar.title), questions: [] };
      for (const l of INSTRUMENT_LANGS) g.label[l] = `${pillar.id}. ${g.label[l]}`;
      byPillar.set(pillar.id, g);
      sections.push(g);
    }
    g.questions.push(...itemQuestions(inst, item, choices));
  }
  return { formId: fieldFormId(inst), version: inst.version, title: text(inst, inst.title), groups: sections, choices };
}

function itemQuestions(inst: TInstrument, item: TItem, choices: Map<string, TFieldChoice[]>): TFieldQuestion[] {
  const name = fieldName(item.id);
  const label = text(inst, item.question);
  for (const l of INSTRUMENT_LANGS) label[l] = `${item.id} ${label[l]}`;
  const base = { name, label, hint: text(inst, item.guidance), role: { kind: 'value', itemId: item.id } as const };
  const comment: TFieldQuestion = { type: 'text', name: `${name}_comment`, label: ui('q.comment'), role: { kind: 'comment', itemId: item.id } };
  switch (item.type) {
    case 'status':
      return [{ ...base, type: 'select_one', list: 'status' }, comment];
    case 'level': {
      const list = `level_${name}`;
      choices.set(list, [...item.levels.map((d, i) => ({ name: String(i), label: joinLevel(i, text(inst, d)) })), ...excludedChoices()]);
      return [{ ...base, type: 'select_one', list }, comment];
    }
    case 'checklist': {
      const list = `options_${name}`;
      const reserved = [NONE, ...EXCLUDED] as string[];
      const clash = item.options.find((o) => reserved.includes(o.id));
      if (clash) throw new Error(`${item.id}: option id "${clash.id}" is reserved in field forms`);
      choices.set(list, [...item.options.map((o) => ({ name: o.id, label: text(inst, o.label) })), { name: NONE, label: ui('q.none_of_these') }, ...excludedChoices()]);
      // "None of these", "don't know" and "not applicable" each stand alone.
      const alone = reserved.map((r) => `selected(., '${r}')`).join(' or ');
      return [{ ...base, type: 'select_multiple', list, constraint: `not((${alone}) and count-selected(.) > 1)`, constraintMessage: ui('xform.alone') }, comment];
    }
    case 'number': {
      const range = [`. >= ${item.min}`, ...(item.max === undefined ? [] : [`. <= ${item.max}`])].join(' and ');
      const unit = text(inst, item.unit);
      return [
        { ...base, type: 'decimal', hint: unit, constraint: range, constraintMessage: ui('error.number_range') },
        // Asked only while no number is given: a number and "don't know" cannot both stand.
        { type: 'select_one', name: `${name}_x`, list: 'excluded', label: ui('xform.no_number'), relevant: `\${${name}} = ''`, role: { kind: 'excluded', itemId: item.id } },
        comment,
      ];
    }
    case 'text':
      return [{ ...base, type: 'text' }, comment];
  }
}

function joinLevel(i: number, d: TFieldText): TFieldText {
  return Object.fromEntries(INSTRUMENT_LANGS.map((l) => [l, `${i} · ${t(l as TLocale, `level.${i}`)} — ${d[l]}`])) as TFieldText;
}

/** A problem with one field of a record: the field's path, a message key and the value it is about. */
export interface TFieldProblem {
  field: string;
  key: string;
  value: string;
}

/** One filled record read back: the respondent's details and one value (or null) and comment per item. */
export interface TFieldRecord {
  email: string | null;
  name: string | null;
  group: string | null;
  answers: { itemId: string; value: TValue | null; comment: string | null }[];
  problems: TFieldProblem[];
}

/**
 * Reads one filled record (field name or `group/field` path → raw text, as in an XForm instance or a
 * column of Kobo's CSV export) back into answers. Unknown keys are ignored (Kobo adds `_uuid`,
 * `_submission_time`, `start`, per-choice columns, …); an empty field is "not answered".
 */
export function readFieldRecord(inst: TInstrument, form: TFieldForm, raw: ReadonlyMap<string, string>): TFieldRecord {
  const get = (g: TFieldGroup, q: TFieldQuestion) => (raw.get(`${g.name}/${q.name}`) ?? raw.get(q.name) ?? '').trim();
  const out: TFieldRecord = { email: null, name: null, group: null, answers: [], problems: [] };
  const items = new Map(allItems(inst).map(({ item }) => [item.id, item]));
  const perItem = new Map<string, { v: string; x: string; c: string }>();
  for (const g of form.groups) {
    for (const q of g.questions) {
      const v = get(g, q);
      const r = q.role;
      if (r.kind === 'email') out.email = v.toLowerCase() || null;
      else if (r.kind === 'name') out.name = v || null;
      else if (r.kind === 'group') {
        if (v && !form.choices.get('groups')?.some((c) => c.name === v)) out.problems.push({ field: `${g.name}/${q.name}`, key: 'field_import.bad_group', value: v });
        out.group = v || null;
      } else {
        const e = perItem.get(r.itemId) ?? { v: '', x: '', c: '' };
        if (r.kind === 'value') e.v = v;
        else if (r.kind === 'excluded') e.x = v;
        else e.c = v;
        perItem.set(r.itemId, e);
      }
    }
  }
  for (const [itemId, e] of perItem) {
    const item = items.get(itemId) as TItem;
    const where = `${pillarGroup(itemId.slice(0, 1))}/${fieldName(itemId)}`;
    const value = readValue(item, e.v, e.x);
    if (value === 'bad') out.problems.push({ field: where, key: 'field_import.bad_answer', value: e.v || e.x });
    out.answers.push({ itemId, value: value === 'bad' ? null : value, comment: e.c || null });
  }
  return out;
}

function readValue(item: TItem, v: string, x: string): TValue | null | 'bad' {
  const excluded = (EXCLUDED as readonly string[]).includes(v) ? v : v === '' && (EXCLUDED as readonly string[]).includes(x) ? x : null;
  if (excluded) return item.type === 'text' ? 'bad' : { kind: 'excluded', reason: excluded as 'dont_know' };
  if (v === '') return x === '' ? null : 'bad';
  switch (item.type) {
    case 'status':
      return ['yes', 'partly', 'no'].includes(v) ? { kind: 'status', status: v as 'yes' } : 'bad';
    case 'level':
      return /^[0-4]$/.test(v) ? { kind: 'level', level: Number(v) } : 'bad';
    case 'checklist': {
      const picked = v.split(/\s+/);
      const ids = new Set(item.options.map((o) => o.id));
      if (picked.length === 1 && picked[0] === NONE) return { kind: 'checklist', checked: [] };
      if (picked.some((p) => (EXCLUDED as readonly string[]).includes(p))) return 'bad';
      return picked.every((p) => ids.has(p)) ? { kind: 'checklist', checked: picked } : 'bad';
    }
    case 'number': {
      const n = Number(v);
      return Number.isFinite(n) ? { kind: 'number', number: n } : 'bad';
    }
    case 'text':
      return { kind: 'text', text: v };
  }
}
