// Runs the worked examples of docs/METHODOLOGY.md: the page and the engine must agree exactly.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { allItems } from '../instrument/model.ts';
import { defaultAnswer, itemAgreement, itemScore, perceptionGaps, scoreAnswers, sensitivity, type TAnswer, type TAnswers, type TValue } from './index.ts';
import { consolidate } from './consolidate.ts';
import { EXAMPLE } from './test-fixture.ts';
import { draftActions } from './plan-priority.ts';
import { actionEffect, type TCycleItem } from './plan-effects.ts';

const doc = readFileSync(new URL('../../docs/METHODOLOGY.md', import.meta.url), 'utf8');
const blocks = [...doc.matchAll(/```json metep-example\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] as string) as Record<string, any>);
const item = (id: string) => {
  const found = allItems(EXAMPLE).find((x) => x.item.id === id);
  assert.ok(found, id);
  return found.item;
};
const answers = (o: Record<string, TAnswer>): TAnswers => new Map(Object.entries(o));
const near = (actual: number | null | undefined, expected: number | null, label: string) => {
  if (expected === null) return assert.equal(actual, null, label);
  assert.ok(typeof actual === 'number', `${label}: got ${actual}`);
  assert.ok(Math.abs(actual - expected) < 5e-7, `${label}: engine ${actual}, METHODOLOGY.md ${expected}`);
};

test('METHODOLOGY.md has a worked example for every part of the engine', () => {
  assert.deepEqual(new Set(blocks.map((b) => b.example)), new Set(['item_scores', 'scores', 'agreement', 'default_answer', 'perception_gap', 'sensitivity', 'consensus', 'plan_priority', 'plan_effect']));
});

for (const b of blocks) {
  test(`METHODOLOGY.md example: ${b.example}`, () => {
    switch (b.example) {
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
      case 'perception_gap': {
        const g = perceptionGaps(EXAMPLE, (b.government as Record<string, TAnswer>[]).map(answers), (b.nonGovernment as Record<string, TAnswer>[]).map(answers));
        for (const [id, v] of Object.entries(b.expect.items as Record<string, number>)) near(g.items.find((x) => x.id === id)?.gap, v, id);
        for (const [id, v] of Object.entries(b.expect.pillars as Record<string, number>)) near(g.pillars.find((x) => x.id === id)?.gap, v, id);
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
      case 'sensitivity': {
        const r = sensitivity(EXAMPLE, answers(b.answers));
        const byKey = new Map(r.scenarios.map((s) => [s.pillarId ? `${s.id}:${s.pillarId}` : s.id, s]));
        for (const k of ['equal_pillar_weights', 'equal_item_weights', 'pillar_up:P', 'pillar_down:P']) near(byKey.get(k)?.index, b.expect[k], k);
        near(r.maxAbsDelta, b.expect.maxAbsDelta, 'maxAbsDelta');
        assert.equal(r.scenarios.some((s) => s.orderChanged), b.expect.orderChanged);
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
