// Use case: the workshop view of one pillar (items from the least agreed), or the most contested items overall.
import type { TPillar } from '../../instrument/schema.ts';
import { loadAnswerSet } from '../results/load-answer-set.ts';
import { loadAssessment, type AssessmentAccess } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { type TWorkshopItem, type TPillarProgress, summarise, pillarProgress, pillarsOf, decidable, byAgreement } from './item-summary.ts';

/** The workshop page of one pillar. */
export interface TWorkshop {
  access: AssessmentAccess;
  pillars: TPillarProgress[];
  /** The pillar shown; undefined for the landing page, which lists the most contested items of all. */
  pillar: TPillar | undefined;
  /** The pillar's items (or the most contested overall), least agreement first (items nobody answered last). */
  items: TWorkshopItem[];
  anonymised: boolean;
}

/** How many items the landing page lists as most contested. */
const MOST_CONTESTED = 12;

/** The workshop view of one pillar, or without a pillar the most contested items still without a decision. */
export async function getWorkshop(ctx: Ctx, actor: Actor | undefined, assessmentId: string, pillarId?: string): Promise<TWorkshop> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'workshop.run');
  const all = pillarsOf(access);
  const pillar = pillarId ? all.find((p) => p.id === pillarId) : undefined;
  if (pillarId && !pillar) throw new AppError('not_found', 'error.not_found');
  const set = await loadAnswerSet(ctx, access);
  const items = pillar
    ? decidable(pillar).map((i) => summarise(set, i, pillar.id)).sort(byAgreement)
    : all
        .flatMap((p) => decidable(p).map((i) => summarise(set, i, p.id)))
        .filter((s) => !s.current && s.c.agreement !== null)
        .sort(byAgreement)
        .slice(0, MOST_CONTESTED);
  return {
    access,
    pillars: pillarProgress(access, set),
    pillar,
    items,
    anonymised: access.assessment.anonymise === 1,
  };
}
