// The result of a quick poll on a checklist item (docs/METHODOLOGY.md, "Quick polls"): each voter ticks the
// options they believe are in place; an option counts as in place when more than half of the voters ticked
// it (the same rule as the default answer of a checklist), and the poll's score is that answer's item score.
// Pure.
import type { TItem } from '../instrument/schema.ts';
import { itemScore } from './item.ts';

/** Per-option share of voters who ticked it, the options more than half ticked, and the resulting score. */
export interface TChecklistPoll {
  voters: number;
  shares: { id: string; ticked: number; share: number | null }[];
  inPlace: string[];
  score: number | null;
}

/** Tallies checklist ballots (each the list of options one voter ticked, possibly empty). */
export function checklistPoll(item: Extract<TItem, { type: 'checklist' }>, ballots: readonly (readonly string[])[]): TChecklistPoll {
  const voters = ballots.length;
  const shares = item.options.map((o) => {
    const ticked = ballots.filter((b) => b.includes(o.id)).length;
    return { id: o.id, ticked, share: voters ? ticked / voters : null };
  });
  const inPlace = shares.filter((s) => s.ticked * 2 > voters).map((s) => s.id);
  return { voters, shares, inPlace, score: voters ? itemScore(item, { kind: 'checklist', checked: inPlace }) : null };
}
