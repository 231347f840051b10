// Consolidate and score one assessment: 300 respondents × the instrument's items (76, 74 scored), pure
// engine, median of 20 runs after warm-up. Usage: npx tsx bench/consolidate.ts [respondents]
import { bundledInstrument } from '../src/instrument/loader.ts';
import { allItems } from '../src/instrument/model.ts';
import { consolidate, type TRespondent } from '../src/scoring/consolidate.ts';
import type { TAnswer, TValue } from '../src/scoring/types.ts';

const N = Number(process.argv[2] ?? 300);
const inst = bundledInstrument();
const items = allItems(inst).map(({ item }) => item);
let seed = 7;
const r = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const respondents: TRespondent[] = Array.from({ length: N }, (_, k) => ({
  government: k % 2 === 0,
  answers: new Map<string, TAnswer>(
    items.map((it) => {
      const lv = Math.floor(r() * 5);
      const v: TValue =
        r() < 0.05 ? { kind: 'excluded', reason: 'dont_know' }
        : it.type === 'status' ? { kind: 'status', status: (['no', 'partly', 'yes'] as const)[lv % 3] as 'yes' }
        : it.type === 'level' ? { kind: 'level', level: lv }
        : it.type === 'checklist' ? { kind: 'checklist', checked: it.options.filter(() => r() < 0.5).map((o) => o.id) }
        : it.type === 'number' ? { kind: 'number', number: lv * 7 }
        : { kind: 'text', text: 'x' };
      return [it.id, { value: v, evidence: r() < 0.3 ? 1 : 0 }];
    }),
  ),
}));
for (let i = 0; i < 5; i++) consolidate(inst, respondents);
const times: number[] = [];
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  consolidate(inst, respondents);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`consolidate + score, ${N} respondents × ${items.length} items: median ${times[10]!.toFixed(1)} ms, max ${times[19]!.toFixed(1)} ms (budget 50 ms)`);
