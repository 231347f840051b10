// Use case: put an item on the room's screen ('' for the overview).
import { z } from 'zod';
import { setRoomItem } from '../../db/repositories/workshop.ts';
import { locateItem } from '../../instrument/model.ts';
import { loadAssessment } from '../kernel/access.ts';
import { audit } from '../kernel/audit.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { announce } from '../kernel/live.ts';
import { parseInput } from '../kernel/validate.ts';

const ZShow = z.object({ itemId: z.union([z.literal(''), z.string().regex(/^[A-Z]\.\d{2}$/)], { error: 'error.bad_request' }) });

/** Puts an item on the room's screen ('' for the overview). */
export async function showInRoom(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<void> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'workshop.run');
  const { itemId } = parseInput(ZShow, input);
  if (itemId && (locateItem(access.instrument, itemId)?.item.type ?? 'text') === 'text') throw new AppError('not_found', 'error.not_found');
  const at = ctx.now().toISOString();
  await setRoomItem(ctx.db.kysely, assessmentId, itemId || null);
  await audit(ctx.db.kysely, { at, actorId: access.actor.id, action: 'room.show', entityType: 'assessment', entityId: assessmentId, after: { itemId: itemId || null } });
  await announce(ctx, assessmentId, 'room');
}
