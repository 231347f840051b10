// Everything the workshop, the room and the results read about one assessment's answers, loaded in one
// place: respondents with their side, answers, comments and evidence, the consensus decisions, and the
// consolidation of all of it. Respondents get a stable anonymous number (by their random id, so it
// reveals nothing) for assessments that show no names.
import { listAllAnswers, listEvidenceOf } from '../../db/repositories/answers.ts';
import { listMembers } from '../../db/repositories/assessments.ts';
import { currentConsensus, listConsensus, type ConsensusRow } from '../../db/repositories/workshop.ts';
import { consolidate, type TConsolidation } from '../../scoring/consolidate.ts';
import type { TAnswer, TValue } from '../../scoring/types.ts';
import type { AssessmentAccess } from '../kernel/access.ts';
import type { Ctx } from '../kernel/context.ts';
import { sideOf } from '../kernel/groups.ts';
import { decisionOf } from '../workshop/record-consensus.ts';

/** One piece of evidence as the workshop sees it. */
export type TEvidenceRow = Awaited<ReturnType<typeof listEvidenceOf>>[number];

/** A respondent with everything they said. */
export interface TRespondentRecord {
  userId: string;
  /** 1-based anonymous number. */
  number: number;
  name: string;
  organisation: string | null;
  groupCode: string | null;
  /** The side of the perception gap; null when the organisation has no stakeholder group (on neither side). */
  government: boolean | null;
  /** Whether the questionnaire was submitted (unsubmitted answers count too: docs/METHODOLOGY.md §12). */
  submitted: boolean;
  /** Agreed to be named in the country report (nobody is by default). */
  namedInReport: boolean;
  answers: Map<string, TAnswer>;
  comments: Map<string, string>;
  evidence: Map<string, TEvidenceRow[]>;
}

/** The loaded answers, decisions and their consolidation. */
export interface TAnswerSet {
  respondents: TRespondentRecord[];
  /** Every consensus revision, oldest first. */
  decisions: ConsensusRow[];
  /** The current decision per item. */
  current: Map<string, ConsensusRow>;
  consolidation: TConsolidation;
}

/** Loads and consolidates an assessment's answers (the caller has authorised the actor). */
export async function loadAnswerSet(ctx: Ctx, access: AssessmentAccess): Promise<TAnswerSet> {
  const id = access.assessment.id;
  const [rows, evidence, members, decisions] = await Promise.all([listAllAnswers(ctx.db.kysely, id), listEvidenceOf(ctx.db.kysely, id), listMembers(ctx.db.kysely, id), listConsensus(ctx.db.kysely, id)]);
  const byUser = new Map<string, TRespondentRecord>();
  const sorted = members.filter((m) => m.role === 'respondent').sort((a, b) => a.userId.localeCompare(b.userId));
  sorted.forEach((m, i) =>
    byUser.set(m.userId, { userId: m.userId, number: i + 1, name: m.name, organisation: m.organisation, groupCode: m.groupCode, government: sideOf(m.groupCode), submitted: m.responseStatus === 'submitted', namedInReport: Number(m.namedInReport) === 1, answers: new Map(), comments: new Map(), evidence: new Map() }),
  );
  for (const e of evidence) {
    const r = byUser.get(e.user_id);
    if (!r) continue;
    const list = r.evidence.get(e.item_id) ?? [];
    list.push(e);
    r.evidence.set(e.item_id, list);
  }
  for (const row of rows) {
    const r = byUser.get(row.user_id);
    if (!r) continue;
    if (row.comment) r.comments.set(row.item_id, row.comment);
    const value = JSON.parse(row.value_json) as TValue | null;
    if (value) r.answers.set(row.item_id, { value, evidence: r.evidence.get(row.item_id)?.length ?? 0 });
  }
  const respondents = [...byUser.values()].filter((r) => r.answers.size > 0 || r.comments.size > 0);
  const current = currentConsensus(decisions);
  const agreed = new Map([...current].map(([item, d]) => [item, decisionOf(d).value]));
  return {
    respondents,
    decisions,
    current,
    consolidation: consolidate(
      access.instrument,
      respondents.filter((r) => r.answers.size > 0),
      agreed,
    ),
  };
}
