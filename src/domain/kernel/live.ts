// Telling open workshop pages that something changed. A message only says what kind of thing changed;
// pages fetch what they show again, so nothing private travels through the bus and a lost message costs
// one stale screen until the next.
import type { Bus } from '../../db/bus.ts';
import type { Ctx } from './context.ts';

/** What changed. */
export type TLiveKind = 'answers' | 'consensus' | 'room' | 'poll' | 'state';

/** The bus topic of an assessment. */
export function liveTopic(assessmentId: string): string {
  return `a:${assessmentId}`;
}

// During collection hundreds of respondents may autosave each second, and on PostgreSQL every message is
// a NOTIFY (measured: about a fifth of the save throughput). Answer announcements are therefore thinned
// per assessment: the first of a burst goes at once, the rest fold into one more at the end of the
// window — a room never misses the latest answers and is at most this late with them.
const ANSWERS_WINDOW_MS = 100;
const windows = new WeakMap<Bus, Map<string, { last: number; timer: NodeJS.Timeout | undefined }>>();

async function publish(ctx: Ctx, assessmentId: string, kind: TLiveKind): Promise<void> {
  try {
    await ctx.bus.publish(liveTopic(assessmentId), kind);
  } catch (e) {
    ctx.log.warn('live update not sent', { assessmentId, kind, error: (e as Error).message });
  }
}

/** Announces a change; a failure is logged, never raised, since the change itself is already saved. */
export async function announce(ctx: Ctx, assessmentId: string, kind: TLiveKind): Promise<void> {
  if (kind !== 'answers') return publish(ctx, assessmentId, kind);
  let byId = windows.get(ctx.bus);
  if (!byId) windows.set(ctx.bus, (byId = new Map()));
  const st = byId.get(assessmentId) ?? { last: -Infinity, timer: undefined };
  byId.set(assessmentId, st);
  const now = performance.now();
  if (now - st.last >= ANSWERS_WINDOW_MS && !st.timer) {
    st.last = now;
    return publish(ctx, assessmentId, kind);
  }
  if (st.timer) return;
  st.timer = setTimeout(() => {
    st.timer = undefined;
    st.last = performance.now();
    void publish(ctx, assessmentId, kind);
  }, Math.max(0, ANSWERS_WINDOW_MS - (now - st.last)));
  // A pending announcement must not keep a finishing process (a CLI command, a test) alive.
  st.timer.unref();
}
