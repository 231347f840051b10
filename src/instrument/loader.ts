// Reading and checking instruments. The bundled instrument lives on disk split for people who edit it:
//   structure.json            key, version, status, parts and pillars (ids, weights)
//   items/<pillar>.json       the items of a pillar: types, weights, tags, options, thresholds, actions
//   text/<lang>/meta.json     translation status, titles and descriptions of the instrument, parts, pillars
//   text/<lang>/<pillar>.json every text of the pillar's items in that language
// `loadInstrumentDir` merges them into one document (every text keyed by language) and validates it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { packagePath } from '../lib/paths.ts';
import { allItems } from './model.ts';
import { INSTRUMENT_LANGS, ZInstrument, type TInstrument, type TItem, type TLang } from './schema.ts';

/** A validation result: the instrument, or one line per problem naming the item and field. */
export type TCheck = { ok: true; instrument: TInstrument } | { ok: false; problems: string[] };

type Json = Record<string, unknown>;

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InstrumentFileError([`${file}: ${(e as Error).message}`]);
  }
}

/** Thrown when instrument files cannot be read or merged. */
export class InstrumentFileError extends Error {
  constructor(public readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

// Turns a zod path like ["parts",1,"pillars",0,"items",3,"question","fr"] into "E.04 question.fr", so a
// translator or author sees which item and field to fix.
function describePath(doc: unknown, path: PropertyKey[]): string {
  let node: unknown = doc;
  let label = '';
  const rest: string[] = [];
  for (const seg of path) {
    node = node && typeof node === 'object' ? (node as Json)[seg as string] : undefined;
    const id = node && typeof node === 'object' && !Array.isArray(node) ? (node as Json).id : undefined;
    if (typeof id === 'string' && typeof seg === 'number' && /^([A-Z]|[IVX]+|[A-Z]\.\d{2})$/.test(id)) {
      label = id;
      rest.length = 0;
    } else if (typeof id === 'string' && typeof seg === 'number') {
      // An option or action: name it by its own id after the array it sits in ("actions[a1]").
      rest.push(`[${id}]`);
    } else rest.push(typeof seg === 'number' ? `[${seg}]` : String(seg));
  }
  const field = rest.join('.').replace(/\.\[/g, '[');
  return label ? `${label} ${field}`.trim() : field || '(instrument)';
}

/** Validates a merged instrument document: schema, unique ids, complete languages, sensible values. */
export function checkInstrument(doc: unknown): TCheck {
  const parsed = ZInstrument.safeParse(doc);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${describePath(doc, i.path)}: ${i.message}`) };
  }
  const inst = parsed.data;
  const problems: string[] = [];
  const langs = Object.keys(inst.languages) as TLang[];
  if (!langs.includes(inst.sourceLanguage)) problems.push(`languages: the source language ${inst.sourceLanguage} is not listed`);
  const needAll = (label: string, text: Partial<Record<TLang, string>> | undefined) => {
    if (!text) return;
    for (const l of langs) if (!text[l]) problems.push(`${label}: missing ${l}`);
    // A translated text identical to the source is almost always an untranslated copy. Short tokens
    // (acronyms, numbers, names such as "METEP") are allowed to stay the same.
    const src = text[inst.sourceLanguage];
    for (const l of langs) {
      if (l !== inst.sourceLanguage && src && text[l] === src && /\p{L}{4,}\s+\p{L}{2,}/u.test(src)) {
        problems.push(`${label}: the ${l} text is a copy of the ${inst.sourceLanguage} text`);
      }
    }
  };
  needAll('title', inst.title);
  needAll('description', inst.description);
  const itemIds = new Set<string>();
  const pillarIds = new Set<string>();
  for (const part of inst.parts) {
    needAll(`part ${part.id} title`, part.title);
    needAll(`part ${part.id} description`, part.description);
    for (const pillar of part.pillars) {
      if (pillarIds.has(pillar.id)) problems.push(`pillar ${pillar.id}: duplicate pillar id`);
      pillarIds.add(pillar.id);
      needAll(`pillar ${pillar.id} title`, pillar.title);
      needAll(`pillar ${pillar.id} description`, pillar.description);
      for (const item of pillar.items) {
        if (itemIds.has(item.id)) problems.push(`${item.id}: duplicate item id`);
        itemIds.add(item.id);
        if (!item.id.startsWith(`${pillar.id}.`)) problems.push(`${item.id}: id must start with its pillar ${pillar.id}.`);
        checkItemTexts(item, needAll);
        if (item.type === 'checklist') {
          const ids = new Set(item.options.map((o) => o.id));
          if (ids.size !== item.options.length) problems.push(`${item.id} options: duplicate option id`);
        }
        const actionIds = new Set(item.actions.map((a) => a.id));
        if (actionIds.size !== item.actions.length) problems.push(`${item.id} actions: duplicate action id`);
        if (item.type !== 'text' && item.actions.length === 0) problems.push(`${item.id} actions: a scored item needs at least one recommended action`);
      }
    }
  }
  // A shared action points at an action that exists and is itself the original, so merging is one step.
  const actionOf = new Map<string, (typeof inst.parts)[number]['pillars'][number]['items'][number]['actions'][number]>(inst.parts.flatMap((p) => p.pillars.flatMap((pl) => pl.items.flatMap((i) => i.actions.map((a) => [`${i.id}/${a.id}`, a] as const)))));
  for (const [key, a] of actionOf) {
    if (!a.sameAs) continue;
    const target = actionOf.get(a.sameAs);
    if (!target) problems.push(`${key} sameAs: no action ${a.sameAs}`);
    else if (target.sameAs) problems.push(`${key} sameAs: ${a.sameAs} is itself a copy of ${target.sameAs}; point at the original`);
  }
  const sourceIds = new Set((inst.sources ?? []).map((s) => s.id));
  if (sourceIds.size !== (inst.sources ?? []).length) problems.push('sources: duplicate source id');
  for (const { item } of allItems(inst)) {
    for (const s of item.sources ?? []) if (!sourceIds.has(s)) problems.push(`${item.id} sources: ${s} is not in the instrument's sources`);
  }
  for (const e of inst.crosswalk?.entries ?? []) {
    for (const id of [...e.to, ...(e.see ?? [])]) if (!itemIds.has(id)) problems.push(`crosswalk ${e.kind} ${e.from.join('+')}: ${id} is not an item of this version`);
  }
  return problems.length ? { ok: false, problems } : { ok: true, instrument: inst };
}

function checkItemTexts(item: TItem, needAll: (label: string, t: Partial<Record<TLang, string>> | undefined) => void) {
  needAll(`${item.id} question`, item.question);
  needAll(`${item.id} guidance`, item.guidance);
  needAll(`${item.id} examples`, item.examples);
  needAll(`${item.id} definitions`, item.definitions);
  if (item.type === 'level') item.levels.forEach((l, i) => needAll(`${item.id} levels[${i}]`, l));
  if (item.type === 'checklist') item.options.forEach((o) => needAll(`${item.id} option ${o.id}`, o.label));
  if (item.type === 'number') needAll(`${item.id} unit`, item.unit);
  item.actions.forEach((a) => needAll(`${item.id} action ${a.id}`, a.text));
}

function listJson(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
}

/** Merges the split files of an instrument folder into one (not yet validated) document. */
export function mergeInstrumentDir(dir: string): Json {
  const problems: string[] = [];
  const structure = readJson(join(dir, 'structure.json')) as Json;
  const textDir = join(dir, 'text');
  const langs = existsSync(textDir) ? readdirSync(textDir).filter((l) => (INSTRUMENT_LANGS as readonly string[]).includes(l)).sort() : [];
  const meta: Record<string, Json> = {};
  const itemText: Record<string, Record<string, Json>> = {};
  for (const l of langs) {
    meta[l] = readJson(join(textDir, l, 'meta.json')) as Json;
    itemText[l] = {};
    for (const f of listJson(join(textDir, l))) {
      if (f === 'meta.json') continue;
      Object.assign(itemText[l] as Json, readJson(join(textDir, l, f)) as Json);
    }
  }
  const pick = (get: (m: Json) => unknown): Json => {
    const out: Json = {};
    for (const l of langs) {
      const v = get(meta[l] as Json);
      if (v !== undefined) out[l] = v;
    }
    return out;
  };
  const itemField = (id: string, get: (t: Json) => unknown): Json | undefined => {
    const out: Json = {};
    for (const l of langs) {
      const t = (itemText[l] as Json)[id] as Json | undefined;
      const v = t ? get(t) : undefined;
      if (v !== undefined && v !== '') out[l] = v;
    }
    return Object.keys(out).length ? out : undefined;
  };
  const sub = (m: Json, k: string, id: string, f: string) => ((m[k] as Json | undefined)?.[id] as Json | undefined)?.[f];
  const parts = ((structure.parts as Json[]) ?? []).map((part) => ({
    ...part,
    title: pick((m) => sub(m, 'parts', part.id as string, 'title')),
    description: pick((m) => sub(m, 'parts', part.id as string, 'description')),
    pillars: ((part.pillars as Json[]) ?? []).map((pillar) => {
      const file = join(dir, 'items', `${pillar.id as string}.json`);
      const items = existsSync(file) ? (readJson(file) as Json[]) : [];
      if (!existsSync(file)) problems.push(`items/${pillar.id as string}.json: missing`);
      return {
        ...pillar,
        title: pick((m) => sub(m, 'pillars', pillar.id as string, 'title')),
        description: pick((m) => sub(m, 'pillars', pillar.id as string, 'description')),
        items: items.map((item) => mergeItem(item, itemField)),
      };
    }),
  }));
  if (problems.length) throw new InstrumentFileError(problems);
  return {
    ...structure,
    languages: pick((m) => m.translation),
    title: pick((m) => m.title),
    description: pick((m) => m.description),
    parts,
  };
}

function mergeItem(item: Json, itemField: (id: string, get: (t: Json) => unknown) => Json | undefined): Json {
  const id = item.id as string;
  const out: Json = { ...item };
  for (const f of ['question', 'guidance', 'examples', 'definitions', 'unit']) {
    const v = itemField(id, (t) => t[f]);
    if (v) out[f] = v;
  }
  if (item.type === 'level') {
    out.levels = [0, 1, 2, 3, 4].map((i) => itemField(id, (t) => (t.levels as unknown[] | undefined)?.[i]) ?? {});
  }
  if (Array.isArray(item.options)) {
    out.options = (item.options as Json[]).map((o) => ({ ...o, label: itemField(id, (t) => (t.options as Json | undefined)?.[o.id as string]) ?? {} }));
  }
  if (Array.isArray(item.actions)) {
    out.actions = (item.actions as Json[]).map((a) => ({ ...a, text: itemField(id, (t) => (t.actions as Json | undefined)?.[a.id as string]) ?? {} }));
  }
  return out;
}

/** Loads a file (merged JSON) or folder (split files) and validates it. */
export function loadInstrument(path: string): TCheck {
  try {
    const doc = statSync(path).isDirectory() ? mergeInstrumentDir(path) : readJson(path);
    return checkInstrument(doc);
  } catch (e) {
    if (e instanceof InstrumentFileError) return { ok: false, problems: e.problems };
    throw e;
  }
}

/** The bundled METEP versions, oldest first (each later one carries a crosswalk from the one before). */
export const BUNDLED_VERSIONS = ['2026.1', '2026.2'] as const;
/** The bundled version new assessments use. */
export const CURRENT_VERSION = '2026.2';

/** Folder of a bundled METEP version. */
export function bundledInstrumentDir(version: (typeof BUNDLED_VERSIONS)[number]): string {
  return packagePath(`src/instrument/metep-${version}/`);
}

/**
 * Folder of the bundled METEP 2026.1, the version the scoring engine's tests and benchmarks are written
 * against (published versions never change, so their expectations stay valid).
 */
export const BUNDLED_INSTRUMENT_DIR = bundledInstrumentDir('2026.1');

/**
 * A bundled METEP version, validated (throws when it is broken: a release must never ship so); 2026.1
 * when no version is given (see BUNDLED_INSTRUMENT_DIR).
 */
export function bundledInstrument(version: (typeof BUNDLED_VERSIONS)[number] = '2026.1'): TInstrument {
  const r = loadInstrument(bundledInstrumentDir(version));
  if (!r.ok) throw new InstrumentFileError(r.problems);
  return r.instrument;
}

/** Every bundled METEP version, oldest first. */
export function bundledInstruments(): TInstrument[] {
  return BUNDLED_VERSIONS.map((v) => bundledInstrument(v));
}

/** Type helper so callers can refer to a zod-inferred instrument input. */
export type TInstrumentInput = z.input<typeof ZInstrument>;
