// Use case: everything about one item for the facilitator — every respondent's answer with comment and evidence
// (named, or numbered when anonymised), every revision of the decision, and the open poll.
import { findLatestPoll, type ConsensusRow } from '../../db/repositories/workshop.ts';
import { locateItem } from '../../instrument/model.ts';
import type { TPillar } from '../../instrument/schema.ts';
import type { TValue } from '../../scoring/types.ts';
import { loadAnswerSet, type TEvidenceRow } from '../results/load-answer-set.ts';
import { loadAssessment, type AssessmentAccess } from '../kernel/access.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { AppError } from '../kernel/errors.ts';
import { pollView, type TPollView } from './poll-view.ts';
import { roomOpenToAll } from './set-room-voting.ts';
import { type TWorkshopItem, summarise, decidable, byAgreement } from './item-summary.ts';

/** One respondent's answer to an item as the workshop shows it. */
export interface TResponseView {
  /** The person's name and organisation, or null when anonymised. */
  name: string | null;
  organisation: string | null;
  number: number;
  /** Null when the respondent's organisation has no stakeholder group. */
  government: boolean | null;
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
  /** Until when people may vote without an account (by the room code); null when only members vote. */
  openToAllUntil: string | null;
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
    // The latest poll, open or closed: its votes stay beside the decision they were taken to inform.
    poll: latestPoll ? await pollView(ctx, access.instrument, latestPoll, { userId: access.actor.id }) : undefined,
    anonymised,
    openToAllUntil: roomOpenToAll(ctx, access.assessment.room_open_until) ? access.assessment.room_open_until : null,
    next: order[order.indexOf(itemId) + 1],
  };
}
