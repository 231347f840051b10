// Use case: a respondent saves answers (a pillar form, or autosave batches from the browser). All-or-
// nothing: if one answer does not fit its item, nothing is written and each problem is named by item.
import { deleteAnswers, listAnswersOf, touchResponse, upsertAnswers, upsertAnswersBatched } from '../../db/repositories/answers.ts';
import { itemsById } from '../../instrument/model.ts';
import type { TValue } from '../../scoring/types.ts';
import { ZAnswerBatch } from './answer-values.ts';
import { answerProblem } from './validate-answer.ts';
import { loadAssessment } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { announce } from '../kernel/live.ts';
import { AppError } from '../kernel/errors.ts';
import { parseInput } from '../kernel/validate.ts';

// "Last active" is shown to the minute, so autosave (a save every few seconds) need not write it every
// time: each process remembers when it last did for a respondent. A new process or another instance
// writes it on its first save, which also creates the response row.
const TOUCH_EVERY_MS = 60_000;
const touched = new Map<string, number>();

function shouldTouch(assessmentId: string, userId: string, now: number): boolean {
  const key = `${assessmentId}:${userId}`;
  const last = touched.get(key);
  if (last !== undefined && now - last < TOUCH_EVERY_MS && now >= last) return false;
  // Bounded: forget everyone at once rather than grow without limit (the cost is one extra write each).
  if (touched.size > 100_000) touched.clear();
  touched.set(key, now);
  return true;
}

/**
 * Saves a batch of answers for the actor; returns how many were written, when, and which were not because
 * the stored answer changed after the sender read it (see `base`) and says something else.
 */
export async function saveAnswers(ctx: Ctx, actor: Actor | undefined, assessmentId: string, input: unknown): Promise<{ saved: number; at: string; stale: string[] }> {
  const { assessment, instrument, actor: me } = await loadAssessment(ctx, actor, assessmentId, 'answers.write_own');
  if (assessment.state !== 'collecting') throw new AppError('conflict', assessment.state === 'draft' ? 'error.collection_not_open' : 'error.collection_closed');
  // The same item twice in one batch (an offline queue merged twice, a hand-made request): the later one
  // wins, as if sent one after the other — the same on both databases (a multi-row upsert touching one
  // row twice is an error on PostgreSQL and silently ordered on SQLite).
  const sent = [...new Map(parseInput(ZAnswerBatch, input).answers.map((a) => [a.itemId, a])).values()];
  const items = itemsById(instrument);
  const problems: Record<string, string> = {};
  for (const a of sent) {
    const item = items.get(a.itemId);
    if (!item) problems[a.itemId] = 'error.answer_invalid';
    else if (a.value) {
      const p = answerProblem(item, a.value as TValue);
      if (p) problems[a.itemId] = p;
    }
  }
  if (Object.keys(problems).length) throw new AppError('invalid_input', 'error.answers_invalid', { count: Object.keys(problems).length }, problems);
  // A questionnaire page sends, per item, when the answer it showed was saved. An answer stored since then
  // (from another tab or device) is newer than what the page shows: it stays, and this item of the page
  // is not written — an untouched old page would otherwise clear or revert it. Named in `stale` when the
  // page says something else, so the person can look. Autosave sends no base: each of its answers is an
  // edit just made.
  let answers = sent;
  let stale: string[] = [];
  if (sent.some((a) => a.base !== undefined)) {
    const stored = new Map((await listAnswersOf(ctx.db.kysely, assessment.id, me.id)).map((r) => [r.item_id, r]));
    const moved = (a: (typeof sent)[number]) => a.base !== undefined && (stored.get(a.itemId)?.updated_at ?? '') !== a.base;
    const same = (a: (typeof sent)[number]) => {
      const s = stored.get(a.itemId);
      const comment = a.comment?.trim() || null;
      return s ? s.value_json === JSON.stringify(a.value) && s.comment === comment : a.value === null && comment === null;
    };
    stale = sent.filter((a) => moved(a) && !same(a)).map((a) => a.itemId);
    answers = sent.filter((a) => !moved(a));
  }
  const now = ctx.now();
  const at = now.toISOString();
  const keep = answers.filter((a) => a.value !== null || (a.comment ?? '').trim() !== '');
  const clear = answers.filter((a) => a.value === null && !(a.comment ?? '').trim()).map((a) => a.itemId);
  const rows = keep.map((a) => ({ assessment_id: assessment.id, user_id: me.id, item_id: a.itemId, value_json: JSON.stringify(a.value), comment: a.comment?.trim() || null, updated_at: at }));
  if (clear.length) {
    await ctx.db.kysely.transaction().execute(async (trx) => {
      await upsertAnswers(trx, rows);
      await deleteAnswers(trx, assessment.id, me.id, clear);
      await touchResponse(trx, assessment.id, me.id, at);
    });
  } else {
    // The common autosave case. One multi-row upsert is atomic by itself; the response's "last active"
    // stamp is bookkeeping that the next save repeats, so it does not need to share a transaction — which
    // on SQLite would hold the single connection across several awaits and serialise every respondent.
    // Written with the other saves of this moment (one statement for many respondents), acknowledged
    // only once committed.
    await upsertAnswersBatched(ctx.db.kysely, rows);
    if (shouldTouch(assessment.id, me.id, now.getTime())) await touchResponse(ctx.db.kysely, assessment.id, me.id, at);
  }
  if (rows.length || clear.length) await announce(ctx, assessmentId, 'answers');
  return { saved: answers.length, at, stale };
}
