// Read model for answering: the instrument, the actor's answers, evidence and progress per pillar.
import { findResponse, listAnswersOf, listEvidenceOf } from '../../db/repositories/answers.ts';
import type { TValue } from '../../scoring/types.ts';
import { loadAssessment, type AssessmentAccess } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { allPillars } from '../../instrument/model.ts';
import { getTranslationSummary, type TTranslationSummary } from '../translations/get-translation-summary.ts';

/** One of the actor's answers. */
export interface TMyAnswer {
  value: TValue | null;
  comment: string | null;
  updatedAt: string;
}

/** Everything a respondent's questionnaire page needs. */
export interface TQuestionnaire extends AssessmentAccess {
  actor: Actor;
  answers: Map<string, TMyAnswer>;
  evidence: Awaited<ReturnType<typeof listEvidenceOf>>;
  progress: { pillarId: string; answered: number; total: number }[];
  status: 'not_started' | 'started' | 'submitted';
  submittedAt: string | null;
  /** The largest evidence document accepted, in bytes (stated on the page and checked before sending). */
  evidenceMaxBytes: number;
  /** The review state of the instrument's texts in the page language (when one was asked for). */
  translation: TTranslationSummary | null;
  /** The pillars with items still unanswered, and those items (what submitting asks to confirm). */
  unanswered: TUnanswered[];
}

/** One pillar's unanswered items, in instrument order. */
export interface TUnanswered {
  pillarId: string;
  itemIds: string[];
}

/** The unanswered items per pillar (pillars with none left out); answered means as in `progressOf`. */
export function unansweredOf(access: Pick<AssessmentAccess, 'instrument'>, answered: (itemId: string) => boolean): TUnanswered[] {
  return allPillars(access.instrument)
    .map((pl) => ({ pillarId: pl.id, itemIds: pl.items.filter((i) => !answered(i.id)).map((i) => i.id) }))
    .filter((p) => p.itemIds.length > 0);
}

/** Counts answered items per pillar (an excluded answer counts as answered; text items count too). */
export function progressOf(access: Pick<AssessmentAccess, 'instrument'>, answered: (itemId: string) => boolean) {
  return allPillars(access.instrument).map((pl) => ({ pillarId: pl.id, answered: pl.items.filter((i) => answered(i.id)).length, total: pl.items.length }));
}

/** Loads the actor's questionnaire for an assessment, with the review state of its texts in `lang`. */
export async function getQuestionnaire(ctx: Ctx, actor: Actor | undefined, assessmentId: string, lang?: string): Promise<TQuestionnaire> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'answers.write_own');
  const [rows, evidence, response, translation] = await Promise.all([
    listAnswersOf(ctx.db.kysely, assessmentId, access.actor.id),
    listEvidenceOf(ctx.db.kysely, assessmentId, access.actor.id),
    findResponse(ctx.db.kysely, assessmentId, access.actor.id),
    lang ? getTranslationSummary(ctx, access.instrument, lang) : null,
  ]);
  const answers = new Map(rows.map((r) => [r.item_id, { value: JSON.parse(r.value_json) as TValue | null, comment: r.comment, updatedAt: r.updated_at }]));
  const answered = (id: string) => answers.get(id)?.value != null;
  return {
    ...access,
    answers,
    evidence,
    progress: progressOf(access, answered),
    unanswered: unansweredOf(access, answered),
    status: response?.status ?? 'not_started',
    submittedAt: response?.submitted_at ?? null,
    evidenceMaxBytes: ctx.config.evidenceMaxBytes,
    translation,
  };
}
