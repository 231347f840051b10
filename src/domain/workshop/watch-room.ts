// Use case: keeping the open room pages of a workshop current. Every page's event stream is checked again
// before each push (a signed-out session or a removed member gets nothing more), and what is pushed is
// computed once per change for everyone. The streams of one room in this process are woken together, at
// most once per CHANGE_GAP_MS, and checked together: one read of their sessions and one of their
// memberships, whoever and however many they are. Checked one by one, 300 phones cost 600 reads per
// change, which on PostgreSQL queued the respondents' autosaves behind them (bench/README.md). Nothing
// is remembered from one check to the next, so this is a batch, not a cache.
import { resolveSessions } from '../accounts/resolve-session.ts';
import { loadAssessmentForMany } from '../kernel/access.ts';
import type { Ctx } from '../kernel/context.ts';
import { liveTopic } from '../kernel/live.ts';
import { roomFor, type TRoom } from './get-room.ts';

/** The shortest pause between two pushes to the room's pages: what changes meanwhile folds into the next. */
export const CHANGE_GAP_MS = 500;

/** One open room page: whose session it runs under, and what to do with the next content or at the end. */
export interface TRoomWatcher {
  /** The session cookie's token the stream was opened with. */
  token: string | undefined;
  /** Who opened it: a session that now belongs to someone else ends the stream too. */
  userId: string;
  push(room: TRoom): void;
  /** The person may no longer see the room: the stream ends. Called at most once. */
  end(): void;
}

interface TGroup {
  watchers: Set<TRoomWatcher>;
  off: () => void;
  last: number;
  timer: NodeJS.Timeout | undefined;
  running: boolean;
  again: boolean;
}

const groups = new WeakMap<Ctx['bus'], Map<string, TGroup>>();

/** Watches a room for one page until the returned function is called or `end` is. */
export function watchRoom(ctx: Ctx, assessmentId: string, watcher: TRoomWatcher): () => void {
  let byId = groups.get(ctx.bus);
  if (!byId) groups.set(ctx.bus, (byId = new Map()));
  let g = byId.get(assessmentId);
  if (!g) {
    const group: TGroup = { watchers: new Set(), off: () => undefined, last: -Infinity, timer: undefined, running: false, again: false };
    group.off = ctx.bus.subscribe(liveTopic(assessmentId), () => schedule(ctx, assessmentId, group));
    byId.set(assessmentId, (g = group));
  }
  g.watchers.add(watcher);
  const group = g;
  return () => leave(ctx, assessmentId, group, watcher);
}

function leave(ctx: Ctx, assessmentId: string, g: TGroup, w: TRoomWatcher): void {
  if (!g.watchers.delete(w) || g.watchers.size > 0) return;
  g.off();
  clearTimeout(g.timer);
  g.timer = undefined;
  if (groups.get(ctx.bus)?.get(assessmentId) === g) groups.get(ctx.bus)?.delete(assessmentId);
}

// A change: the first of a quiet spell goes out at once (in the next turn, so changes of the same turn
// fold together); later ones wait for the gap; one during a push is sent after it.
function schedule(ctx: Ctx, assessmentId: string, g: TGroup): void {
  if (g.running) {
    g.again = true;
    return;
  }
  if (g.timer) return;
  g.timer = setTimeout(() => void flush(ctx, assessmentId, g), Math.max(0, g.last + CHANGE_GAP_MS - performance.now()));
  // A pending push must not keep a finishing process (a test, a stopping server) alive.
  g.timer.unref();
}

async function flush(ctx: Ctx, assessmentId: string, g: TGroup): Promise<void> {
  g.timer = undefined;
  g.running = true;
  g.last = performance.now();
  const list = [...g.watchers];
  const drop = (w: TRoomWatcher) => {
    if (!g.watchers.has(w)) return;
    leave(ctx, assessmentId, g, w);
    w.end();
  };
  try {
    const actors = await resolveSessions(ctx, list.map((w) => w.token));
    const live = list.flatMap((w, i) => {
      const a = actors[i];
      if (a && a.id === w.userId) return [{ w, a }];
      drop(w);
      return [];
    });
    if (live.length === 0) return;
    const access = await loadAssessmentForMany(ctx, live.map((x) => x.a), assessmentId, 'room.view');
    let content: TRoom | undefined;
    for (let i = 0; i < live.length; i++) {
      const { w } = live[i]!;
      const acc = access[i]!;
      // No longer a member, or the assessment is gone: the stream ends and so does the live view.
      if (acc instanceof Error) {
        drop(w);
        continue;
      }
      content ??= await roomFor(ctx, acc);
      if (g.watchers.has(w)) w.push({ ...content, access: acc });
    }
  } catch (e) {
    // The database failed this once: the pages keep what they show until the next change.
    ctx.log.warn('room update not sent', { assessmentId, error: (e as Error).message });
  } finally {
    g.running = false;
    if (g.again) {
      g.again = false;
      if (g.watchers.size > 0) schedule(ctx, assessmentId, g);
    }
  }
}
