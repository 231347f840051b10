// A server-made chart on a page: the SVG from reports/charts.ts in a figure whose caption links to the table
// that carries the same numbers (every chart has one), and the 0–1 → percent scale the charts draw on.

/** A 0–1 value as a percentage with one decimal, for chart series (null stays a gap in the chart). */
export const hundred = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1000) / 10);

/** The figure with its SVG, captioned with a link to the table of the same data. */
export function Chart(p: { svg: string; table: string; label: string; narrow?: boolean }) {
  return (
    <figure class={p.narrow ? 'chart narrow' : 'chart'}>
      {/* The SVG is produced by reports/charts.ts, which escapes every label, emits no script or style and is
          drawn in the page's direction (callers pass it), so the figure needs no direction of its own. */}
      <div dangerouslySetInnerHTML={{ __html: p.svg }} />
      <figcaption>
        <a href={`#${p.table}`}>{p.label}</a>
      </figcaption>
    </figure>
  );
}
