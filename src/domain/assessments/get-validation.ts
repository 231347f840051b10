// Use case: what the coordinator checks before validating — coverage of the scores, answers scored high
// without evidence, and items the workshop has not agreed on (their computed default answer would be
// used), and among those the ones whose default is consensual and may be accepted in one step. Validating
// with open points needs an explicit acknowledgement (see change-assessment-state).
import type { TItem, TPillar } from '../../instrument/schema.ts';
import { isUnsupported } from '../../scoring/item.ts';
import { CONSENSUAL_AGREEMENT, consensualDefaults } from '../../scoring/consensual.ts';
import type { TScores } from '../../scoring/aggregate.ts';
import { loadAnswerSet, type TAnswerSet } from '../results/load-answer-set.ts';
import { loadAssessment, type AssessmentAccess } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { allPillars } from '../../instrument/model.ts';

/** The open points before validation. */
export interface TValidationCheck {
  scores: TScores;
  /** Items whose scored answer is above the evidence threshold with no evidence attached. */
  unsupported: { item: TItem; pillar: TPillar }[];
  /** Scored items with no workshop decision. */
  withoutConsensus: { item: TItem; pillar: TPillar }[];
  /** Scored items with no answer at all (they lower coverage). */
  unanswered: { item: TItem; pillar: TPillar }[];
  /** Items without a decision whose default answer is consensual (METHODOLOGY §9), with their agreement. */
  consensual: { item: TItem; pillar: TPillar; agreement: number; n: number }[];
  /** The agreement from which a default answer counts as consensual. */
  consensualThreshold: number;
}

/** The validation check of a loaded answer set. */
export function checkForValidation(access: AssessmentAccess, set: TAnswerSet): TValidationCheck {
  const consensual = new Map(consensualDefaults(set.consolidation.items, new Set(set.current.keys())).map((i) => [i.id, i]));
  const out: TValidationCheck = { scores: set.consolidation.scores, unsupported: [], withoutConsensus: [], unanswered: [], consensual: [], consensualThreshold: CONSENSUAL_AGREEMENT };
  for (const pillar of allPillars(access.instrument)) {
    for (const item of pillar.items) {
      if (item.type === 'text' || item.weight === 0) continue;
      const answer = set.consolidation.answers.get(item.id);
      if (!answer || answer.value.kind === 'excluded') out.unanswered.push({ item, pillar });
      if (isUnsupported(item, answer)) out.unsupported.push({ item, pillar });
      if (!set.current.has(item.id)) out.withoutConsensus.push({ item, pillar });
      const c = consensual.get(item.id);
      if (c) out.consensual.push({ item, pillar, agreement: c.agreement ?? 0, n: c.n });
    }
  }
  return out;
}

/** The number of open points (0 means the assessment can be validated without acknowledgement). */
export function openPoints(c: TValidationCheck): number {
  return c.unsupported.length + c.withoutConsensus.length;
}

/** The validation screen for the coordinator. */
export async function getValidation(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<TValidationCheck & { access: AssessmentAccess }> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'assessment.change_state');
  return { ...checkForValidation(access, await loadAnswerSet(ctx, access)), access };
}
