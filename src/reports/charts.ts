// The one chart module (results, country profile, plan timeline, country report): SVG strings drawn from
// d3-scale (positions) and d3-shape (lines, radar polygons, marker symbols), inlined into pages served
// with `style-src 'self'` and no inline script. Chosen over echarts 6 SSR by measurement (bench/charts.ts;
// figures and decision in bench/README.md, "Charts"): 1.3 MB installed instead of 68.5 MB (echarts +
// zrender), 0.1–0.2 s instead of 0.4–0.5 s to import at start-up, 0.3–0.7 ms of CPU per radar or bar chart
// instead of 10–12 ms, and a third less SVG on the results page (two thirds on the country profile); and
// echarts' output had to be rewritten by regular expressions to pass the CSP. Here, by construction:
// - CSP-clean: presentation attributes only (fill="…"), never a style attribute, <style>, script, event
//   handler, class hook or external reference; every text is XML-escaped here.
// - deterministic: pure functions of their input, coordinates rounded to 0.1 px, no counters or ids beyond
//   the caller's title id, so the same input gives the same bytes.
// - direction-aware: `dir: 'rtl'` mirrors every horizontal position (category and value axes, time, legends,
//   label columns) and sets `direction="rtl"` on the root, so text anchors keep their logical meaning
//   (start = where the reader begins); numbers are isolated left-to-right, and labels of the other
//   direction are isolated as a whole (FSI … PDI) so their words are not reordered.
// - accessible: role="img" named by its <title>; colours ≥ 3:1 on white; series differ by dash or marker
//   shape as well as colour; the page shows a table of the same numbers beside every chart.
import { scaleBand, scaleLinear } from 'd3-scale';
import { curveLinearClosed, line, lineRadial, symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle } from 'd3-shape';

/** A named row of scores, 0–100 unless the chart is told another `max`; null = no score. */
export interface TSeries { name: string; values: (number | null)[] }
/** Accessible name of a chart: `id` of the inserted `<title>`, `title` its (already translated) text. */
export interface TChartText { id: string; title: string }
/** The page's direction: in 'rtl' every chart is mirrored. */
export type TChartDir = 'ltr' | 'rtl';

// Every colour that carries meaning has ≥ 3:1 contrast against white (WCAG 2.1 AA, 1.4.11 non-text):
// #1f5fa8 6.5:1, #b3541e 4.9:1, #2e7d32 5.1:1, #6a3d9a 8.3:1. Text #333 is 12.6:1, axis lines #767676 4.5:1.
// Grid lines are deliberately light: they are reading aids, the values are in the table beside the chart.
const PALETTE = ['#1f5fa8', '#b3541e', '#2e7d32', '#6a3d9a'];
const TEXT = '#333';
const GRID = '#d9d9d9';
const AXIS = '#767676';
const FONT = 'Noto Sans, Noto Sans Arabic, Noto Sans CJK SC, sans-serif';
// Dash patterns tell series apart without colour (WCAG 1.4.1), as do the marker shapes of the time chart.
const DASH = ['', '8 4', '2 3', '8 3 2 3'];
const SYMBOLS = [symbolCircle, symbolSquare, symbolDiamond, symbolTriangle];

const at = <T>(list: T[], i: number): T => list[i % list.length] as T;
const r1 = (n: number) => String(Math.round(n * 10) / 10);

// XML-escapes text for element content and double-quoted attribute values.
function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const LTR_CHAR = /[A-Za-z\u00c0-\u02af\u0370-\u052f\u1e00-\u1fff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uffef]/;

/** How a chart lays out horizontally: its width and direction, and the mirror of a left-to-right x. */
interface TFrame { width: number; dir: TChartDir; x: (logical: number) => number }
const frame = (width: number, dir: TChartDir = 'ltr'): TFrame => ({ width, dir, x: dir === 'rtl' ? (v) => width - v : (v) => v });

// A label of either direction in a chart of the other one is isolated as a whole (FSI … PDI): "METEP 2026"
// in an Arabic chart, or an Arabic name in an English one, keeps the order of its own words.
function label(f: TFrame, s: string): string {
  const foreign = f.dir === 'rtl' ? LTR_CHAR : RTL_CHAR;
  return escapeXml(foreign.test(s) ? `\u2068${s}\u2069` : s);
}
// Numbers read left to right in either direction (a minus sign or percent stays on its side).
const numeral = (f: TFrame, s: string) => escapeXml(f.dir === 'rtl' ? `\u2066${s}\u2069` : s);

function text(f: TFrame, x: number, y: number, content: string, anchor?: 'start' | 'middle' | 'end', extra = ''): string {
  return `<text x="${r1(f.x(x))}" y="${r1(y)}"${anchor && anchor !== 'start' ? ` text-anchor="${anchor}"` : ''}${extra}>${content}</text>`;
}
const hline = (f: TFrame, x1: number, x2: number, y: number, stroke: string) => `<line x1="${r1(f.x(x1))}" y1="${r1(y)}" x2="${r1(f.x(x2))}" y2="${r1(y)}" stroke="${stroke}"/>`;
const vline = (f: TFrame, x: number, y1: number, y2: number, stroke: string, extra = '') => `<line x1="${r1(f.x(x))}" y1="${r1(y1)}" x2="${r1(f.x(x))}" y2="${r1(y2)}" stroke="${stroke}"${extra}/>`;
// A rectangle given in left-to-right terms (x = its start edge), mirrored whole in rtl.
const rect = (f: TFrame, x: number, y: number, w: number, h: number, attrs: string) =>
  `<rect x="${r1(f.dir === 'rtl' ? f.width - x - w : x)}" y="${r1(y)}" width="${r1(w)}" height="${r1(h)}" ${attrs}/>`;

function svgRoot(f: TFrame, t: TChartText, height: number, fontSize: number, body: string): string {
  const id = escapeXml(t.id);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${f.width}" height="${Math.ceil(height)}" viewBox="0 0 ${f.width} ${Math.ceil(height)}" role="img" aria-labelledby="${id}" focusable="false" direction="${f.dir}" font-family="${FONT}" font-size="${fontSize}" fill="${TEXT}">`
    + `<title id="${id}">${escapeXml(t.title)}</title>${body}</svg>`;
}

// Greedy line wrapping at spaces, after hyphens and between CJK characters, by an estimated width: on the
// server there is no font to measure. The estimate (1 em for CJK and full-width characters, 0.62 em for
// anything else) errs wide for Noto Sans, so wrapped names stay inside the room they were given.
const WIDE = '\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6';
// A word keeps a prefix of one or two letters and its hyphen ("e-Consultation"): "e-" alone at a line's
// end reads as a fragment. Longer hyphenated words may break after the hyphen.
const WRAP_TOKEN = new RegExp(`[${WIDE}]|(?:[^\\s${WIDE}-]{1,2}-+)?[^\\s${WIDE}-]+-*|-+|\\s+`, 'gu');
const WIDE_CHAR = new RegExp(`[${WIDE}]`, 'u');
const widthOf = (s: string, size = 12) => [...s].reduce((w, ch) => w + (WIDE_CHAR.test(ch) ? size : size * 0.62), 0);

function wrapText(s: string, maxPx: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const token of s.match(WRAP_TOKEN) ?? []) {
    if (/^\s+$/.test(token)) { if (cur) cur += ' '; continue; }
    if (cur.trim() && widthOf(cur + token) > maxPx) { lines.push(cur.trimEnd()); cur = token; }
    else cur += token;
  }
  if (cur.trim()) lines.push(cur.trimEnd());
  return lines;
}

/** A legend entry: its name and how to draw its key centred at (x, y) in left-to-right terms. */
interface TLegendEntry { name: string; key: (f: TFrame, x: number, y: number) => string }

// Legend rows from the start side, wrapped to the width; returns the drawing and its height.
function legend(f: TFrame, entries: TLegendEntry[], top: number): { svg: string; height: number } {
  let x = 8;
  let y = top + 10;
  let svg = '';
  for (const e of entries) {
    const w = 22 + widthOf(e.name);
    if (x > 8 && x + w > f.width - 8) { x = 8; y += 18; }
    svg += e.key(f, x + 7, y) + text(f, x + 18, y + 4, label(f, e.name));
    x += w + 14;
  }
  return { svg, height: entries.length ? y - top + 12 : 0 };
}
const legendRows = (f: TFrame, names: string[]) => legend(f, names.map((name) => ({ name, key: () => '' })), 0).height;
const swatch = (i: number): TLegendEntry['key'] => (f, x, y) => rect(f, x - 7, y - 5, 14, 10, `fill="${at(PALETTE, i)}"`);
const dashKey = (i: number): TLegendEntry['key'] => (f, x, y) => `<path d="M${r1(f.x(x - 8))} ${y}H${r1(f.x(x + 8))}" stroke="${at(PALETTE, i)}" stroke-width="3"${at(DASH, i) ? ` stroke-dasharray="${at(DASH, i)}"` : ''}/>`;

/**
 * Radar of pillar scores (0–100), one polygon per series (e.g. this cycle, previous cycle; or government vs
 * non-government). `noScore` is written under the name of an axis that no series scores.
 */
export function radarSvg(t: TChartText, axes: string[], series: TSeries[], opts?: { width?: number; height?: number; dir?: TChartDir; noScore?: string }): string {
  const f = frame(opts?.width ?? 480, opts?.dir);
  const height = opts?.height ?? 400;
  const names = series.length > 1 ? series.map((s) => s.name) : [];
  const legendH = legendRows(f, names);
  const cx = f.width / 2;
  const cy = Math.round((height - legendH) / 2);
  // Axes named by a letter or two (a pillar's id, with the names in the table beside the chart) leave room
  // for a larger plot and larger, bold names: legible on a phone, where the picture is drawn at its width.
  const short = axes.every((a) => [...a].length <= 2);
  const radius = Math.round(Math.min(f.width, height - legendH) * (short ? 0.38 : 0.3));
  const n = Math.max(1, axes.length);
  // The first axis points up and the others follow clockwise in a left-to-right chart, anticlockwise in a
  // right-to-left one (lineRadial's angle runs clockwise from 12 o'clock; a negative angle mirrors it).
  const angle = (i: number) => ((f.dir === 'rtl' ? -2 : 2) * Math.PI * i) / n;
  const r = scaleLinear().domain([0, 100]).range([0, radius]);
  const ring = lineRadial<number>().angle((_, i) => angle(i)).radius((v) => r(v)).curve(curveLinearClosed).digits(1);
  let body = `<g transform="translate(${r1(cx)} ${r1(cy)})" fill="none">`;
  for (const v of r.ticks(5).filter((v) => v > 0)) body += `<path d="${ring(axes.map(() => v))}" stroke="${GRID}"/>`;
  body += `<path d="${axes.map((_, i) => `M0 0L${r1(Math.sin(angle(i)) * radius)} ${r1(-Math.cos(angle(i)) * radius)}`).join('')}" stroke="${GRID}"/>`;
  // A missing score is a gap, never a zero: the outline stops on either side of that axis, the fill joins
  // only the scores there are (its edge across the gap has no outline), a score with gaps on both sides
  // is a dot, and an axis no series scores says so under its name. The table beside the chart has them all.
  const point = (a: number, v: number) => `${r1(Math.sin(angle(a)) * r(v))},${r1(-Math.cos(angle(a)) * r(v))}`;
  series.forEach((s, i) => {
    const colour = at(PALETTE, i);
    const dash = at(DASH, i);
    const stroke = `stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}`;
    const v = axes.map((_, a) => s.values[a] ?? null);
    const present = v.flatMap((x, a) => (x === null ? [] : [a]));
    if (present.length === axes.length) {
      body += `<path d="${ring(v as number[])}" fill="${colour}" fill-opacity="0.12" ${stroke}/>`;
      return;
    }
    if (present.length >= 3) body += `<path d="M${present.map((a) => point(a, v[a] as number)).join('L')}Z" fill="${colour}" fill-opacity="0.12"/>`;
    let outline = '';
    let open = -1;
    axes.forEach((_, a) => {
      const b = (a + 1) % axes.length;
      const va = v[a] ?? null;
      const vb = v[b] ?? null;
      if (va === null || vb === null || a === b) return;
      outline += `${open === a ? '' : `M${point(a, va)}`}L${point(b, vb)}`;
      open = b;
    });
    if (outline) body += `<path d="${outline}" ${stroke}/>`;
    for (const a of present) {
      const alone = v[(a + axes.length - 1) % axes.length] === null && v[(a + 1) % axes.length] === null;
      if (alone) {
        const [x, y] = point(a, v[a] as number).split(',');
        body += `<circle cx="${x}" cy="${y}" r="3.5" fill="${colour}"/>`;
      }
    }
  });
  body += '</g>';
  // Axis names beside their axis end, wrapped to the room on that side (15 px gap), centred above and below.
  axes.forEach((name, i) => {
    const sin = Math.sin((2 * Math.PI * i) / n);
    const cos = Math.cos((2 * Math.PI * i) / n);
    const side = Math.abs(sin) * radius;
    const room = Math.abs(sin) < 0.3 ? radius * 2 : f.width / 2 - side - 15 - 8;
    const unscored = opts?.noScore && series.length > 0 && series.every((s) => (s.values[i] ?? null) === null);
    const lines = [...wrapText(name, Math.max(48, room)), ...(unscored ? [`(${opts.noScore})`] : [])];
    const x = f.width / 2 + sin * (radius + 15);
    const y = cy - cos * (radius + 15) + 4 - (cos > 0.3 ? lines.length * 14 - 14 : Math.abs(cos) <= 0.3 ? (lines.length * 14 - 14) / 2 : 0);
    const anchor = Math.abs(sin) < 0.3 ? 'middle' : sin > 0 ? 'start' : 'end';
    lines.forEach((l, k) => { body += text(f, x, y + k * 14, label(f, l), anchor, short && k === 0 ? ' font-size="15" font-weight="700"' : ''); });
  });
  const leg = legend(f, names.map((name, i) => ({ name, key: dashKey(i) })), height - legendH - 4);
  return svgRoot(f, t, height, 12, body + leg.svg);
}

/**
 * Bar chart of scores for categories, one bar per series per category (e.g. stage scores E/F/G; perception
 * gap per pillar gov vs non-gov). Values run 0–`max` (default 100) with axis and bar labels written by
 * `format` (default: rounded), so a chart can show its numbers exactly as the table beside it does.
 */
export function barSvg(t: TChartText, categories: string[], series: TSeries[], opts?: { width?: number; height?: number; horizontal?: boolean; dir?: TChartDir; max?: number; format?: (v: number) => string }): string {
  const f = frame(opts?.width ?? 480, opts?.dir);
  const height = opts?.height ?? 300;
  const max = opts?.max ?? 100;
  const fmt = opts?.format ?? ((v: number) => String(Math.round(v)));
  const names = series.length > 1 ? series.map((s) => s.name) : [];
  const legendH = legendRows(f, names);
  const value = scaleLinear().domain([0, max]);
  const ticks = value.ticks(5);
  const tickW = Math.max(...ticks.map((v) => widthOf(fmt(v)))) + 8;
  let body = '';
  const bars = (band: number, size: number, draw: (s: number, offset: number, thickness: number, v: number) => string) => {
    const inner = scaleBand<number>().domain(series.map((_, i) => i)).range([0, Math.min(size, series.length * 32 / 0.8)]).paddingInner(0.1);
    const lead = (size - (inner.range()[1] ?? 0)) / 2;
    series.forEach((s, i) => {
      const v = s.values[band];
      if (v !== null && v !== undefined) body += draw(i, lead + (inner(i) ?? 0), inner.bandwidth(), v);
    });
  };
  if (opts?.horizontal) {
    // Categories down the start side (first on top, as in the table), values growing towards the end.
    const wrapped = categories.map((c) => wrapText(c, f.width * 0.3));
    // Room for the category names, and for half the first tick label, which is centred under the base line.
    const labelW = Math.max(Math.min(f.width * 0.3, Math.max(0, ...wrapped.flat().map((l) => widthOf(l)))) + 8, widthOf(fmt(0)) / 2 + 4);
    const plotBottom = height - legendH - 24;
    value.range([labelW, f.width - 12 - widthOf(fmt(max))]);
    const cat = scaleBand<number>().domain(categories.map((_, i) => i)).range([8, plotBottom]).paddingInner(0.2).paddingOuter(0.1);
    for (const v of ticks) {
      body += vline(f, value(v), 8, plotBottom, v === 0 ? AXIS : GRID);
      body += text(f, value(v), plotBottom + 16, numeral(f, fmt(v)), 'middle');
    }
    categories.forEach((_, c) => {
      const lines = wrapped[c] ?? [];
      const mid = (cat(c) ?? 0) + cat.bandwidth() / 2;
      lines.forEach((l, k) => { body += text(f, labelW - 8, mid + 4 + (k - (lines.length - 1) / 2) * 14, label(f, l), 'end'); });
      bars(c, cat.bandwidth(), (i, off, th, v) => rect(f, value(0), (cat(c) ?? 0) + off, value(v) - value(0), th, `fill="${at(PALETTE, i)}"`)
        + text(f, value(v) + 4, (cat(c) ?? 0) + off + th / 2 + 4, numeral(f, fmt(v))));
    });
  } else {
    // Categories along the bottom from the start side, values up from the base line.
    const cat = scaleBand<number>().domain(categories.map((_, i) => i)).range([tickW, f.width - 12]).paddingInner(0.2).paddingOuter(0.1);
    const wrapped = categories.map((c) => wrapText(c, Math.max(40, cat.step() - 8)));
    const labelH = Math.max(1, ...wrapped.map((l) => l.length)) * 14 + 6;
    const plotBottom = height - legendH - labelH;
    value.range([plotBottom, 24]);
    for (const v of ticks) {
      body += hline(f, tickW, f.width - 12, value(v), v === 0 ? AXIS : GRID);
      body += text(f, tickW - 6, value(v) + 4, numeral(f, fmt(v)), 'end');
    }
    categories.forEach((_, c) => {
      const mid = (cat(c) ?? 0) + cat.bandwidth() / 2;
      (wrapped[c] ?? []).forEach((l, k) => { body += text(f, mid, plotBottom + 16 + k * 14, label(f, l), 'middle'); });
      bars(c, cat.bandwidth(), (i, off, th, v) => rect(f, (cat(c) ?? 0) + off, value(v), th, value(0) - value(v), `fill="${at(PALETTE, i)}"`)
        + text(f, (cat(c) ?? 0) + off + th / 2, value(v) - 4, numeral(f, fmt(v)), 'middle'));
    });
  }
  const leg = legend(f, names.map((name, i) => ({ name, key: swatch(i) })), height - legendH - 4);
  return svgRoot(f, t, height, 12, body + leg.svg);
}

/** A series of points on a year axis (values 0–100; null = no value, the line breaks there). */
export interface TTimeSeries { name: string; points: { x: number; y: number | null }[] }

// A marker shape per series (circle, square, diamond, triangle) of about the given radius; the few shapes
// are made once (d3's symbol generator is the slowest step of the time chart otherwise).
const SHAPES = new Map<string, string>();
function marker(i: number, x: number, y: number, size: number, fill: string): string {
  const key = `${i % SYMBOLS.length} ${size}`;
  let d = SHAPES.get(key);
  if (d === undefined) SHAPES.set(key, (d = symbol(at(SYMBOLS, i), size * size * 3.2).digits(1)() ?? ''));
  return `<path transform="translate(${r1(x)} ${r1(y)})" d="${d}" fill="${fill}"/>`;
}

/** Lines over years (x, running from the start side) with values 0–100 (y), one marker shape and dash pattern per series (e.g. the EPI percentile per edition beside METEP cycles). */
export function timeSvg(t: TChartText, series: TTimeSeries[], opts?: { width?: number; height?: number; dir?: TChartDir }): string {
  // Narrower than the other charts: these are read on phones, where a wide drawing shrinks its text.
  const f = frame(opts?.width ?? 400, opts?.dir);
  const plotH = opts?.height ?? 180;
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const first = years[0] ?? 2000;
  const last = years[years.length - 1] ?? first;
  const X = scaleLinear().domain([first - 0.5, Math.max(first + 0.5, last + 0.5)]).range([f.x(34), f.x(f.width - 12)]);
  const Y = scaleLinear().domain([0, 100]).range([10 + plotH, 10]);
  let body = '';
  for (const v of Y.ticks(5)) {
    body += hline(f, 34, f.width - 12, Y(v), v === 0 ? AXIS : GRID);
    body += text(f, 28, Y(v) + 4, numeral(f, String(v)), 'end');
  }
  // Year labels; on a crowded axis every other one (the table beside the chart has them all).
  const every = years.length * 34 > f.width - 46 ? 2 : 1;
  years.forEach((yr, i) => {
    if (i % every === 0 || i === years.length - 1) body += `<text x="${r1(X(yr))}" y="${r1(Y(0) + 16)}" text-anchor="middle">${numeral(f, String(yr))}</text>`;
  });
  series.forEach((s, i) => {
    const pts = [...s.points].sort((a, b) => a.x - b.x);
    const path = line<{ x: number; y: number | null }>().defined((p) => p.y !== null).x((p) => X(p.x)).y((p) => Y(p.y ?? 0)).digits(1)(pts);
    const dash = at(DASH, i);
    if (path && pts.filter((p) => p.y !== null).length > 1) body += `<path d="${path}" fill="none" stroke="${at(PALETTE, i)}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
    for (const p of pts) if (p.y !== null) body += marker(i, X(p.x), Y(p.y), 4, at(PALETTE, i));
  });
  const leg = legend(f, series.map((s, i) => ({ name: s.name, key: (g, x, y) => `<path d="M${r1(g.x(x - 7))} ${y}H${r1(g.x(x + 7))}" stroke="${at(PALETTE, i)}" stroke-width="2"/>${marker(i, g.x(x), y, 3.5, at(PALETTE, i))}` })), Y(0) + 24);
  return svgRoot(f, t, Y(0) + 24 + leg.height, 13, body + leg.svg);
}

/** One row of a strip plot: a group's values (0–1) with its quartile box, and the highlighted country's value. */
export interface TStripRow { label: string; values: number[]; box: { q1: number; median: number; q3: number } | null; highlight: number | null }

/**
 * Strip plot: one row per group (world, region, …), a dot per country on a 0–1 axis (from the start side)
 * with the group's quartile box, the profiled country drawn larger in another colour and shape. `tick`
 * formats axis labels.
 */
export function stripSvg(t: TChartText, rows: TStripRow[], opts: { highlightName: string; othersName: string; boxName: string; tick: (v: number) => string; width?: number; dir?: TChartDir }): string {
  const f = frame(opts.width ?? 400, opts.dir);
  const top = 4, rowH = 46;
  const X = scaleLinear().domain([0, 1]).range([12, f.width - 16]);
  const axisY = top + rows.length * rowH + 2;
  let body = '';
  // Vertical lines at the EGDI group boundaries (0.25, 0.50, 0.75), where the Survey's groups change.
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    body += vline(f, X(v), top, axisY, v === 0 || v === 1 ? AXIS : GRID);
    body += text(f, X(v), axisY + 14, numeral(f, opts.tick(v)), v === 0 ? 'start' : v === 1 ? 'end' : 'middle');
  }
  const box = (x1: number, x2: number, mid: number, y: number, h: number) =>
    rect(f, x1, y - h, Math.max(1, x2 - x1), 2 * h, `fill="#e3eefa" stroke="${PALETTE[0]}"`) + vline(f, mid, y - h, y + h, PALETTE[0] as string, ' stroke-width="2"');
  const diamond = (x: number, y: number, w: number, h: number) => `<path d="M${r1(f.x(x))} ${r1(y - h)}L${r1(f.x(x) + w)} ${r1(y)}L${r1(f.x(x))} ${r1(y + h)}L${r1(f.x(x) - w)} ${r1(y)}Z" fill="${PALETTE[1]}" stroke="#000"/>`;
  rows.forEach((row, i) => {
    const y0 = top + i * rowH;
    const cy = y0 + 30;
    body += text(f, 12, y0 + 12, label(f, row.label));
    if (row.box) body += box(X(row.box.q1), X(row.box.q3), X(row.box.median), cy, 8);
    // Each country a dot: a zero-length stroke with round caps, one path per group (a fifth of the bytes of
    // a <circle> each). A small fixed vertical spread keeps countries with close values visible.
    if (row.values.length) body += `<path d="${row.values.map((v, j) => `M${r1(f.x(X(v)))} ${r1(cy + ((j % 5) - 2) * 2.5)}h0`).join('')}" stroke="${AXIS}" stroke-opacity="0.7" stroke-width="5" stroke-linecap="round"/>`;
    if (row.highlight !== null) body += diamond(X(row.highlight), cy, 7, 9);
  });
  const leg = legend(f, [
    { name: opts.highlightName, key: (_, x, y) => diamond(x, y, 5, 6) },
    { name: opts.othersName, key: (g, x, y) => `<circle cx="${r1(g.x(x))}" cy="${y}" r="2.5" fill="${AXIS}"/>` },
    { name: opts.boxName, key: (_, x, y) => box(x - 7, x + 7, x, y, 5) },
  ], axisY + 22);
  return svgRoot(f, t, axisY + 22 + leg.height, 13, body + leg.svg);
}

/** One bar of a timeline: a label (an action's number), its first and last column, and how it is drawn. */
export interface TTimelineRow { label: string; from: number; to: number; kind: 'planned' | 'in_progress' | 'done' | 'dropped' }

// Timeline bars are told apart by fill and outline as well as colour (WCAG 1.4.1): planned = outline only,
// in progress = filled blue, done = filled green, dropped = dashed grey outline.
const TIMELINE_STYLE: Record<TTimelineRow['kind'], string> = {
  planned: `fill="#fff" stroke="${PALETTE[0]}" stroke-width="2"`,
  in_progress: `fill="${PALETTE[0]}"`,
  done: `fill="${PALETTE[2]}"`,
  dropped: `fill="#fff" stroke="${AXIS}" stroke-width="2" stroke-dasharray="4 3"`,
};

/**
 * A timeline by quarter (a Gantt chart): `columns` are the quarter labels grouped under `groups` (years:
 * label and how many columns each spans), one row per bar, a legend of the four kinds. Time runs from the
 * start side: left to right, or right to left on a right-to-left page.
 */
export function timelineSvg(t: TChartText, groups: { label: string; span: number }[], columns: string[], rows: TTimelineRow[], legendText: Record<TTimelineRow['kind'], string>, opts?: { width?: number; dir?: TChartDir }): string {
  const f = frame(opts?.width ?? 480, opts?.dir);
  const labelW = 32, top = 40, rowH = 22;
  const X = scaleLinear().domain([0, Math.max(1, columns.length)]).range([labelW, f.width - 4]);
  const legendTop = top + rows.length * rowH + 12;
  let body = '';
  let c = 0;
  for (const g of groups) {
    body += rect(f, X(c), 0, X(c + g.span) - X(c), 18, `fill="#f2f2f2" stroke="${GRID}"`);
    body += text(f, X(c + g.span / 2), 13, numeral(f, g.label), 'middle');
    c += g.span;
  }
  columns.forEach((col, i) => {
    body += vline(f, X(i), 20, top + rows.length * rowH, GRID);
    body += text(f, X(i + 0.5), 33, label(f, col), 'middle', ' font-size="10"');
  });
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    body += text(f, labelW - 6, y + 15, numeral(f, r.label), 'end');
    if (r.to < r.from || r.to < 0 || r.from >= columns.length) return;
    const from = Math.max(0, r.from);
    const to = Math.min(columns.length - 1, r.to);
    body += rect(f, X(from) + 2, y + 4, X(to + 1) - X(from) - 4, rowH - 8, `rx="3" ${TIMELINE_STYLE[r.kind]}`);
  });
  (Object.keys(TIMELINE_STYLE) as TTimelineRow['kind'][]).forEach((k, i) => {
    const lx = 4 + (i % 2) * (f.width / 2);
    const ly = legendTop + Math.floor(i / 2) * 20;
    body += rect(f, lx, ly, 24, 12, `rx="3" ${TIMELINE_STYLE[k]}`);
    body += text(f, lx + 30, ly + 10, label(f, legendText[k]));
  });
  return svgRoot(f, t, legendTop + 44, 12, body);
}
