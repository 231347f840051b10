// Comparing two cycles answered on different instrument versions, through the crosswalk between them
// (docs/INSTRUMENT.md, "Comparing cycles across versions"). Pillar and index scores of different versions
// rest on different items and weights, so they are not compared as they stand: both cycles are rescored on
// the items the crosswalk calls the same and that have a score in both cycles, with the current version's
// item and pillar weights. Items that changed, split or merged are listed side by side; items without a
// counterpart are listed too, never dropped silently. Pure.
import type { TVersionLink } from '../instrument/crosswalk.ts';
import { allPillars } from '../instrument/model.ts';
import type { TInstrument } from '../instrument/schema.ts';
import type { TScores } from './aggregate.ts';

/** One pillar (or the index) on the shared items. */
export interface TTrendScore {
  id: string;
  current: number | null;
  previous: number | null;
  change: number | null;
  /** How many shared items with a score in both cycles it rests on. */
  items: number;
}

/** An item of the current version whose counterpart changed, split or merged. */
export interface TTrendItem {
  id: string;
  kind: 'changed' | 'split' | 'merged';
  from: { id: string; score: number | null }[];
  current: number | null;
}

/** Two cycles compared through a crosswalk. */
export interface TTrend {
  from: string;
  to: string;
  index: TTrendScore;
  pillars: TTrendScore[];
  changed: TTrendItem[];
  /** Current items without a counterpart in the earlier version. */
  added: string[];
  /** Earlier items without a successor, with their score then and the items that now cover their subject. */
  dropped: { id: string; previous: number | null; see: string[] }[];
}

const mean = (pairs: { w: number; s: number }[]) => {
  const w = pairs.reduce((a, p) => a + p.w, 0);
  return w > 0 ? pairs.reduce((a, p) => a + p.w * p.s, 0) / w : null;
};

function scored(id: string, current: { w: number; s: number }[], previous: { w: number; s: number }[]): TTrendScore {
  const c = mean(current);
  const p = mean(previous);
  return { id, current: c, previous: p, change: c !== null && p !== null ? c - p : null, items: current.length };
}

/** Compares the current cycle's scores with an earlier cycle's, on the items the crosswalk links as the same. */
export function linkedTrend(inst: TInstrument, current: TScores, previous: TScores, link: TVersionLink): TTrend {
  const cur = new Map(current.items.map((i) => [i.id, i]));
  const prev = new Map(previous.items.map((i) => [i.id, i]));
  const pillarPairs = allPillars(inst).map((pillar) => {
    const pairs = pillar.items.flatMap((item) => {
      const l = link.links.get(item.id);
      const c = cur.get(item.id);
      const p = l?.kind === 'same' ? prev.get(l.from[0] as string) : undefined;
      return c && p && c.weight > 0 && c.score !== null && p.score !== null ? [{ w: c.weight, c: c.score, p: p.score }] : [];
    });
    return { pillar, score: scored(pillar.id, pairs.map((x) => ({ w: x.w, s: x.c })), pairs.map((x) => ({ w: x.w, s: x.p }))) };
  });
  const withPairs = pillarPairs.filter((x) => x.score.items > 0);
  const index = scored(
    'METEP',
    withPairs.map((x) => ({ w: x.pillar.weight, s: x.score.current as number })),
    withPairs.map((x) => ({ w: x.pillar.weight, s: x.score.previous as number })),
  );
  index.items = withPairs.reduce((a, x) => a + x.score.items, 0);
  const changed: TTrendItem[] = [];
  for (const l of link.links.values()) {
    if (l.kind === 'same' || (cur.get(l.id)?.weight ?? 0) === 0) continue;
    changed.push({ id: l.id, kind: l.kind, from: l.from.map((id) => ({ id, score: prev.get(id)?.score ?? null })), current: cur.get(l.id)?.score ?? null });
  }
  return {
    from: link.from,
    to: link.to,
    index,
    pillars: pillarPairs.map((x) => x.score),
    changed,
    added: link.added,
    dropped: link.dropped.map((d) => ({ id: d.id, previous: prev.get(d.id)?.score ?? null, see: d.see })),
  };
}
