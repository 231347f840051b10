// Use cases of the workshop room: the projector page shows the item the facilitator chose (its
// distribution, default answer, agreed answer, and the open poll) or, with nothing chosen, the progress of
// the workshop. It reveals aggregates only, never who answered what, so every member may open it.
import { z } from 'zod';
import { findLatestPoll, setRoomItem } from '../db/repositories/workshop.ts';
import type { TPillar } from '../instrument/schema.ts';
import type { TValue } from '../scoring/types.ts';
import { loadAnswerSet } from './answer-set.ts';
import { loadAssessment, type AssessmentAccess } from './assessment-access.ts';
import { audit } from './audit.ts';
import type { Actor, Ctx } from './context.ts';
import { AppError } from './errors.ts';
import { announce } from './live.ts';
import { pollView, type TPollView } from './polls.ts';
import { parseInput } from './validate.ts';
import { getWorkshopItemSummary, type TWorkshopItem } from './workshop.ts';

/** What the room shows. */
export interface TRoom {
  access: AssessmentAccess;
  respondents: number;
  answers: number;
  agreedItems: number;
  decidableItems: number;
  pillars: { pillar: TPillar; agreement: number | null; agreed: number; items: number }[];
  focus: (TWorkshopItem & { agreed: TValue | null; poll: TPollView | undefined }) | undefined;
}

/** The room's content for any member. */
export async function getRoom(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<TRoom> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'room.view');
  const set = await loadAnswerSet(ctx, access);
  const pillars = access.instrument.parts.flatMap((p) => p.pillars);
  const decidable = (p: TPillar) => p.items.filter((i) => i.type !== 'text');
  const focusId = access.assessment.room_item;
  const focusPillar = focusId ? pillars.find((p) => p.items.some((i) => i.id === focusId && i.type !== 'text')) : undefined;
  let focus: TRoom['focus'];
  if (focusId && focusPillar) {
    const s = getWorkshopItemSummary(set, focusPillar, focusId);
    const poll = await findLatestPoll(ctx.db.kysely, assessmentId, focusId);
    const current = set.current.get(focusId);
    focus = { ...s, agreed: current ? (JSON.parse(current.value_json) as TValue) : null, poll: poll ? await pollView(ctx, access.instrument, poll, actor!.id) : undefined };
  }
  return {
    access,
    respondents: set.respondents.filter((r) => r.answers.size > 0).length,
    answers: set.respondents.reduce((s, r) => s + r.answers.size, 0),
    agreedItems: set.current.size,
    decidableItems: pillars.reduce((s, p) => s + decidable(p).length, 0),
    pillars: pillars.map((p) => ({ pillar: p, agreement: set.consolidation.agreement.pillars[p.id] ?? null, agreed: decidable(p).filter((i) => set.current.has(i.id)).length, items: decidable(p).length })),
    focus,
  };
}

const ZShow = z.object({ itemId: z.union([z.literal(''), z.string().regex(/^[A-Z]\.\d{2}$/)], { error: 'error.bad_request' }) });

/** Puts an item on the room's screen ('' for the overview). */
export async function showInRoom(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<void> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'workshop.run');
  const { itemId } = parseInput(ZShow, input);
  if (itemId && !access.instrument.parts.flatMap((p) => p.pillars).some((p) => p.items.some((i) => i.id === itemId && i.type !== 'text'))) throw new AppError('not_found', 'error.not_found');
  const at = ctx.now().toISOString();
  await setRoomItem(ctx.db.kysely, assessmentId, itemId || null);
  await audit(ctx.db.kysely, { at, actorId: actor!.id, action: 'room.show', entityType: 'assessment', entityId: assessmentId, after: { itemId: itemId || null } });
  await announce(ctx, assessmentId, 'room');
}
