// The uncertainty analysis of one assessment: 300 respondents × the instrument's items, pure engine —
// consolidation plus bootstrap (1,000 resamples), global sensitivity (1,000 draws) and the permutation
// test of the perception gaps (999 permutations); median of 10 runs after warm-up.
// Usage: npx tsx bench/uncertainty.ts [respondents]
import { bundledInstrument } from '../src/instrument/loader.ts';
import { allItems } from '../src/instrument/model.ts';
import { consolidate, type TRespondent } from '../src/scoring/consolidate.ts';
import type { TAnswer, TValue } from '../src/scoring/types.ts';
import { uncertainty } from '../src/scoring/uncertainty.ts';

const N = Number(process.argv[2] ?? 300);
const inst = bundledInstrument();
const items = allItems(inst).map(({ item }) => item);
let seed = 7;
const r = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const respondents: TRespondent[] = Array.from({ length: N }, (_, k) => ({
  // One in twenty without a stakeholder group, as in a real list of invitees.
  government: k % 20 === 19 ? null : k % 2 === 0,
  answers: new Map<string, TAnswer>(
    items.map((it) => {
      const lv = Math.floor(r() * 5);
      const v: TValue =
        r() < 0.05 ? { kind: 'excluded', reason: r() < 0.5 ? 'dont_know' : 'not_applicable' }
        : it.type === 'status' ? { kind: 'status', status: (['no', 'partly', 'yes'] as const)[lv % 3] as 'yes' }
        : it.type === 'level' ? { kind: 'level', level: lv }
        : it.type === 'checklist' ? { kind: 'checklist', checked: it.options.filter(() => r() < 0.5).map((o) => o.id) }
        : it.type === 'number' ? { kind: 'number', number: lv * 7 }
        : { kind: 'text', text: 'x' };
      return [it.id, { value: v, evidence: r() < 0.3 ? 1 : 0 }];
    }),
  ),
}));
const run = () => {
  const c = consolidate(inst, respondents);
  return uncertainty(inst, respondents, new Map(), c.scores);
};
for (let i = 0; i < 3; i++) run();
// Wall time is what a person waits; CPU time of this process shows how much of it other load on the
// shared machine added.
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < 10; i++) {
  const c = process.cpuUsage();
  const t = performance.now();
  run();
  wall.push(performance.now() - t);
  const d = process.cpuUsage(c);
  cpu.push((d.user + d.system) / 1000);
}
wall.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
console.log(`consolidate + uncertainty, ${N} respondents × ${items.length} items: median ${wall[5]!.toFixed(1)} ms, max ${wall[9]!.toFixed(1)} ms (CPU median ${cpu[5]!.toFixed(1)} ms) (budget 500 ms)`);
