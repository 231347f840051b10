// Crosswalks between instrument versions: how each item of an earlier version continues in a later one, so a
// country's results can be compared across cycles answered on different versions. Pure (scoring uses it).
import { allItems } from './model.ts';
import type { TCrosswalkEntry, TInstrument } from './schema.ts';

/** How one item of the later version relates to the earlier version. */
export interface TItemLink {
  /** The later version's item. */
  id: string;
  /** `same`: comparable as is; otherwise the subject continues but the scores are not directly comparable. */
  kind: 'same' | 'changed' | 'split' | 'merged';
  /** Its counterparts in the earlier version. */
  from: string[];
}

/** How a later instrument version continues an earlier one, item by item. */
export interface TVersionLink {
  from: string;
  to: string;
  /** Items of the later version with a counterpart, by id. */
  links: Map<string, TItemLink>;
  /** Items of the later version without a counterpart (new). */
  added: string[];
  /** Items of the earlier version without a successor, with the items that now cover their subject. */
  dropped: { id: string; see: string[] }[];
}

/** The crosswalk of an instrument as entries; the one-to-one `map` of translated imports reads as `same`. */
export function crosswalkEntries(inst: TInstrument): TCrosswalkEntry[] {
  const cw = inst.crosswalk;
  if (!cw) return [];
  if (cw.entries) return cw.entries;
  return Object.entries(cw.map).map(([from, to]) => ({ kind: 'same' as const, from: [from], to: [to] }));
}

/**
 * Problems with `next`'s crosswalk from `prev` (empty when sound): every item of `prev` is mapped exactly
 * once, every id exists where it should, no item of `next` is the successor twice, and an item called the
 * same keeps its type. A crosswalk given only as `map` is checked for existing ids only.
 */
export function checkCrosswalk(prev: TInstrument, next: TInstrument): string[] {
  const cw = next.crosswalk;
  if (!cw) return [];
  const problems: string[] = [];
  const prevTypes = new Map(allItems(prev).map(({ item }) => [item.id, item.type]));
  const nextTypes = new Map(allItems(next).map(({ item }) => [item.id, item.type]));
  if (cw.from !== prev.version) problems.push(`crosswalk: it is from ${cw.from}, but the previous version is ${prev.version}`);
  const entries = crosswalkEntries(next);
  const seenFrom = new Map<string, number>();
  const seenTo = new Set<string>();
  for (const e of entries) {
    const label = `crosswalk ${e.kind} ${e.from.join('+')}`;
    for (const id of e.from) {
      if (!prevTypes.has(id)) problems.push(`${label}: ${id} is not an item of ${prev.version}`);
      seenFrom.set(id, (seenFrom.get(id) ?? 0) + 1);
    }
    for (const id of [...e.to, ...(e.see ?? [])]) if (!nextTypes.has(id)) problems.push(`${label}: ${id} is not an item of ${next.version}`);
    for (const id of e.to) {
      if (seenTo.has(id)) problems.push(`${label}: ${id} is already the successor of another item`);
      seenTo.add(id);
    }
    if (e.kind === 'same' && e.from[0] && e.to[0] && prevTypes.has(e.from[0]) && nextTypes.has(e.to[0]) && prevTypes.get(e.from[0]) !== nextTypes.get(e.to[0])) {
      problems.push(`${label}: a ${prevTypes.get(e.from[0])} item became a ${nextTypes.get(e.to[0])} item, so it is not the same — call it changed`);
    }
  }
  if (cw.entries) {
    for (const id of prevTypes.keys()) {
      const n = seenFrom.get(id) ?? 0;
      if (n !== 1) problems.push(`crosswalk: ${id} of ${prev.version} is mapped ${n} times (every item needs exactly one entry: same, changed, split, merged or dropped)`);
    }
  }
  return problems;
}

function oneStep(next: TInstrument): { links: Map<string, TItemLink>; dropped: Map<string, string[]> } {
  const links = new Map<string, TItemLink>();
  const dropped = new Map<string, string[]>();
  for (const e of crosswalkEntries(next)) {
    if (e.kind === 'dropped') {
      for (const id of e.from) dropped.set(id, e.see ?? []);
      continue;
    }
    for (const id of e.to) links.set(id, { id, kind: e.kind, from: [...e.from] });
  }
  return { links, dropped };
}

/**
 * Links the first instrument of `chain` to the last, following each version's crosswalk from the one
 * before it (`chain[k + 1].crosswalk.from === chain[k].version`). Across several steps an item stays `same`
 * only if it was the same at every step.
 */
export function linkVersions(chain: TInstrument[]): TVersionLink {
  const first = chain[0] as TInstrument;
  const last = chain[chain.length - 1] as TInstrument;
  // The identity link of the first version onto itself, then one crosswalk step at a time.
  let links = new Map(allItems(first).map(({ item }) => [item.id, { id: item.id, kind: 'same' as TItemLink['kind'], from: [item.id] }]));
  const dropped = new Map<string, string[]>();
  for (const next of chain.slice(1)) {
    const step = oneStep(next);
    const composed = new Map<string, TItemLink>();
    for (const [id, l] of step.links) {
      const before = l.from.map((f) => links.get(f)).filter((x): x is TItemLink => x !== undefined);
      const from = [...new Set(before.flatMap((b) => b.from))];
      if (!from.length) continue;
      const kinds = new Set([l.kind, ...before.map((b) => b.kind)].filter((k) => k !== 'same'));
      const kind = kinds.size === 0 ? 'same' : kinds.size === 1 ? ([...kinds][0] as TItemLink['kind']) : 'changed';
      composed.set(id, { id, kind, from });
    }
    for (const [id, see] of step.dropped) for (const f of links.get(id)?.from ?? []) dropped.set(f, see);
    links = composed;
  }
  const reached = new Set([...links.values()].flatMap((l) => l.from));
  for (const { item } of allItems(first)) if (!reached.has(item.id) && !dropped.has(item.id)) dropped.set(item.id, []);
  return {
    from: first.version,
    to: last.version,
    links,
    added: allItems(last).map(({ item }) => item.id).filter((id) => !links.has(id)),
    dropped: [...dropped].filter(([id]) => !reached.has(id)).map(([id, see]) => ({ id, see })),
  };
}
