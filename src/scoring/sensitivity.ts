// "What if" analysis: how the METEP index and the order of pillars move when weights change — equal
// pillar weights, equal item weights, and each pillar's weight ±20 %. See docs/METHODOLOGY.md §8.
import type { TInstrument } from '../instrument/schema.ts';
import { scoreAnswers, type TScores, type TWeights } from './aggregate.ts';
import type { TAnswers } from './types.ts';
import { allPillars } from '../instrument/model.ts';

/** One scenario's outcome. */
export interface TScenario {
  id: string;
  /** The pillar whose weight moved, for ±20 % scenarios. */
  pillarId?: string;
  change?: number;
  index: number | null;
  delta: number | null;
  /** Pillar ids from highest to lowest score. */
  order: string[];
  orderChanged: boolean;
}

/** Pillars from highest to lowest score (unscored last, ties by id). */
export function pillarOrder(s: TScores): string[] {
  return [...s.pillars]
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.id.localeCompare(b.id))
    .map((p) => p.id);
}

/** The baseline and every scenario, plus the largest absolute change of the index. */
export function sensitivity(inst: TInstrument, answers: TAnswers, step = 0.2): { baseline: TScenario; scenarios: TScenario[]; maxAbsDelta: number } {
  const base = scoreAnswers(inst, answers);
  const baseOrder = pillarOrder(base);
  const run = (id: string, w: TWeights, extra: Partial<TScenario> = {}): TScenario => {
    const s = scoreAnswers(inst, answers, w);
    const order = pillarOrder(s);
    return {
      id,
      ...extra,
      index: s.score,
      delta: s.score !== null && base.score !== null ? s.score - base.score : null,
      order,
      orderChanged: order.join() !== baseOrder.join(),
    };
  };
  const pillars = allPillars(inst);
  const items = pillars.flatMap((p) => p.items);
  const scenarios: TScenario[] = [
    run('equal_pillar_weights', { pillar: Object.fromEntries(pillars.map((p) => [p.id, 1])) }),
    run('equal_item_weights', { item: Object.fromEntries(items.filter((i) => i.type !== 'text').map((i) => [i.id, 1])) }),
  ];
  for (const p of pillars) {
    for (const change of [step, -step]) {
      scenarios.push(run(change > 0 ? 'pillar_up' : 'pillar_down', { pillar: { [p.id]: p.weight * (1 + change) } }, { pillarId: p.id, change }));
    }
  }
  const maxAbsDelta = Math.max(0, ...scenarios.map((s) => Math.abs(s.delta ?? 0)));
  return { baseline: { id: 'baseline', index: base.score, delta: 0, order: baseOrder, orderChanged: false }, scenarios, maxAbsDelta };
}
