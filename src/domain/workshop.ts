// Use cases: what facilitators see in the workshop — per pillar, items from the least agreed to the most,
// each with its distribution (per answer and per stakeholder side), the computed default answer, the
// perception gap and the decision so far; per item, every respondent's answer with comment and evidence
// (named, or numbered when the assessment is anonymised) and every revision of the decision.
import { findLatestPoll } from '../db/repositories/workshop.ts';
import type { ConsensusRow } from '../db/repositories/workshop.ts';
import { locateItem } from '../instrument/loader.ts';
import type { TItem, TPillar } from '../instrument/schema.ts';
import type { TConsolidatedItem } from '../scoring/consolidate.ts';
import { distribution, type TDistribution } from '../scoring/distribution.ts';
import type { TGap } from '../scoring/groups.ts';
import type { TValue } from '../scoring/types.ts';
import { loadAnswerSet, type TAnswerSet, type TEvidenceRow } from './answer-set.ts';
import { loadAssessment, type AssessmentAccess } from './assessment-access.ts';
import type { Actor, Ctx } from './context.ts';
import { AppError } from './errors.ts';
import { pollView, type TPollView } from './polls.ts';

/** One item's workshop summary. */
export interface TWorkshopItem {
  item: TItem;
  pillarId: string;
  c: TConsolidatedItem;
  distribution: TDistribution;
  gap: TGap | undefined;
  current: ConsensusRow | undefined;
  comments: number;
}

/** A pillar's progress. */
export interface TPillarProgress {
  pillar: TPillar;
  items: number;
  agreed: number;
  agreement: number | null;
}

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

function summarise(set: TAnswerSet, item: TItem, pillarId: string): TWorkshopItem {
  const c = set.consolidation.items.find((x) => x.id === item.id) as TConsolidatedItem;
  const sided = set.respondents.flatMap((r) => {
    const a = r.answers.get(item.id);
    return a ? [{ value: a.value, government: r.government }] : [];
  });
  return {
    item,
    pillarId,
    c,
    distribution: distribution(item, sided),
    gap: set.consolidation.gaps.items.find((g) => g.id === item.id),
    current: set.current.get(item.id),
    comments: set.respondents.filter((r) => r.comments.has(item.id)).length,
  };
}

/** One item's summary from a loaded answer set (for the room). */
export function getWorkshopItemSummary(set: TAnswerSet, pillar: TPillar, itemId: string): TWorkshopItem {
  return summarise(set, pillar.items.find((i) => i.id === itemId) as TItem, pillar.id);
}

/** Each pillar's decided and decidable items and mean agreement (workshop navigation, room overview). */
export function pillarProgress(access: AssessmentAccess, set: TAnswerSet): TPillarProgress[] {
  return pillarsOf(access).map((p) => ({ pillar: p, items: decidable(p).length, agreed: decidable(p).filter((i) => set.current.has(i.id)).length, agreement: set.consolidation.agreement.pillars[p.id] ?? null }));
}

function pillarsOf(access: AssessmentAccess): TPillar[] {
  return access.instrument.parts.flatMap((p) => p.pillars);
}

/** Scored items of a pillar (text items carry no decision). */
function decidable(p: TPillar): TItem[] {
  return p.items.filter((i) => i.type !== 'text');
}

/** How many items the landing page lists as most contested. */
const MOST_CONTESTED = 12;

const byAgreement = (a: TWorkshopItem, b: TWorkshopItem) => (a.c.agreement ?? 2) - (b.c.agreement ?? 2) || a.item.id.localeCompare(b.item.id);

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

/** One respondent's answer to an item as the workshop shows it. */
export interface TResponseView {
  /** The person's name and organisation, or null when anonymised. */
  name: string | null;
  organisation: string | null;
  number: number;
  government: boolean;
  value: TValue | null;
  comment: string | null;
  evidence: TEvidenceRow[];
}

/** The workshop page of one item. */
export interface TWorkshopItemPage extends TWorkshopItem {
  access: AssessmentAccess;
  pillar: TPillar;
  responses: TResponseView[];
  /** Every decision on the item, newest first. */
  revisions: ConsensusRow[];
  poll: TPollView | undefined;
  anonymised: boolean;
  /** Neighbouring items in the pillar's workshop order, for moving on. */
  next: string | undefined;
}

/** Everything about one item for the facilitator. */
export async function getWorkshopItem(ctx: Ctx, actor: Actor | undefined, assessmentId: string, itemId: string): Promise<TWorkshopItemPage> {
  const access = await loadAssessment(ctx, actor, assessmentId, 'workshop.run');
  const { pillar, item } = locateItem(access.instrument, itemId) ?? {};
  if (!pillar || !item || item.type === 'text') throw new AppError('not_found', 'error.not_found');
  const set = await loadAnswerSet(ctx, access);
  const anonymised = access.assessment.anonymise === 1;
  const responses = set.respondents
    .filter((r) => r.answers.has(itemId) || r.comments.has(itemId) || r.evidence.has(itemId))
    .map((r) => ({
      name: anonymised ? null : r.name,
      organisation: anonymised ? null : r.organisation,
      number: r.number,
      government: r.government,
      value: r.answers.get(itemId)?.value ?? null,
      comment: r.comments.get(itemId) ?? null,
      evidence: r.evidence.get(itemId) ?? [],
    }))
    .sort((a, b) => a.number - b.number);
  const order = decidable(pillar)
    .map((i) => summarise(set, i, pillar.id))
    .sort(byAgreement)
    .map((s) => s.item.id);
  const latestPoll = await findLatestPoll(ctx.db.kysely, assessmentId, itemId);
  return {
    ...summarise(set, item, pillar.id),
    access,
    pillar,
    responses,
    revisions: set.decisions.filter((d) => d.item_id === itemId).sort((a, b) => b.revision - a.revision),
    poll: latestPoll && latestPoll.status === 'open' ? await pollView(ctx, access.instrument, latestPoll, actor!.id) : undefined,
    anonymised,
    next: order[order.indexOf(itemId) + 1],
  };
}
