// The one place that decides what of a country report is public. Every public output — page, PDF, XLSX,
// JSON, the open-data files — is made from what this returns, never from the full report, so "what is not
// public never reaches a public page, file or API response" is a property of one pure function (tested in
// test/publication.test.ts). The report model holds no e-mail addresses and no user ids; the only names of
// people in it are those in the participants annex, who agreed to be named.
import { createHash } from 'node:crypto';
import type { TReport } from '../reports/get-report.ts';
import { includes, type TPublicationLevel } from './publication-levels.ts';

/**
 * The public edition of a report at a publication level: answer distributions only from `distributions`,
 * comments (respondents' comments, the workshop's rationale and dissent) only at `comments`. Its
 * fingerprint is its own, so a cached PDF of the full report is never served as the public one.
 */
export function redactReport(r: TReport, level: TPublicationLevel): TReport {
  const distributions = includes(level, 'distributions');
  const comments = includes(level, 'comments');
  // Built field by field (a whitelist): a field added to the report later is not public until added here.
  const out: Omit<TReport, 'fingerprint'> = {
    locale: r.locale,
    cover: { ...r.cover },
    summary: { ...r.summary },
    parts: r.parts.map((p) => ({ ...p })),
    pillars: r.pillars.map((p) => ({ ...p })),
    stages: r.stages.map((s) => ({ ...s })),
    strengths: r.strengths.map((x) => ({ ...x, actions: x.actions.map((a) => ({ ...a })) })),
    gaps: r.gaps.map((x) => ({ ...x, actions: x.actions.map((a) => ({ ...a })) })),
    perceptionGaps: r.perceptionGaps.map((g) => ({ ...g })),
    decisions: r.decisions.map((d) => ({
      itemId: d.itemId,
      question: d.question,
      answer: d.answer,
      rationale: comments ? d.rationale : '',
      dissent: comments ? d.dissent : null,
      decidedAt: d.decidedAt,
      revision: d.revision,
    })),
    // An adopted plan is the country's commitment; a draft is a working document and stays inside.
    plan: r.plan?.adoptedAt ? { ...r.plan, actions: r.plan.actions.map((a) => ({ ...a, items: [...a.items] })) } : undefined,
    benchmarks: r.benchmarks && { ...r.benchmarks, editions: r.benchmarks.editions.map((e) => ({ ...e })) },
    methodology: { ...r.methodology },
    participants: {
      respondents: r.participants.respondents,
      organisations: r.participants.organisations.map((o) => ({ ...o })),
      named: r.participants.named.map((n) => ({ name: n.name, organisation: n.organisation })),
    },
    items: r.items.map((i) => ({
      id: i.id,
      pillarId: i.pillarId,
      question: i.question,
      weight: i.weight,
      score: i.score,
      answer: i.answer,
      source: i.source,
      agreement: i.agreement,
      answered: i.answered,
      buckets: distributions ? i.buckets.map((b) => ({ ...b })) : [],
      comments: comments ? [...i.comments] : [],
    })),
    citizens: r.citizens && { ...r.citizens, stages: r.citizens.stages.map((s) => ({ ...s })) },
  };
  return { ...out, fingerprint: createHash('sha256').update(`public:${level}:`).update(JSON.stringify(out)).digest('base64url').slice(0, 22) };
}
