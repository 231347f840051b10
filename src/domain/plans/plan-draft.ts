// The draft plan from an assessment's results: the pure priority rules (src/scoring/plan-priority.ts) fed
// with the consolidated results, and the narrative sections filled in from the templates of the six
// catalogs (text someone wrote, with the assessment's facts put in; the coordinator edits it).
import { allPillars, locateItem } from '../../instrument/model.ts';
import type { TInstrument, ZAction } from '../../instrument/schema.ts';
import type { z } from 'zod';

/** A recommended action of the instrument. */
export type TAction = z.infer<typeof ZAction>;
import { countryName } from '../../i18n/countries.ts';
import { formatNumber, t, type TLocale } from '../../i18n/index.ts';
import { DRAFT_SIZE, draftActions, planReference, type TCandidateAction, type TItemPriority } from '../../scoring/plan-priority.ts';
import type { TResults } from '../results/compute-results.ts';
import { NARRATIVE_SECTIONS, objectiveKey } from './plan-model.ts';

/** A drafted action with the instrument's recommendation it comes from. */
export interface TDraftAction extends TCandidateAction {
  recommended: TAction;
}

/** The draft of an assessment: candidate items and every suggested action, highest priority first. */
export interface TDraft {
  reference: number;
  items: TItemPriority[];
  /** Every suggested action; the plan starts with the first DRAFT_SIZE of them. */
  actions: TDraftAction[];
  size: number;
}

/** The instrument action behind a key such as `B.09/a1`. */
export function recommendedAction(inst: TInstrument, key: string | null): TAction | undefined {
  if (!key) return undefined;
  const [itemId = '', actionId] = key.split('/');
  return locateItem(inst, itemId)?.item.actions.find((a) => a.id === actionId);
}

/** Computes the draft from consolidated results. */
export function draftOf(results: TResults): TDraft {
  const inst = results.access.instrument;
  const target = results.access.assessment.target_index;
  const scores = new Map(results.scores.items.map((i) => [i.id, i.score]));
  const d = draftActions(
    inst,
    results.items.map((c) => ({ id: c.id, score: scores.get(c.id) ?? null, agreement: c.agreement, n: c.n, withEvidence: c.withEvidence })),
    target,
  );
  return {
    reference: planReference(target),
    size: DRAFT_SIZE,
    items: d.items,
    actions: d.actions.flatMap((a) => {
      const recommended = recommendedAction(inst, a.key);
      return recommended ? [{ ...a, recommended }] : [];
    }),
  };
}

/** An instrument text in a language, else in the instrument's source language. */
export function instrumentText(inst: TInstrument, text: Partial<Record<string, string>> | undefined, lang: string): string {
  return text?.[lang] ?? text?.[inst.sourceLanguage] ?? '';
}

/** The narrative sections of a new plan, from the templates in the plan's language. */
export function draftSections(results: TResults, draft: TDraft, lang: TLocale): Map<string, string> {
  const inst = results.access.instrument;
  const a = results.access.assessment;
  const n = (x: number | null) => (x === null ? '–' : formatNumber(lang, x, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  const country = countryName(lang, a.country);
  const pillarScore = new Map(results.scores.pillars.map((p) => [p.id, p.score]));
  const withActions = allPillars(inst).filter((p) => draft.actions.some((x) => x.pillars[0] === p.id));
  const out = new Map<string, string>();
  const facts = {
    country,
    year: a.cycle_year,
    index: n(results.scores.score),
    band: results.scores.band ? t(lang, `band.${results.scores.band}`) : '–',
    reference: n(draft.reference),
    end: a.cycle_year + 2,
    next: a.cycle_year + 2,
    pillars: withActions.map((p) => instrumentText(inst, p.title, lang)).join(t(lang, 'plan.list_separator')) || '–',
  };
  for (const key of NARRATIVE_SECTIONS) out.set(key, t(lang, `plan.tpl.${key}`, facts));
  for (const p of withActions) {
    out.set(objectiveKey(p.id), t(lang, 'plan.tpl.objective', { ...facts, pillar: instrumentText(inst, p.title, lang), score: n(pillarScore.get(p.id) ?? null) }));
  }
  return out;
}
