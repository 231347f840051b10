// The instrument as a model: pure lookups over a loaded (immutable) instrument — every item with its pillar
// and part, an item or a pillar by id, every pillar in order. No I/O: the scoring engine and the views use
// these without the loader that reads files.
import type { TI18nText, TInstrument, TItem, TLang, TPillar } from './schema.ts';

/** Every pillar of an instrument, in order across its parts. */
export function allPillars(inst: TInstrument): TPillar[] {
  return inst.parts.flatMap((p) => p.pillars);
}

/** A pillar by id. */
export function pillarById(inst: TInstrument, id: string): TPillar | undefined {
  return allPillars(inst).find((p) => p.id === id);
}

/** Every item of an instrument in order, with its pillar and part. */
export function allItems(inst: TInstrument): { part: TInstrument['parts'][number]; pillar: TInstrument['parts'][number]['pillars'][number]; item: TItem }[] {
  return inst.parts.flatMap((part) => part.pillars.flatMap((pillar) => pillar.items.map((item) => ({ part, pillar, item }))));
}

// Instruments are immutable once loaded, so the lookups by id are built once per instrument object
// (every answer save needs one).
type TLocated = ReturnType<typeof allItems>[number];
const located = new WeakMap<TInstrument, ReadonlyMap<string, TLocated>>();
const itemMaps = new WeakMap<TInstrument, ReadonlyMap<string, TItem>>();

/** An item with its pillar and part, by id. */
export function locateItem(inst: TInstrument, id: string): TLocated | undefined {
  let m = located.get(inst);
  if (!m) located.set(inst, (m = new Map(allItems(inst).map((x) => [x.item.id, x]))));
  return m.get(id);
}

/** The items of an instrument by id. */
export function itemsById(inst: TInstrument): ReadonlyMap<string, TItem> {
  let m = itemMaps.get(inst);
  if (!m) itemMaps.set(inst, (m = new Map(allItems(inst).map(({ item }) => [item.id, item]))));
  return m;
}

/** An instrument text in `lang`, falling back to the instrument's source language (exports, plain strings). */
export function textIn(inst: TInstrument, text: TI18nText | undefined, lang: string): string {
  return text?.[lang as TLang] ?? text?.[inst.sourceLanguage] ?? '';
}
