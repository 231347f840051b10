// Use case: the workshop room (projector page) — the item the facilitator chose with its distribution, default
// and agreed answer and poll, or the workshop's progress. Aggregates only, so every member may open it.
import { findLatestPoll } from '../../db/repositories/workshop.ts';
import { locateItem } from '../../instrument/model.ts';
import type { TValue } from '../../scoring/types.ts';
import { loadAnswerSet } from '../results/load-answer-set.ts';
import { loadAssessment, type AssessmentAccess } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { liveTopic } from '../kernel/live.ts';
import { pollView, type TPollView } from './poll-view.ts';
import { ensureRoomCode } from './room-code.ts';
import { roomOpenToAll } from './set-room-voting.ts';
import { decisionOf } from './record-consensus.ts';
import { getWorkshopItemSummary, pillarProgress, type TPillarProgress, type TWorkshopItem } from './item-summary.ts';

/** What the room shows. */
export interface TRoom {
  access: AssessmentAccess;
  respondents: number;
  answers: number;
  agreedItems: number;
  decidableItems: number;
  pillars: TPillarProgress[];
  focus: (TWorkshopItem & { agreed: TValue | null; poll: TPollView | undefined }) | undefined;
  /** The room's short code, for phones to reach the poll. */
  code: string;
  /** Until when people may vote without an account; null when only members vote. */
  openUntil: string | null;
  /** The shared computation this content comes from: the same object (and tag) for every member until the
   * next change, so a presenter can render it once and answer "unchanged" to a page that has it. */
  snapshot: { tag: string; at: Date };
}

// Every open room page fetches the same content at the same moment after each change. The content does
// not depend on who asks, so it is computed once per change and shared: the cached copy is valid while no
// change has been announced since it was computed (this process hears every announcement, its own and,
// through LISTEN/NOTIFY, other instances'), and at most a few seconds in case a message was lost.
const MAX_AGE_MS = 5000;

interface TShared {
  version: number;
  at: number;
  value: Promise<Omit<TRoom, 'access'>>;
}

// Snapshot tags are unique across processes (a random prefix per process), so a tag another instance or
// an earlier run handed out is never taken for this one's content.
const PROCESS_TAG = Math.random().toString(36).slice(2, 10);
let snapshots = 0;

const rooms = new WeakMap<Ctx['bus'], Map<string, { version: number; shared?: TShared }>>();

function roomState(ctx: Ctx, assessmentId: string) {
  let byId = rooms.get(ctx.bus);
  if (!byId) rooms.set(ctx.bus, (byId = new Map()));
  let st = byId.get(assessmentId);
  if (!st) {
    const state: { version: number; shared?: TShared } = { version: 0 };
    ctx.bus.subscribe(liveTopic(assessmentId), () => void state.version++);
    byId.set(assessmentId, (st = state));
  }
  return st;
}

/** The room's content for any member. */
export async function getRoom(ctx: Ctx, actor: Actor | undefined, assessmentId: string): Promise<TRoom> {
  return roomFor(ctx, await loadAssessment(ctx, actor, assessmentId, 'room.view'));
}

/** The room's content for a member whose access to it (`room.view`) has just been checked. */
export async function roomFor(ctx: Ctx, access: AssessmentAccess): Promise<TRoom> {
  const assessmentId = access.assessment.id;
  const st = roomState(ctx, assessmentId);
  const now = ctx.now().getTime();
  let shared = st.shared;
  if (!shared || shared.version !== st.version || now - shared.at > MAX_AGE_MS || now < shared.at) {
    const snapshot = { tag: `${PROCESS_TAG}-${++snapshots}`, at: new Date(now) };
    const s: TShared = { version: st.version, at: now, value: computeRoom(ctx, access).then((v) => ({ ...v, snapshot })) };
    st.shared = shared = s;
    s.value.catch(() => {
      if (st.shared === s) delete st.shared;
    });
  }
  return { ...(await shared.value), access };
}

async function computeRoom(ctx: Ctx, access: AssessmentAccess): Promise<Omit<TRoom, 'access' | 'snapshot'>> {
  const assessmentId = access.assessment.id;
  const set = await loadAnswerSet(ctx, access);
  const pillars = pillarProgress(access, set);
  const focusId = access.assessment.room_item;
  const where = focusId ? locateItem(access.instrument, focusId) : undefined;
  const focusPillar = where && where.item.type !== 'text' ? where.pillar : undefined;
  let focus: TRoom['focus'];
  if (focusId && focusPillar) {
    const s = getWorkshopItemSummary(set, focusPillar, focusId);
    const poll = await findLatestPoll(ctx.db.kysely, assessmentId, focusId);
    const current = set.current.get(focusId);
    // The room shows counts only, never anyone's own vote.
    focus = { ...s, agreed: current ? decisionOf(current).value : null, poll: poll ? await pollView(ctx, access.instrument, poll, {}) : undefined };
  }
  // The code and the open-voting window are the same for every member; opening or stopping voting is
  // announced, so they change with the snapshot (and at most MAX_AGE_MS late when the window runs out).
  const code = await ensureRoomCode(ctx, access.assessment);
  const until = access.assessment.room_open_until;
  return {
    code,
    openUntil: roomOpenToAll(ctx, until) ? until : null,
    respondents: set.respondents.filter((r) => r.answers.size > 0).length,
    answers: set.respondents.reduce((s, r) => s + r.answers.size, 0),
    agreedItems: set.current.size,
    decidableItems: pillars.reduce((s, p) => s + p.items, 0),
    pillars,
    focus,
  };
}
