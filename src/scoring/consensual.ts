// Which computed default answers the workshop may accept without discussion (docs/METHODOLOGY.md §9,
// "Accepting the consensual defaults"): items the respondents already agree on, so that the workshop spends
// its time on the contested ones. Pure; the use case records each as a decision with its own rationale.
import type { TConsolidatedItem } from './consolidate.ts';

/**
 * The agreement (§5) at or above which an item's default answer counts as consensual: 0.80, the cut
 * Krippendorff's reading (§5) also uses for "reliable". On the ordinal scale one respondent in four a
 * single level away from the rest still passes (levels 2, 2, 2, 3: 0.855278); one in five two levels away
 * does not (2, 2, 2, 2, 4: 0.731004).
 */
export const CONSENSUAL_AGREEMENT = 0.8;

/** Items without a decision whose respondents agree at least CONSENSUAL_AGREEMENT, with a substantive default. */
export function consensualDefaults(items: readonly TConsolidatedItem[], decided: ReadonlySet<string>): TConsolidatedItem[] {
  return items.filter((i) => !decided.has(i.id) && i.agreement !== null && i.agreement >= CONSENSUAL_AGREEMENT - 1e-12 && i.defaultAnswer !== null && i.defaultAnswer.kind !== 'excluded');
}
