// The draft action plan drawn from results (docs/METHODOLOGY.md §15): which items are candidates, how
// urgent each is, and the instrument's recommended actions for them, merged when several items recommend
// the same action. Pure: the same results always give the same draft, in the same order.
import { allItems, allPillars, locateItem } from '../instrument/model.ts';
import type { TInstrument } from '../instrument/schema.ts';

/** Below this score an item is among the results' gaps, whatever the target (the high band starts here). */
export const GAP_LEVEL = 0.5;

/**
 * How many actions a draft plan starts with: the most urgent ones. A plan a government can follow holds
 * a few dozen commitments at most (OGP national action plans hold about 5–20); a weak first cycle can
 * suggest a hundred, which no workshop can go through one by one.
 */
export const DRAFT_SIZE = 20;

/** What the draft needs to know about one item's result. */
export interface TPriorityInput {
  id: string;
  /** The item score in [0,1]; null when nobody answered it substantively (never a candidate). */
  score: number | null;
  /** Agreement among respondents in [0,1]; null with fewer than two answers. */
  agreement: number | null;
  /** Respondents with a substantive answer, and how many of them attached evidence. */
  n: number;
  withEvidence: number;
}

/** One candidate item with the parts of its priority. */
export interface TItemPriority {
  id: string;
  pillarId: string;
  score: number;
  /** The level the plan aims at: the target index, but at least GAP_LEVEL. */
  reference: number;
  /** reference − score, > 0 for a candidate. */
  gap: number;
  /** The item's nominal share of the index: pillar weight share × item weight share in its pillar. */
  share: number;
  /** ½ + ¼·agreement + ¼·evidence share, in [0.5, 1]. */
  confidence: number;
  /** 100 · share · gap · confidence: index points the gap costs, discounted by how sure the group is. */
  priority: number;
}

/** A recommended action of the draft, possibly recommended by several items. */
export interface TCandidateAction {
  /** `item/action` of the original action (the one others point at with sameAs). */
  key: string;
  itemId: string;
  actionId: string;
  /** The candidate items recommending it, highest priority first. */
  items: string[];
  /** The pillars of those items, in the same order (the first is where the plan groups the action). */
  pillars: string[];
  sdg: string[];
  /** Sum of its items' priorities. */
  priority: number;
}

/** The reference level for a target index (null when the assessment has none). */
export function planReference(target: number | null): number {
  return Math.max(target ?? 0, GAP_LEVEL);
}

/** Each scored item's nominal share of the index (shares of all scored items sum to 1). */
export function indexShares(inst: TInstrument): Map<string, number> {
  const pillars = allPillars(inst);
  const pillarTotal = pillars.reduce((s, p) => s + p.weight, 0);
  const out = new Map<string, number>();
  for (const p of pillars) {
    const scored = p.items.filter((i) => i.type !== 'text' && i.weight > 0);
    const itemTotal = scored.reduce((s, i) => s + i.weight, 0);
    for (const i of scored) out.set(i.id, pillarTotal > 0 && itemTotal > 0 ? (p.weight / pillarTotal) * (i.weight / itemTotal) : 0);
  }
  return out;
}

/** The candidate items (score below the reference) with their priorities, highest first. */
export function itemPriorities(inst: TInstrument, results: readonly TPriorityInput[], target: number | null): TItemPriority[] {
  const reference = planReference(target);
  const shares = indexShares(inst);
  const out: TItemPriority[] = [];
  for (const r of results) {
    const share = shares.get(r.id);
    const pillarId = locateItem(inst, r.id)?.pillar.id;
    if (r.score === null || share === undefined || !pillarId || r.score >= reference) continue;
    const gap = reference - r.score;
    const evidenceShare = r.n > 0 ? r.withEvidence / r.n : 0;
    const confidence = 0.5 + 0.25 * (r.agreement ?? 0) + 0.25 * evidenceShare;
    out.push({ id: r.id, pillarId, score: r.score, reference, gap, share, confidence, priority: 100 * share * gap * confidence });
  }
  return out.sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
}

/** The draft's actions: every recommended action of the candidate items, merged by sameAs, highest priority first. */
export function draftActions(inst: TInstrument, results: readonly TPriorityInput[], target: number | null): { items: TItemPriority[]; actions: TCandidateAction[] } {
  const items = itemPriorities(inst, results, target);
  const byKey = new Map<string, TCandidateAction>();
  const order = new Map(allItems(inst).map(({ item }, i) => [item.id, i]));
  for (const p of items) {
    const located = locateItem(inst, p.id);
    if (!located) continue;
    for (const a of located.item.actions) {
      const key = a.sameAs ?? `${p.id}/${a.id}`;
      const [itemId = p.id, actionId = a.id] = key.split('/');
      const c = byKey.get(key) ?? { key, itemId, actionId, items: [], pillars: [], sdg: [], priority: 0 };
      if (!c.items.includes(p.id)) {
        c.items.push(p.id);
        c.priority += p.priority;
        if (!c.pillars.includes(p.pillarId)) c.pillars.push(p.pillarId);
        for (const s of located.item.tags.sdg) if (!c.sdg.includes(s)) c.sdg.push(s);
      }
      byKey.set(key, c);
    }
  }
  const actions = [...byKey.values()];
  // Pillars stay in the order their items come (highest priority first): the first is where the plan
  // groups the action.
  for (const a of actions) a.sdg.sort();
  // Among equal priorities the instrument's order decides, so the draft is the same on every run.
  return { items, actions: actions.sort((a, b) => b.priority - a.priority || (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0) || a.key.localeCompare(b.key)) };
}
