// Use case: the country report — everything the report shows, with every label already in the report's
// language, which is chosen independently of the reader's interface language (a coordinator reading in
// French prints the Arabic edition). The numbers come from the results, plan and benchmark use cases
// (getResultsPage, getPlanDocument), never recomputed here; this file only selects and labels them, so
// the HTML, PDF, spreadsheet and open-data formats all show the same report.
import { createHash } from 'node:crypto';
import { countryName } from '../../i18n/countries.ts';
import { t, type TLocale } from '../../i18n/index.ts';
import { allItems, allPillars } from '../../instrument/model.ts';
import type { TItem } from '../../instrument/schema.ts';
import { distribution } from '../../scoring/distribution.ts';
import { GAP_ALPHA, MIN_GROUP_SIZE } from '../../scoring/groups.ts';
import type { TBand } from '../../scoring/types.ts';
import { AppError } from '../kernel/errors.ts';
import type { Actor, Ctx } from '../kernel/context.ts';
import { getPlanDocument } from '../plans/get-plan-document.ts';
import { getResultsPage, type TRanked } from '../results/get-results-page.ts';
import { answerLabel, bucketText, text } from './report-labels.ts';

/** A score with its band, as every section shows it. */
export interface TReportScore {
  score: number | null;
  band: TBand | null;
  /** The band's name, or "insufficient data" when the coverage is under the minimum. */
  bandLabel: string;
  coverage: number;
  low: number | null;
  high: number | null;
}

/** An item among the strengths or the gaps, with the instrument's recommended actions. */
export interface TReportRanked {
  itemId: string;
  pillarId: string;
  question: string;
  score: number;
  actions: { text: string; lead: string; horizon: string }[];
}

/** One answer bucket of an item. */
export interface TReportBucket {
  key: string;
  label: string;
  total: number;
  government: number;
  nonGovernment: number;
}

/** One item of the annex. */
export interface TReportItem {
  id: string;
  pillarId: string;
  question: string;
  weight: number;
  score: number | null;
  /** The answer the score rests on, in words; empty when there is none. */
  answer: string;
  /** "agreed in the workshop" or "computed from answers"; empty when unanswered. */
  source: string;
  agreement: number | null;
  answered: number;
  buckets: TReportBucket[];
  /** Respondents' comments on the item, without who wrote them, sorted (their order says nothing about
   * who); empty for readers who may not read every answer. A public report keeps them only when the
   * publication includes comments (domain/publication/redact-report.ts). */
  comments: string[];
}

/** A workshop decision with its rationale and any dissent. */
export interface TReportDecision {
  itemId: string;
  question: string;
  answer: string;
  rationale: string;
  dissent: string | null;
  decidedAt: string;
  revision: number;
}

/** The three-way comparison with what citizens say, per e-participation stage (0–100), from the citizen pulse;
 * absent while no pulse has reached its minimum sample (docs/METHODOLOGY.md, the citizen pulse). */
export interface TReportCitizens {
  respondents: number;
  /** Answers marked synthetic (the demo's): the report says so beside the table. */
  synthetic: number;
  stages: { key: string; label: string; government: number | null; nonGovernment: number | null; citizens: number | null; nCitizens: number }[];
}

/** Everything the country report shows, labelled in one language. */
export interface TReport {
  locale: TLocale;
  /** Changes whenever anything the report shows changes: the key of cached PDFs. */
  fingerprint: string;
  cover: {
    assessmentId: string;
    country: string;
    countryCode: string;
    scope: string | null;
    cycleYear: number;
    instrument: string;
    state: string;
    stateLabel: string;
    provisional: boolean;
    createdAt: string;
    updatedAt: string;
    deadline: string | null;
  };
  summary: TReportScore & {
    sufficient: boolean;
    agreement: number | null;
    evidenceStrength: number | null;
    unsupported: number;
    respondents: number;
    agreedItems: number;
    answeredItems: number;
    targetIndex: number | null;
  };
  parts: (TReportScore & { id: string; title: string })[];
  pillars: (TReportScore & { id: string; title: string; agreement: number | null; evidenceStrength: number | null; unsupported: number })[];
  stages: { key: string; label: string; percent: number | null }[];
  strengths: TReportRanked[];
  gaps: TReportRanked[];
  perceptionGaps: { pillarId: string; title: string; government: number | null; nonGovernment: number | null; gap: number | null; p: number | null; distinguishable: boolean | null; compared: number }[];
  decisions: TReportDecision[];
  plan: {
    version: number;
    state: string;
    adoptedAt: string | null;
    actions: { title: string; lead: string; start: string; end: string; status: string; items: string[]; indicator: string; target: number | null }[];
  } | undefined;
  /** The calibration against the UN E-Participation Index, when the loaded Survey editions cover the country. */
  benchmarks: {
    edition: number;
    epi: number;
    epiRank: number | null;
    epiOf: number;
    epiPercentile: number | null;
    partII: number | null;
    selfPosition: number | null;
    gap: number | null;
    reading: string;
    fictional: boolean;
    editions: { year: number; epi: number; epiPercentile: number | null }[];
  } | undefined;
  /** The figures behind the method annex (its text is in the catalogs). */
  methodology: { minCoverage: number; resamples: number; bootstrapSeed: number; draws: number; weightChange: number; permutations: number; gapMethod: string; minGroupSize: number; alpha: number };
  participants: {
    respondents: number;
    organisations: { name: string; group: string; people: number }[];
    /** People who agreed to be named in the report (memberships.named_in_report); nobody by default. */
    named: { name: string; organisation: string | null }[];
  };
  items: TReportItem[];
  citizens: TReportCitizens | undefined;
}

const r6 = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1e6) / 1e6);

function bandLabel(locale: TLocale, band: TBand | null): string {
  return band ? t(locale, `band.${band}`) : t(locale, 'res.insufficient');
}

function ranked(locale: TLocale, inst: Parameters<typeof text>[0], list: TRanked[]): TReportRanked[] {
  return list.map((r) => ({
    itemId: r.item.id,
    pillarId: r.pillar.id,
    question: text(inst, r.item.question, locale),
    score: r.result.score as number,
    actions: r.item.actions.map((a) => ({ text: text(inst, a.text, locale), lead: t(locale, `lead.${a.lead}`), horizon: t(locale, `horizon.${a.horizon}`) })),
  }));
}

/** Builds the country report of an assessment in a language, for a person who may read its results. */
export async function getReport(ctx: Ctx, actor: Actor | undefined, assessmentId: string, locale: TLocale): Promise<TReport> {
  const page = await getResultsPage(ctx, actor, assessmentId);
  const res = page.results;
  const access = res.access;
  const a = access.assessment;
  const inst = access.instrument;
  const s = res.scores;
  const u = res.uncertainty;
  const pillarTitle = new Map(allPillars(inst).map((p) => [p.id, text(inst, p.title, locale)]));
  const scoreOf = (x: { score: number | null; band: TBand | null; coverage: number }, iv: { low: number | null; high: number | null } | undefined): TReportScore => ({
    score: r6(x.score),
    band: x.band,
    bandLabel: bandLabel(locale, x.band),
    coverage: r6(x.coverage) as number,
    low: r6(iv?.low),
    high: r6(iv?.high),
  });

  // The plan is shown to those who may read plans; results readers without that permission (respondents
  // of a published assessment) get the report without it rather than no report.
  let planDoc: Awaited<ReturnType<typeof getPlanDocument>> | undefined;
  try {
    planDoc = await getPlanDocument(ctx, actor, assessmentId);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
  }
  const orgName = new Map(planDoc?.plan.organisations.map((o) => [o.id, o.name]) ?? []);

  const itemOf = new Map(allItems(inst).map((x) => [x.item.id, x]));
  const consolidated = new Map(res.items.map((i) => [i.id, i]));
  const itemResult = new Map(s.items.map((i) => [i.id, i]));
  const items: TReportItem[] = allItems(inst)
    .filter((x) => x.item.type !== 'text')
    .map(({ item, pillar }) => {
      const c = consolidated.get(item.id);
      const sided = res.set.respondents.flatMap((r) => {
        const ans = r.answers.get(item.id);
        return ans ? [{ value: ans.value, government: r.government }] : [];
      });
      const d = distribution(item, sided);
      const comments = access.may('answers.read_all') ? res.set.respondents.flatMap((r) => r.comments.get(item.id) ?? []).sort() : [];
      return {
        id: item.id,
        pillarId: pillar.id,
        question: text(inst, item.question, locale),
        weight: item.weight,
        score: r6(itemResult.get(item.id)?.score),
        answer: c?.value ? answerLabel(locale, inst, item, c.value) : '',
        source: c?.source ? t(locale, `res.source.${c.source}`) : '',
        agreement: r6(c?.agreement),
        answered: d.answered,
        buckets: d.buckets.map((b) => ({ key: b.key, label: bucketText(locale, inst, item, b.key), total: b.total, government: b.government, nonGovernment: b.nonGovernment })),
        comments,
      };
    });

  const decisions: TReportDecision[] = [...res.set.current.values()]
    .sort((x, y) => x.item_id.localeCompare(y.item_id))
    .flatMap((d) => {
      const found = itemOf.get(d.item_id);
      if (!found) return [];
      return [{
        itemId: d.item_id,
        question: text(inst, found.item.question, locale),
        answer: answerLabel(locale, inst, found.item as TItem, JSON.parse(d.value_json)),
        rationale: d.rationale,
        dissent: d.dissent,
        decidedAt: d.decided_at,
        revision: d.revision,
      }];
    });

  // Organisations with how many of their people answered; names only of those who agreed to be named.
  const byOrg = new Map<string, { name: string; group: string; people: number }>();
  for (const r of res.set.respondents) {
    if (r.answers.size === 0 || !r.organisation) continue;
    const o = byOrg.get(r.organisation) ?? { name: r.organisation, group: r.groupCode ? t(locale, `group.${r.groupCode}`) : t(locale, 'group.none'), people: 0 };
    o.people++;
    byOrg.set(r.organisation, o);
  }
  const named = res.set.respondents.filter((r) => r.answers.size > 0 && r.namedInReport).map((r) => ({ name: r.name, organisation: r.organisation }));

  const cal = res.calibration;
  const report: Omit<TReport, 'fingerprint'> = {
    locale,
    cover: {
      assessmentId: a.id,
      country: countryName(locale, a.country),
      countryCode: a.country,
      scope: a.scope,
      cycleYear: a.cycle_year,
      instrument: `${inst.key.toUpperCase()} ${inst.version}`,
      state: a.state,
      stateLabel: t(locale, `state.${a.state}`),
      provisional: res.provisional,
      createdAt: a.created_at,
      updatedAt: a.updated_at,
      deadline: a.deadline,
    },
    summary: {
      ...scoreOf(s, u.bootstrap.index),
      sufficient: s.sufficient,
      agreement: r6(res.agreement.index),
      evidenceStrength: r6(s.evidenceStrength),
      unsupported: s.unsupported,
      respondents: res.respondents,
      agreedItems: res.items.filter((i) => i.source === 'consensus').length,
      answeredItems: res.items.filter((i) => i.source !== null).length,
      targetIndex: a.target_index,
    },
    parts: s.parts.map((p) => ({ id: p.id, title: text(inst, inst.parts.find((x) => x.id === p.id)?.title, locale), ...scoreOf(p, u.bootstrap.parts[p.id]) })),
    pillars: s.pillars.map((p) => ({
      id: p.id,
      title: pillarTitle.get(p.id) ?? p.id,
      ...scoreOf(p, u.bootstrap.pillars[p.id]),
      agreement: r6(res.agreement.pillars[p.id]),
      evidenceStrength: r6(p.evidenceStrength),
      unsupported: p.unsupported,
    })),
    stages: (['e_information', 'e_consultation', 'e_decision_making'] as const).map((k) => ({ key: k, label: t(locale, `epi_stage.${k}`), percent: r6(s.stages[k]) })),
    strengths: ranked(locale, inst, page.strengths),
    gaps: ranked(locale, inst, page.gaps),
    perceptionGaps: res.gaps.pillars.map((g) => {
      const p = u.gapTest.pillars[g.id];
      return {
        pillarId: g.id,
        title: pillarTitle.get(g.id) ?? g.id,
        government: r6(g.government),
        nonGovernment: r6(g.nonGovernment),
        gap: r6(g.gap),
        p: r6(p),
        distinguishable: p === undefined ? null : p < GAP_ALPHA,
        compared: g.compared,
      };
    }),
    decisions,
    plan: planDoc && {
      version: planDoc.plan.plan.version,
      state: t(locale, `plan.state.${planDoc.plan.plan.status}`),
      adoptedAt: planDoc.plan.plan.adopted_at,
      actions: planDoc.plan.actions.map((x) => ({
        title: x.title,
        lead: x.lead_org ? (orgName.get(x.lead_org) ?? '') : '',
        start: x.start_q,
        end: x.end_q,
        status: t(locale, `plan.status.${x.currentStatus}`),
        items: x.items,
        indicator: x.indicator,
        target: x.target,
      })),
    },
    benchmarks: cal && {
      edition: cal.edition,
      epi: r6(cal.epi) as number,
      epiRank: cal.epiRank,
      epiOf: cal.epiOf,
      epiPercentile: r6(cal.epiPercentile),
      partII: r6(cal.partII),
      selfPosition: r6(cal.selfPosition),
      gap: r6(cal.gap),
      reading: cal.reading ? t(locale, `cal.reading.${cal.reading}`) : '',
      fictional: cal.fictional,
      editions: cal.trend.editions.map((e) => ({ year: e.year, epi: r6(e.epi) as number, epiPercentile: r6(e.epiPercentile) })),
    },
    methodology: {
      minCoverage: s.minCoverage,
      resamples: u.bootstrap.resamples,
      bootstrapSeed: u.bootstrap.seed,
      draws: u.global.draws,
      weightChange: u.global.weightChange,
      permutations: u.gapTest.permutations,
      gapMethod: u.gapTest.method,
      minGroupSize: MIN_GROUP_SIZE,
      alpha: GAP_ALPHA,
    },
    participants: {
      respondents: res.respondents,
      organisations: [...byOrg.values()].sort((x, y) => x.name.localeCompare(y.name)),
      named,
    },
    items,
    citizens: res.pulse?.pulse && res.pulse.enough
      ? {
          respondents: res.pulse.total,
          synthetic: res.pulse.synthetic,
          stages: res.pulse.stages.map((x) => ({ key: x.stage, label: t(locale, `epi_stage.${x.stage}`), government: x.government, nonGovernment: x.nonGovernment, citizens: x.citizens, nCitizens: x.nCitizens })),
        }
      : undefined,
  };
  return { ...report, fingerprint: createHash('sha256').update(JSON.stringify(report)).digest('base64url').slice(0, 22) };
}
