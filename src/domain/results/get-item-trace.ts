// Use case: everything behind one item's score — the answer scored and where it came from, every respondent's
// answer and evidence, and the workshop's decisions.
import { locateItem } from '../../instrument/model.ts';
import { loadAssessment } from '../kernel/access.ts';
import { resultsOf } from './compute-results.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';

/** Everything behind one item's score: the scored answer and where it came from, every respondent's answer, evidence and decisions. */
export async function getItemTrace(ctx: Ctx, actor: Actor | undefined, assessmentId: string, itemId: string) {
  const access = await loadAssessment(ctx, actor, assessmentId, 'results.read');
  const results = await resultsOf(ctx, access);
  const { pillar, item } = locateItem(access.instrument, itemId) ?? {};
  if (!pillar || !item) throw new AppError('not_found', 'error.not_found');
  // Names follow the workshop's setting, and only people who may read every answer see them at all.
  const named = access.assessment.anonymise === 0 && access.may('answers.read_all');
  const canReadEvidence = access.may('evidence.read_all');
  return {
    results,
    pillar,
    item,
    result: results.scores.items.find((i) => i.id === itemId),
    consolidated: results.items.find((i) => i.id === itemId),
    gap: results.gaps.items.find((g) => g.id === itemId),
    decisions: results.set.decisions.filter((d) => d.item_id === itemId).sort((a, b) => b.revision - a.revision),
    responses: results.set.respondents
      .filter((r) => r.answers.has(itemId) || r.evidence.has(itemId))
      // Evidence (link addresses, document titles) is shown to those the policy lets read every respondent's
      // evidence (evidence.read_all); observers read results, so they see how much evidence there is.
      .map((r) => ({ who: named ? `${r.name}${r.organisation ? ` (${r.organisation})` : ''}` : null, number: r.number, government: r.government, value: r.answers.get(itemId)?.value ?? null, evidence: canReadEvidence ? (r.evidence.get(itemId) ?? []) : [], evidenceCount: r.evidence.get(itemId)?.length ?? 0 }))
      .sort((a, b) => a.number - b.number),
    canOpenFiles: canReadEvidence,
    canReadEvidence,
  };
}

/** The trace of one item's score. */
export type TItemTrace = Awaited<ReturnType<typeof getItemTrace>>;
