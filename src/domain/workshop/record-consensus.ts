// Use case: a facilitator records the workshop's agreed answer to one item, with its rationale and an
// optional dissent note. Each decision is a new revision; the form carries the revision it was based on,
// and if someone recorded a newer one meanwhile the write is refused with that newer decision, so a
// colleague's decision is never silently overwritten.
import { z } from 'zod';
import { currentConsensus, insertConsensus, listConsensus, type ConsensusRow } from '../../db/repositories/workshop.ts';
import { locateItem } from '../../instrument/model.ts';
import type { TValue } from '../../scoring/types.ts';
import { answerProblem, ZValue } from '../answering/validate-answer.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { announce } from '../kernel/live.ts';
import { newId } from '../../lib/tokens.ts';
import { parseInput } from '../kernel/validate.ts';

const ZConsensus = z.object({
  value: z.preprocess((v) => v ?? undefined, z.unknown().refine((v) => v !== undefined, { error: 'error.agreed_answer_required' })).pipe(ZValue),
  rationale: z.string({ error: 'error.rationale_required' }).trim().min(1, { error: 'error.rationale_required' }).max(4000, { error: 'error.too_long' }),
  dissent: z.string().trim().max(4000, { error: 'error.too_long' }).optional(),
  /** The revision the facilitator saw (0 when there was none). */
  baseRevision: z.coerce.number({ error: 'error.bad_request' }).int().min(0),
});

/** The outcome of recording. */
export interface TRecorded {
  revision: number;
}

/** Conflict details: the decision recorded first. */
export interface TConflict {
  revision: number;
  value: TValue;
  rationale: string;
  dissent: string | null;
  decidedBy: string | null;
  decidedAt: string;
}

/** A stored decision as pages show it. */
export function decisionOf(row: ConsensusRow): TConflict {
  return { revision: row.revision, value: JSON.parse(row.value_json) as TValue, rationale: row.rationale, dissent: row.dissent, decidedBy: row.decided_by_name, decidedAt: row.decided_at };
}

/** Whether decisions can be recorded in an assessment in this state (the workshop runs in consolidation). */
export function decisionsOpen(state: string): boolean {
  return state === 'consolidating';
}

/** A stale write: someone recorded a newer decision first; `newer` is that decision, for the page to show. */
export class ConsensusConflict extends AppError {
  constructor(public readonly newer: TConflict | undefined) {
    super('conflict', 'error.consensus_conflict', { name: newer?.decidedBy ?? '?', revision: newer?.revision ?? 0 });
  }
}

/** Records an agreed answer; throws ConsensusConflict on a stale base revision. */
export async function recordConsensus(ctx: Ctx, actor: Actor | undefined, assessmentId: string, itemId: string, input: unknown): Promise<TRecorded> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'workshop.run');
  const item = locateItem(access.instrument, itemId)?.item;
  if (!item || item.type === 'text') throw new AppError('not_found', 'error.not_found');
  if (!decisionsOpen(access.assessment.state)) throw new AppError('conflict', 'error.workshop_closed', { state: access.assessment.state });
  const data = parseInput(ZConsensus, input);
  const value = data.value as TValue;
  const problem = answerProblem(item, value);
  if (problem) throw new AppError('invalid_input', 'error.form_invalid', {}, { value: problem });
  const revision = data.baseRevision + 1;
  const at = ctx.now().toISOString();
  const row = { id: newId(), assessment_id: assessmentId, item_id: itemId, revision, value_json: JSON.stringify(value), rationale: data.rationale, dissent: data.dissent || null, decided_by: access.actor.id, decided_at: at };
  const ok = await ctx.db.kysely.transaction().execute(async (trx) => {
    // Someone may already be further along than base + 1 (two decisions while this form was open).
    const latest = currentConsensus(await listConsensus(trx, assessmentId, itemId)).get(itemId);
    if ((latest?.revision ?? 0) !== data.baseRevision) return false;
    if (!(await insertConsensus(trx, row))) return false;
    await audit(trx, { at, actorId: access.actor.id, action: 'consensus.record', entityType: 'item', entityId: `${assessmentId}/${itemId}`, before: latest ? { revision: latest.revision, value: JSON.parse(latest.value_json) } : undefined, after: { revision, value, rationale: row.rationale, dissent: row.dissent } });
    return true;
  });
  if (!ok) {
    const newer = currentConsensus(await listConsensus(ctx.db.kysely, assessmentId, itemId)).get(itemId);
    throw new ConsensusConflict(newer && decisionOf(newer));
  }
  await announce(ctx, assessmentId, 'consensus');
  return { revision };
}
