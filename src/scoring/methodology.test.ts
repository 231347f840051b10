// Runs the worked examples of docs/METHODOLOGY.md: the page and the engine must agree exactly.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { allItems } from '../instrument/model.ts';
import { alphaReading } from './agreement.ts';
import { defaultAnswer, gapTest, itemAgreement, itemScore, perceptionGaps, scoreAnswers, sensitivity, type TAnswer, type TAnswers, type TValue } from './index.ts';
import { consolidate } from './consolidate.ts';
import { CONSENSUAL_AGREEMENT, consensualDefaults } from './consensual.ts';
import { ruleScores, RULES, uncertainty } from './uncertainty.ts';
import { EXAMPLE } from './test-fixture.ts';
import { calibrationGap, percentileAmong, rankAmong } from './calibration.ts';
import { draftActions } from './plan-priority.ts';
import { actionEffect, type TCycleItem } from './plan-effects.ts';
import { checklistPoll } from './poll.ts';
import type { TItem } from '../instrument/schema.ts';

const doc = readFileSync(new URL('../../docs/METHODOLOGY.md', import.meta.url), 'utf8');
const blocks = [...doc.matchAll(/```json metep-example\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] as string) as Record<string, any>);
const item = (id: string) => {
  const found = allItems(EXAMPLE).find((x) => x.item.id === id);
  assert.ok(found, id);
  return found.item;
};
const answers = (o: Record<string, TAnswer>): TAnswers => new Map(Object.entries(o));
/** Respondents given as bare values (no evidence), all government. */
const bare = (list: Record<string, TValue>[]) => list.map((o) => ({ government: true, answers: new Map(Object.entries(o).map(([k, value]) => [k, { value, evidence: 0 }])) }));
const near = (actual: number | null | undefined, expected: number | null, label: string) => {
  if (expected === null) return assert.equal(actual, null, label);
  assert.ok(typeof actual === 'number', `${label}: got ${actual}`);
  assert.ok(Math.abs(actual - expected) < 5e-7, `${label}: engine ${actual}, METHODOLOGY.md ${expected}`);
};

test('METHODOLOGY.md has a worked example for every part of the engine', () => {
  assert.deepEqual(new Set(blocks.map((b) => b.example)), new Set(['item_scores', 'scores', 'coverage', 'agreement', 'krippendorff', 'default_answer', 'perception_gap', 'sensitivity', 'rules', 'consensus', 'silent_rules', 'bootstrap', 'calibration', 'plan_priority', 'plan_effect', 'checklist_poll', 'consensual']));
});

for (const b of blocks) {
  test(`METHODOLOGY.md example: ${b.example}`, () => {
    switch (b.example) {
      case 'checklist_poll': {
        const r = checklistPoll(item(b.item) as Extract<TItem, { type: 'checklist' }>, b.ballots as string[][]);
        for (const [id, share] of Object.entries(b.expect.shares as Record<string, number>)) near(r.shares.find((x) => x.id === id)?.share, share, `share of ${id}`);
        assert.deepEqual(r.inPlace, b.expect.inPlace);
        near(r.score, b.expect.score, 'resulting score');
        break;
      }
      case 'item_scores':
        for (const [id, exp] of Object.entries(b.expect as Record<string, number | null>)) near(itemScore(item(id), b.answers[id].value), exp, id);
        break;
      case 'scores': {
        const s = scoreAnswers(EXAMPLE, answers(b.answers));
        near(s.score, b.expect.index, 'index');
        assert.equal(s.band, b.expect.band);
        near(s.coverage, b.expect.coverage, 'coverage');
        near(s.evidenceStrength, b.expect.evidenceStrength, 'evidence strength');
        assert.equal(s.unsupported, b.expect.unsupported);
        for (const [id, e] of Object.entries(b.expect.pillars as Record<string, Record<string, number>>)) {
          const p = s.pillars.find((x) => x.id === id);
          for (const [k, v] of Object.entries(e)) near((p as unknown as Record<string, number>)[k], v, `${id}.${k}`);
        }
        for (const [k, v] of Object.entries(b.expect.stages as Record<string, number>)) near(s.stages[k as 'e_consultation'], v, k);
        break;
      }
      case 'agreement':
        for (const c of b.cases) near(itemAgreement(item(c.item), c.values as TValue[]), c.expect, `${c.item} ${JSON.stringify(c.values)}`);
        break;
      case 'default_answer':
        for (const c of b.cases) assert.deepEqual(defaultAnswer(item(c.item), c.values as TValue[]), c.expect);
        break;
      case 'coverage':
        for (const c of b.cases) {
          const s = scoreAnswers(EXAMPLE, answers(c.answers));
          near(s.score, c.expect.index, 'index');
          near(s.coverage, c.expect.coverage, 'coverage');
          assert.equal(s.band, c.expect.band, 'band');
          assert.equal(s.sufficient, c.expect.sufficient, 'sufficient');
          assert.equal(s.partial, c.expect.partial, 'partial');
          assert.equal(s.pillarsScored, c.expect.pillarsScored, 'pillars scored');
          for (const [id, e] of Object.entries(c.expect.pillars as Record<string, Record<string, unknown>>)) {
            const p = s.pillars.find((x) => x.id === id);
            near(p?.score, e.score as number | null, `${id} score`);
            near(p?.coverage, e.coverage as number, `${id} coverage`);
            assert.equal(p?.band, e.band, `${id} band`);
            assert.equal(p?.sufficient, e.sufficient, `${id} sufficient`);
          }
        }
        break;
      case 'krippendorff': {
        const r = consolidate(EXAMPLE, bare(b.respondents));
        for (const [id, v] of Object.entries(b.expect.alpha as Record<string, number | null>)) near(r.agreement.alpha[id], v, `α ${id}`);
        for (const [id, v] of Object.entries(b.expect.reading as Record<string, string>)) assert.equal(alphaReading(r.agreement.alpha[id] ?? null), v);
        break;
      }
      case 'perception_gap': {
        const gov = (b.government as Record<string, TAnswer>[]).map(answers);
        const non = (b.nonGovernment as Record<string, TAnswer>[]).map(answers);
        const g = perceptionGaps(EXAMPLE, gov, non);
        for (const [id, v] of Object.entries(b.expect.items as Record<string, number | null>)) near(g.items.find((x) => x.id === id)?.gap, v, id);
        for (const [id, e] of Object.entries(b.expect.pillars as Record<string, Record<string, number>>)) {
          const p = g.pillars.find((x) => x.id === id);
          for (const [k, v] of Object.entries(e)) near((p as unknown as Record<string, number>)[k], v, `${id}.${k}`);
        }
        const t = gapTest(EXAMPLE, gov, non);
        assert.equal(t.method, b.expect.test.method);
        assert.equal(t.permutations, b.expect.test.permutations);
        for (const [id, v] of Object.entries(b.expect.test.items as Record<string, number>)) near(t.items[id], v, `p ${id}`);
        for (const [id, v] of Object.entries(b.expect.test.pillars as Record<string, number>)) near(t.pillars[id], v, `p ${id}`);
        break;
      }
      case 'rules':
        for (const rule of RULES) {
          const got = ruleScores(EXAMPLE, bare(b.respondents), new Map(), rule);
          for (const [id, v] of Object.entries(b.expect[rule] as Record<string, number>)) near(got.get(id), v, `${rule} ${id}`);
        }
        break;
      case 'silent_rules': {
        const r = consolidate(
          EXAMPLE,
          (b.respondents as { government: boolean | null; submitted?: boolean; answers: Record<string, TAnswer> }[]).map((x) => ({ government: x.government, submitted: x.submitted, answers: answers(x.answers) })),
        );
        for (const [id, e] of Object.entries(b.expect.items as Record<string, { default: TValue | null; n: number; withEvidence: number }>)) {
          const it = r.items.find((x) => x.id === id);
          assert.deepEqual(it?.defaultAnswer, e.default, `${id} default`);
          assert.equal(it?.n, e.n, `${id} n`);
          assert.equal(it?.withEvidence, e.withEvidence, `${id} with evidence`);
        }
        for (const [id, e] of Object.entries(b.expect.pillars as Record<string, { score: number | null; coverage: number; band: string | null }>)) {
          const p = r.scores.pillars.find((x) => x.id === id);
          near(p?.score, e.score, `${id} score`);
          near(p?.coverage, e.coverage, `${id} coverage`);
          assert.equal(p?.band, e.band, `${id} band`);
        }
        assert.deepEqual(r.basis, b.expect.basis);
        break;
      }
      case 'bootstrap': {
        const rs = bare(b.respondents);
        const c = consolidate(EXAMPLE, rs);
        near(c.scores.score, b.expect.index.score, 'index');
        assert.equal(c.scores.band, b.expect.index.band);
        const u = uncertainty(EXAMPLE, rs, new Map(), c.scores, { resampleSets: b.resamples, draws: 10 });
        assert.equal(u.bootstrap.resamples, (b.resamples as number[][]).length);
        for (const k of ['low', 'high', 'bandProbability'] as const) near(u.bootstrap.index[k], b.expect.index[k], `index ${k}`);
        for (const [id, e] of Object.entries(b.expect.pillars as Record<string, Record<'low' | 'high' | 'bandProbability', number>>)) {
          for (const k of ['low', 'high', 'bandProbability'] as const) near(u.bootstrap.pillars[id]?.[k], e[k], `${id} ${k}`);
        }
        break;
      }
      case 'consensus': {
        const r = consolidate(
          EXAMPLE,
          (b.respondents as { government: boolean; answers: Record<string, TAnswer> }[]).map((x) => ({ government: x.government, answers: answers(x.answers) })),
          new Map(Object.entries(b.agreed as Record<string, TValue>)),
        );
        near(r.scores.score, b.expect.index, 'index');
        near(r.agreement.index, b.expect.agreement, 'index agreement');
        for (const [id, e] of Object.entries(b.expect.items as Record<string, { source: string; default: number; agreement: number }>)) {
          const it = r.items.find((x) => x.id === id);
          assert.equal(it?.source, e.source, `${id} source`);
          assert.deepEqual(it?.defaultAnswer, { kind: 'level', level: e.default }, `${id} default`);
          near(it?.agreement, e.agreement, `${id} agreement`);
        }
        break;
      }
      case 'consensual': {
        const decided = new Map(Object.entries(b.decided as Record<string, TValue>));
        const r = consolidate(EXAMPLE, (b.respondents as Record<string, TValue>[]).map((x) => ({ government: null, answers: new Map(Object.entries(x).map(([id, value]) => [id, { value, evidence: 0 }])) })), decided);
        assert.equal(CONSENSUAL_AGREEMENT, b.expect.threshold);
        const accepted = consensualDefaults(r.items, new Set(decided.keys()));
        assert.deepEqual(accepted.map((x) => x.id).sort(), Object.keys(b.expect.accepted).sort());
        for (const x of accepted) {
          near(x.agreement, b.expect.accepted[x.id].agreement, `${x.id} agreement`);
          assert.deepEqual(x.defaultAnswer, b.expect.accepted[x.id].default, `${x.id} default`);
        }
        for (const [id, agreement] of Object.entries(b.expect.notAccepted as Record<string, number>)) near(r.items.find((x) => x.id === id)?.agreement, agreement, `${id} agreement`);
        break;
      }
      case 'sensitivity': {
        const r = sensitivity(EXAMPLE, answers(b.answers));
        const byKey = new Map(r.scenarios.map((s) => [s.pillarId ? `${s.id}:${s.pillarId}` : s.id, s]));
        for (const k of ['equal_pillar_weights', 'equal_item_weights', 'pillar_up:P', 'pillar_down:P']) near(byKey.get(k)?.index, b.expect[k], k);
        near(r.maxAbsDelta, b.expect.maxAbsDelta, 'maxAbsDelta');
        assert.equal(r.scenarios.some((s) => s.orderChanged), b.expect.orderChanged);
        break;
      }
      case 'calibration': {
        const epiPercentile = percentileAmong(b.epi.country, b.epi.others);
        near(epiPercentile, b.expect.epiPercentile, 'EPI percentile');
        assert.equal(rankAmong(b.epi.country, b.epi.others), b.expect.epiRank);
        for (const c of b.cases) {
          const g = calibrationGap({ partII: b.partII, peerScores: c.published, epiPercentile });
          assert.equal(g.method, c.expect.method);
          near(g.selfPosition, c.expect.selfPosition, 'self-assessed position');
          near(g.gap, c.expect.gap, 'gap');
          assert.equal(g.reading, c.expect.reading);
        }
        break;
      }
      case 'plan_priority': {
        const d = draftActions(EXAMPLE, b.items, b.target);
        assert.deepEqual(d.items.map((i) => i.id).sort(), Object.keys(b.expect.items).sort(), 'candidates');
        for (const [id, e] of Object.entries(b.expect.items as Record<string, Record<string, number>>)) {
          const it = d.items.find((x) => x.id === id) as unknown as Record<string, number>;
          for (const [k, v] of Object.entries(e)) near(it[k], v, `${id}.${k}`);
        }
        assert.deepEqual(d.actions.map((a) => [a.key, a.items]), (b.expect.actions as { key: string; items: string[] }[]).map((a) => [a.key, a.items]), 'actions in order');
        (b.expect.actions as { priority: number }[]).forEach((a, i) => near(d.actions[i]?.priority, a.priority, `action ${i} priority`));
        break;
      }
      case 'plan_effect': {
        const cycle = (o: Record<string, TCycleItem>) => new Map(Object.entries(o));
        const e = actionEffect(b.items, cycle(b.earlier), cycle(b.later), b.crosswalk);
        near(e.before, b.expect.before, 'before');
        near(e.after, b.expect.after, 'after');
        near(e.change, b.expect.change, 'change');
        break;
      }
      default:
        assert.fail(`unknown example ${b.example}`);
    }
  });
}
