// Before/after for the actions of an adopted plan (docs/METHODOLOGY.md §16): the scores of each action's
// linked items in the cycle that adopted it and in a later cycle, item ids translated through the later
// instrument's crosswalk. Pure.

/** An item's score and weight in one cycle. */
export interface TCycleItem {
  score: number | null;
  weight: number;
}

/** One linked item, before and after. */
export interface TEffectItem {
  /** The id in the cycle that adopted the plan. */
  id: string;
  /** The id in the later cycle (null when the later instrument dropped the item). */
  laterId: string | null;
  before: number | null;
  after: number | null;
}

/** An action's linked items and the change of their weighted mean over the items scored in both cycles. */
export interface TActionEffect {
  items: TEffectItem[];
  before: number | null;
  after: number | null;
  change: number | null;
}

/**
 * The later id of an earlier item: through the crosswalk when the later instrument has one from the
 * earlier version, else the same id when the later cycle knows it.
 */
export function laterItemId(id: string, later: ReadonlyMap<string, TCycleItem>, crosswalk: Readonly<Record<string, string>> | undefined): string | null {
  const mapped = crosswalk?.[id] ?? id;
  return later.has(mapped) ? mapped : null;
}

/** Before/after of one action's linked items. */
export function actionEffect(itemIds: readonly string[], earlier: ReadonlyMap<string, TCycleItem>, later: ReadonlyMap<string, TCycleItem>, crosswalk?: Readonly<Record<string, string>>): TActionEffect {
  const items = itemIds.map((id) => {
    const laterId = laterItemId(id, later, crosswalk);
    return { id, laterId, before: earlier.get(id)?.score ?? null, after: laterId ? (later.get(laterId)?.score ?? null) : null };
  });
  let w = 0;
  let b = 0;
  let a = 0;
  for (const it of items) {
    if (it.before === null || it.after === null || !it.laterId) continue;
    const weight = later.get(it.laterId)?.weight ?? 0;
    w += weight;
    b += weight * it.before;
    a += weight * it.after;
  }
  return w > 0 ? { items, before: b / w, after: a / w, change: (a - b) / w } : { items, before: null, after: null, change: null };
}
