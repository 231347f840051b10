// Use case: open a quick poll on an item (closing any open one) and put the item on the room's screen.
import { closePolls, insertPoll, setRoomItem } from '../../db/repositories/workshop.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { announce } from '../kernel/live.ts';
import { newId } from '../../lib/tokens.ts';
import { pollableItem } from './poll-view.ts';

/** Opens a poll on an item (closing any open one) and puts the item on the room's screen. */
export async function openPoll(ctx: Ctx, actor: Actor | undefined, assessmentId: string, itemId: string): Promise<string> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'workshop.run');
  pollableItem(access.instrument, itemId);
  if (!['collecting', 'consolidating'].includes(access.assessment.state)) throw new AppError('conflict', 'error.workshop_closed', { state: access.assessment.state });
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await closePolls(trx, assessmentId, at);
    await insertPoll(trx, { id, assessment_id: assessmentId, item_id: itemId, status: 'open', created_by: access.actor.id, created_at: at, closed_at: null });
    await setRoomItem(trx, assessmentId, itemId);
    await audit(trx, { at, actorId: access.actor.id, action: 'poll.open', entityType: 'poll', entityId: id, after: { itemId } });
  });
  await announce(ctx, assessmentId, 'poll');
  return id;
}
