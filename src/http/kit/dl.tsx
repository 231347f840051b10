// A definition list of label–value pairs (dl.pairs): the summary facts at the top of many pages.
import type { Child } from 'hono/jsx';

/** One label with its value. */
export type TPair = readonly [label: Child, value: Child];

/** Label–value pairs (a falsy entry, from `cond && [label, value]`, is left out) as a two-column definition list that wraps long values instead of widening the page. */
export function Pairs(p: { pairs: readonly (TPair | false | '' | null | undefined)[] }) {
  const pairs = p.pairs.filter((x): x is TPair => Boolean(x));
  return (
    <dl class="pairs">
      {pairs.map(([label, value]) => (
        <>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}
