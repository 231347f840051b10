// What the workshop shows of each item — its distribution per answer and per stakeholder side, the computed
// default answer, the perception gap and the decision so far — and each pillar's progress.
import type { ConsensusRow } from '../../db/repositories/workshop.ts';
import type { TItem, TPillar } from '../../instrument/schema.ts';
import type { TConsolidatedItem } from '../../scoring/consolidate.ts';
import { distribution, type TDistribution } from '../../scoring/distribution.ts';
import type { TGap } from '../../scoring/groups.ts';
import { type TAnswerSet } from '../results/load-answer-set.ts';
import { type AssessmentAccess } from '../kernel/access.ts';
import { allPillars } from '../../instrument/model.ts';

/** One item's workshop summary. */
export interface TWorkshopItem {
  item: TItem;
  pillarId: string;
  c: TConsolidatedItem;
  distribution: TDistribution;
  gap: TGap | undefined;
  current: ConsensusRow | undefined;
  comments: number;
}

/** A pillar's progress. */
export interface TPillarProgress {
  pillar: TPillar;
  items: number;
  agreed: number;
  agreement: number | null;
}

export function summarise(set: TAnswerSet, item: TItem, pillarId: string): TWorkshopItem {
  const c = set.consolidation.items.find((x) => x.id === item.id) as TConsolidatedItem;
  const sided = set.respondents.flatMap((r) => {
    const a = r.answers.get(item.id);
    return a ? [{ value: a.value, government: r.government }] : [];
  });
  return {
    item,
    pillarId,
    c,
    distribution: distribution(item, sided),
    gap: set.consolidation.gaps.items.find((g) => g.id === item.id),
    current: set.current.get(item.id),
    comments: set.respondents.filter((r) => r.comments.has(item.id)).length,
  };
}

/** One item's summary from a loaded answer set (for the room). */
export function getWorkshopItemSummary(set: TAnswerSet, pillar: TPillar, itemId: string): TWorkshopItem {
  return summarise(set, pillar.items.find((i) => i.id === itemId) as TItem, pillar.id);
}

/** Each pillar's decided and decidable items and mean agreement (workshop navigation, room overview). */
export function pillarProgress(access: AssessmentAccess, set: TAnswerSet): TPillarProgress[] {
  return pillarsOf(access).map((p) => ({ pillar: p, items: decidable(p).length, agreed: decidable(p).filter((i) => set.current.has(i.id)).length, agreement: set.consolidation.agreement.pillars[p.id] ?? null }));
}

export function pillarsOf(access: AssessmentAccess): TPillar[] {
  return allPillars(access.instrument);
}

/** Scored items of a pillar (text items carry no decision). */
export function decidable(p: TPillar): TItem[] {
  return p.items.filter((i) => i.type !== 'text');
}

export const byAgreement = (a: TWorkshopItem, b: TWorkshopItem) => (a.c.agreement ?? 2) - (b.c.agreement ?? 2) || a.item.id.localeCompare(b.item.id);
