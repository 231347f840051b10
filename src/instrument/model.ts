// Helpers over an instrument document: its items in order and lookups by id. Pure (no I/O, no state beyond
// per-document caches), so scoring may use them; reading instruments from disk is loader.ts's job.
import type { TInstrument, TItem } from './schema.ts';

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
