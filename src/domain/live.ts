// Telling open workshop pages that something changed. A message only says what kind of thing changed;
// pages fetch what they show again, so nothing private travels through the bus and a lost message costs
// one stale screen until the next.
import type { Ctx } from './context.ts';

/** What changed. */
export type TLiveKind = 'answers' | 'consensus' | 'room' | 'poll' | 'state';

/** The bus topic of an assessment. */
export function liveTopic(assessmentId: string): string {
  return `a:${assessmentId}`;
}

/** Announces a change; a failure is logged, never raised, since the change itself is already saved. */
export async function announce(ctx: Ctx, assessmentId: string, kind: TLiveKind): Promise<void> {
  try {
    await ctx.bus.publish(liveTopic(assessmentId), kind);
  } catch (e) {
    ctx.log.warn('live update not sent', { assessmentId, kind, error: (e as Error).message });
  }
}
