// Flat view of every translatable text of an instrument, keyed by a stable path ("A.01.level.3"), for
// translators' spreadsheets and for applying their work back to the instrument.
import type { TI18nText, TInstrument, TLang } from './schema.ts';

/** One translatable text. */
export interface TTextEntry {
  key: string;
  text: TI18nText;
}

/** Every text of the instrument in document order. */
export function textEntries(inst: TInstrument): TTextEntry[] {
  const out: TTextEntry[] = [
    { key: 'title', text: inst.title },
    { key: 'description', text: inst.description },
  ];
  for (const part of inst.parts) {
    out.push({ key: `part.${part.id}.title`, text: part.title }, { key: `part.${part.id}.description`, text: part.description });
    for (const pillar of part.pillars) {
      out.push({ key: `pillar.${pillar.id}.title`, text: pillar.title }, { key: `pillar.${pillar.id}.description`, text: pillar.description });
      for (const item of pillar.items) {
        out.push({ key: `${item.id}.question`, text: item.question }, { key: `${item.id}.guidance`, text: item.guidance });
        if (item.examples) out.push({ key: `${item.id}.examples`, text: item.examples });
        if (item.definitions) out.push({ key: `${item.id}.definitions`, text: item.definitions });
        if (item.type === 'level') item.levels.forEach((l, i) => out.push({ key: `${item.id}.level.${i}`, text: l }));
        if (item.type === 'checklist') item.options.forEach((o) => out.push({ key: `${item.id}.option.${o.id}`, text: o.label }));
        if (item.type === 'number') out.push({ key: `${item.id}.unit`, text: item.unit });
        item.actions.forEach((a) => out.push({ key: `${item.id}.action.${a.id}`, text: a.text }));
      }
    }
  }
  return out;
}

/**
 * A copy of the instrument with texts of one language replaced from `texts` (key → text). Keys that do
 * not exist in the instrument are returned as `unknown` so an importer can refuse them.
 */
export function applyTexts(inst: TInstrument, lang: TLang, texts: ReadonlyMap<string, string>): { instrument: TInstrument; changed: number; unknown: string[] } {
  const copy = structuredClone(inst);
  const entries = new Map(textEntries(copy).map((e) => [e.key, e.text]));
  let changed = 0;
  const unknown: string[] = [];
  for (const [key, value] of texts) {
    const target = entries.get(key);
    if (!target) {
      unknown.push(key);
      continue;
    }
    const v = value.trim();
    if (v && target[lang] !== v) {
      target[lang] = v;
      changed++;
    }
  }
  return { instrument: copy, changed, unknown };
}
