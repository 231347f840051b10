// Charts of the results page as server-side SVG strings (echarts 6 SSR). No chart JavaScript reaches the
// browser: the SVG is inlined into pages served with `style-src 'self'` and no inline script, so everything
// echarts emits is passed through `cleanSvg` below, which keeps only an allowlist of SVG elements'
// geometry and presentation attributes. Presentation attributes (fill="…") are not governed by CSP;
// `style="…"` attributes and `<style>` elements are, and would be blocked (and reported) by the browser.
import * as echarts from 'echarts';

/** A named row of scores, 0–100; null = no score. */
export interface TSeries { name: string; values: (number | null)[] }
/** Accessible name of a chart: `id` of the inserted `<title>`, `title` its (already translated) text. */
export interface TChartText { id: string; title: string }

// Every colour that carries meaning has ≥ 3:1 contrast against white (WCAG 2.1 AA, 1.4.11 non-text):
// #1f5fa8 6.5:1, #b3541e 4.9:1, #2e7d32 5.1:1, #6a3d9a 8.3:1. Axis text #333 is 12.6:1, the bars' base
// line #767676 4.5:1. Grid lines are deliberately light: they are reading aids, the values are in the
// table the page shows beside every chart.
const PALETTE = ['#1f5fa8', '#b3541e', '#2e7d32', '#6a3d9a'];
const TEXT = '#333';
const GRID = '#d9d9d9';
const AXIS = '#767676';
const FONT = 'Noto Sans, Noto Sans Arabic, Noto Sans CJK SC, sans-serif';

// Radar series are told apart by dash pattern as well as colour (WCAG 1.4.1, use of colour); the legend
// icons draw the same pattern as filled bars, because echarts fills (never strokes) a legend path icon.
const DASH: ('solid' | number[])[] = ['solid', [8, 4], [2, 3], [8, 3, 2, 3]];
const DASH_ICON = [
  'path://M0 0H30V4H0Z',
  'path://M0 0H8V4H0ZM11 0H19V4H11ZM22 0H30V4H22Z',
  'path://M0 0H3V4H0ZM6 0H9V4H6ZM12 0H15V4H12ZM18 0H21V4H18ZM24 0H27V4H24Z',
  'path://M0 0H8V4H0ZM11 0H13V4H11ZM16 0H24V4H16ZM27 0H29V4H27Z',
];

const at = <T>(list: T[], i: number): T => list[i % list.length] as T;

/** Radar of pillar scores (0–100), one polygon per series (e.g. this cycle, previous cycle; or government vs non-government). */
export function radarSvg(text: TChartText, axes: string[], series: TSeries[], opts?: { width?: number; height?: number }): string {
  const width = opts?.width ?? 480;
  const height = opts?.height ?? 400;
  const legend = series.length > 1;
  const radius = Math.round(Math.min(width, height - (legend ? 24 : 0)) * 0.3);
  const n = Math.max(1, axes.length);
  return render(text, width, height, {
    radar: {
      shape: 'polygon',
      center: [width / 2, Math.round((height - (legend ? 24 : 0)) / 2)],
      radius,
      axisName: { color: TEXT, fontSize: 12 },
      // echarts ignores width/overflow on radar axis names, so names are wrapped here to the room beside
      // their axis end (echarts puts the first axis on top and goes anticlockwise, 15 px name gap).
      indicator: axes.map((name, i) => {
        const side = Math.abs(Math.sin((2 * Math.PI * i) / n)) * radius;
        const room = side < radius * 0.3 ? radius * 2 : width / 2 - side - 15 - 8;
        return { name: wrapText(name, Math.max(48, room)), min: 0, max: 100 };
      }),
      splitNumber: 5,
      splitArea: { show: false },
      splitLine: { lineStyle: { color: GRID } },
      axisLine: { lineStyle: { color: GRID } },
    },
    legend: legendOption(legend, series.map((s, i) => ({ name: s.name, icon: at(DASH_ICON, i) })), 30, 4),
    series: [{
      type: 'radar',
      symbol: 'none',
      // A missing score is drawn as 0 with no mark of its own: a radar cannot leave a gap in a polygon,
      // and the page always shows the table of scores (with "no score") beside the chart.
      data: series.map((s, i) => ({
        name: s.name,
        value: axes.map((_, a) => s.values[a] ?? 0),
        lineStyle: { color: at(PALETTE, i), width: 2, type: at(DASH, i) },
        areaStyle: { color: at(PALETTE, i), opacity: 0.12 },
        itemStyle: { color: at(PALETTE, i) },
      })),
    }],
  });
}

/** Horizontal or vertical bar chart of scores 0–100 for categories, one bar per series per category (e.g. stage scores E/F/G; perception gap per pillar gov vs non-gov). */
export function barSvg(text: TChartText, categories: string[], series: TSeries[], opts?: { width?: number; height?: number; horizontal?: boolean }): string {
  const width = opts?.width ?? 480;
  const height = opts?.height ?? 300;
  const horizontal = opts?.horizontal ?? false;
  const legend = series.length > 1;
  // Category labels wrap within their share of the plot so that none is skipped or overlaps.
  const categoryAxis = {
    type: 'category' as const,
    data: categories.map((c) => wrapText(c, horizontal ? width * 0.3 : Math.max(40, (width - 60) / Math.max(1, categories.length) - 8))),
    inverse: horizontal, // first category on top, as in the table beside the chart
    axisTick: { show: false },
    axisLine: { lineStyle: { color: AXIS } },
    axisLabel: { color: TEXT, fontSize: 12, interval: 0 },
  };
  const valueAxis = {
    type: 'value' as const,
    min: 0, max: 100, interval: 20,
    axisLabel: { color: TEXT, fontSize: 12 },
    splitLine: { lineStyle: { color: GRID } },
  };
  return render(text, width, height, {
    // outerBoundsMode 'same': axis labels stay inside the grid box (echarts 6's default lets them reach
    // the canvas edge, under the legend).
    grid: { left: 8, right: horizontal ? 36 : 12, top: horizontal ? 8 : 24, bottom: legend ? 32 : 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    legend: legendOption(legend, series.map((s) => ({ name: s.name })), 14, 14),
    series: series.map((s, i) => ({
      type: 'bar',
      name: s.name,
      color: at(PALETTE, i),
      barMaxWidth: 32,
      // null → no bar and no label (echarts skips null data).
      data: categories.map((_, c) => s.values[c] ?? null),
      label: {
        show: true,
        position: horizontal ? 'right' : 'top',
        color: TEXT,
        fontSize: 12,
        formatter: (p: { value: unknown }) => String(Math.round(Number(p.value))),
      },
    })),
  });
}

// Greedy line wrapping at spaces, after hyphens and between CJK characters, by an estimated width: on the
// server there is no font to measure. The estimate (1 em for CJK and full-width characters, 0.62 em for
// anything else) errs wide for Noto Sans, so wrapped names stay inside the room they were given.
const WIDE = '\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6';
const WRAP_TOKEN = new RegExp(`[${WIDE}]|[^\\s${WIDE}-]+-*|-+|\\s+`, 'gu');
const WIDE_CHAR = new RegExp(`[${WIDE}]`, 'u');

function wrapText(label: string, maxPx: number): string {
  const widthOf = (s: string) => [...s].reduce((w, ch) => w + (WIDE_CHAR.test(ch) ? 12 : 12 * 0.62), 0);
  const lines: string[] = [];
  let line = '';
  for (const token of label.match(WRAP_TOKEN) ?? []) {
    if (/^\s+$/.test(token)) { if (line) line += ' '; continue; }
    if (line.trim() && widthOf(line + token) > maxPx) { lines.push(line.trimEnd()); line = token; }
    else line += token;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.join('\n');
}

function legendOption(show: boolean, data: { name: string; icon?: string }[], itemWidth: number, itemHeight: number) {
  return { show, bottom: 4, data, itemWidth, itemHeight, selectedMode: false, textStyle: { color: TEXT, fontSize: 12 } };
}

// One chart: init → setOption → SVG → dispose. Disposing is not optional: a live chart keeps zrender's
// animation loop (a timer) running, which holds the Node process open.
function render(text: TChartText, width: number, height: number, option: Record<string, unknown>): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false, // and no tooltip option: echarts adds none unless asked
      textStyle: { fontFamily: FONT, color: TEXT },
      ...option,
    });
    return cleanSvg(chart.renderToSVGString(), text, width, height);
  } finally {
    chart.dispose();
  }
}

// XML-escapes text for element content and double-quoted attribute values.
function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

// Attributes kept on echarts' elements; anything else is dropped: class (only hooks for the :hover rules
// in echarts' <style>), ecmeta_* (data for client-side hydration), pointer-events, event handlers, and
// whatever a future echarts adds. Presentation attributes are the ones SVG also accepts as CSS properties.
const PRESENTATION = new Set([
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-linecap',
  'stroke-linejoin', 'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset', 'opacity', 'paint-order',
  'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'text-anchor', 'dominant-baseline',
  'letter-spacing', 'text-decoration', 'visibility', 'display',
]);
// Geometry is rounded to 0.1 px (echarts writes up to 4 decimals in transforms): invisible on screen and
// in print, and it shortens the output.
const GEOMETRY = new Set(['d', 'points', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'transform']);
const round1 = (v: string) => v.replace(/-?\d*\.\d{2,}/g, (n) => String(Math.round(Number(n) * 10) / 10));

// Rewrites echarts' SVG for a strict CSP page: own root element with an accessible name, no <style>,
// style attributes turned into presentation attributes, unknown attributes and invisible hit areas dropped.
function cleanSvg(raw: string, text: TChartText, width: number, height: number): string {
  const id = escapeXml(text.id);
  // zrender numbers its instances (zr0-, zr1-, …) with a process-wide counter, but only in the class names
  // dropped here; these charts use no clip paths, gradients or patterns, so echarts writes no ids and the
  // same input gives the same bytes (tested). No id is kept, so no url(#…) or href could point anywhere.
  const body = raw
    .replace(/^\s*<svg\b[^>]*>/, '')
    .replace(/<\/svg>\s*$/, '')
    .replace(/<style\b[\s\S]*?<\/style>/g, '')
    .replace(/<([a-zA-Z][\w:-]*)((?:\s+[^\s=/>]+="[^"]*")*)\s*(\/?)>/g, (_m, tag: string, attrText: string, selfClose: string) => {
      const attrs = new Map<string, string>();
      let style = '';
      for (const [, name, value] of attrText.matchAll(/([^\s=]+)="([^"]*)"/g) as Iterable<[string, string, string]>) {
        if (name === 'style') style = value;
        else attrs.set(name, value);
      }
      // CSS in style="" wins over attributes, so its declarations replace same-named attributes. Values
      // stay as echarts escaped them (the same double-quoted attribute context).
      for (const decl of style.split(';')) {
        const colon = decl.indexOf(':');
        if (colon < 0) continue;
        const prop = decl.slice(0, colon).trim().toLowerCase();
        const value = decl.slice(colon + 1).trim();
        if (PRESENTATION.has(prop) && value) attrs.set(prop, value);
      }
      const out: string[] = [];
      for (const [name, value] of attrs) {
        if (GEOMETRY.has(name)) out.push(`${name}="${round1(value)}"`);
        else if (PRESENTATION.has(name) && !/url\(/i.test(value)) out.push(`${name}="${value}"`);
      }
      return `<${tag}${out.length ? ' ' + out.join(' ') : ''}${selfClose ? '/' : ''}>`;
    })
    // Invisible shapes (background rect, legend hit areas): no fill and no stroke, nothing to see.
    .replace(/<(path|rect)\b[^>]*>\s*<\/\1>/g, (el) =>
      /fill="none"|fill-opacity="0"/.test(el) && (!/stroke="/.test(el) || /stroke="none"|stroke-width="0"/.test(el)) ? '' : el)
    .replace(/\n\s*\n/g, '\n')
    .trim();
  // Fail loudly rather than ship markup the page's CSP would block: only possible if a future echarts
  // writes a tag this converter cannot parse (unquoted or single-quoted attributes). Text content is
  // escaped by echarts, so every raw '<' here starts a tag.
  if (/<(style|script)\b|<[^>]*\s(style|on[a-z]+)\s*=/i.test(body)) throw new Error('charts: echarts SVG kept styles or scripts after cleaning');
  const { body: lean, inherited } = hoistFont(body);
  // direction="ltr": inside an RTL page the inherited CSS `direction` would swap what text-anchor
  // start/end mean and push echarts' labels off their marks; Arabic text itself still runs right-to-left.
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`
    + ` role="img" aria-labelledby="${id}" focusable="false" direction="ltr"${inherited}>`
    + `<title id="${id}">${escapeXml(text.title)}</title>\n${lean}\n</svg>`;
}

// echarts repeats font-family and font-size on every <text>; when all texts agree, say it once on the root
// (both properties inherit), which takes about a fifth off a chart.
function hoistFont(body: string): { body: string; inherited: string } {
  let inherited = '';
  for (const name of ['font-family', 'font-size']) {
    const texts = body.match(/<text\b[^>]*>/g) ?? [];
    const values = new Set(texts.map((t) => new RegExp(` ${name}="([^"]*)"`).exec(t)?.[1]));
    const [only] = values;
    if (values.size !== 1 || only === undefined) continue;
    inherited += ` ${name}="${only}"`;
    body = body.replace(/<text\b[^>]*>/g, (t) => t.replace(` ${name}="${only}"`, ''));
  }
  return { body, inherited };
}

// Hand-drawn charts of the benchmark pages. A year axis and a strip plot of up to two hundred countries
// are simple geometry; drawn here directly they are a few kilobytes smaller than echarts' output (which
// writes each dot as a transformed path) and need no clean-up. The same rules hold: no script, no style,
// an accessible name, left-to-right geometry inside RTL pages, and a table of the same numbers beside.

/** A series of points on a year axis (values 0–100; null = no value, the line breaks there). */
export interface TTimeSeries { name: string; points: { x: number; y: number | null }[] }

const r1 = (n: number) => String(Math.round(n * 10) / 10);
// Labels inside the left-to-right drawing keep their own direction: an Arabic name with a Latin word
// ("الجزء الثاني من METEP") is isolated (FSI … PDI), so its words are not reordered left-to-right.
const label = (s: string) => escapeXml(/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(s) ? `\u2068${s}\u2069` : s);
// Marker shapes, so series differ by more than colour (WCAG 1.4.1): circle, square, diamond, triangle.
function marker(i: number, x: number, y: number, size: number, fill: string): string {
  const s = size;
  switch (i % 4) {
    case 0: return `<circle cx="${r1(x)}" cy="${r1(y)}" r="${r1(s)}" fill="${fill}"/>`;
    case 1: return `<rect x="${r1(x - s)}" y="${r1(y - s)}" width="${r1(2 * s)}" height="${r1(2 * s)}" fill="${fill}"/>`;
    case 2: return `<path d="M${r1(x)} ${r1(y - s * 1.3)}L${r1(x + s * 1.3)} ${r1(y)}L${r1(x)} ${r1(y + s * 1.3)}L${r1(x - s * 1.3)} ${r1(y)}Z" fill="${fill}"/>`;
    default: return `<path d="M${r1(x)} ${r1(y - s * 1.3)}L${r1(x + s * 1.2)} ${r1(y + s)}L${r1(x - s * 1.2)} ${r1(y + s)}Z" fill="${fill}"/>`;
  }
}

function svgRoot(text: TChartText, width: number, height: number, body: string): string {
  const id = escapeXml(text.id);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}" focusable="false" direction="ltr" font-family="${FONT}" font-size="13">`
    + `<title id="${id}">${escapeXml(text.title)}</title>${body}</svg>`;
}

// Legend rows under a chart: each entry a marker and its name, wrapped to the width (names are estimated
// at 7 px per character, 12 for CJK, as on the server there is no font to measure).
function legend(entries: { name: string; draw: (x: number, y: number) => string }[], width: number, top: number): { svg: string; height: number } {
  let x = 8;
  let y = top + 10;
  let svg = '';
  for (const e of entries) {
    const w = 22 + [...e.name].reduce((s, ch) => s + (WIDE_CHAR.test(ch) ? 12 : 7), 0);
    if (x > 8 && x + w > width - 8) { x = 8; y += 18; }
    svg += `${e.draw(x + 7, y)}<text x="${x + 18}" y="${y + 4}" fill="${TEXT}">${label(e.name)}</text>`;
    x += w + 14;
  }
  return { svg, height: y - top + 12 };
}

/** Lines over years (x) with values 0–100 (y), one marker shape and dash pattern per series (e.g. the EPI percentile per edition beside METEP cycles). */
export function timeSvg(text: TChartText, series: TTimeSeries[], opts?: { width?: number; height?: number }): string {
  // Narrower than the echarts charts: these are read on phones, where a 480-wide drawing shrinks its text.
  const width = opts?.width ?? 400;
  const plotH = opts?.height ?? 180;
  const years = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const lo = (years[0] ?? 2000) - 0.5;
  const hi = (years[years.length - 1] ?? 2000) + 0.5;
  const left = 34, right = 12, top = 10;
  const X = (x: number) => left + ((x - lo) / Math.max(1, hi - lo)) * (width - left - right);
  const Y = (y: number) => top + (1 - y / 100) * plotH;
  let body = '';
  for (let v = 0; v <= 100; v += 20) {
    body += `<line x1="${left}" y1="${r1(Y(v))}" x2="${width - right}" y2="${r1(Y(v))}" stroke="${v === 0 ? AXIS : GRID}"/>`;
    body += `<text x="${left - 6}" y="${r1(Y(v) + 4)}" text-anchor="end" fill="${TEXT}">${v}</text>`;
  }
  // Year labels; on a crowded axis every other one (the table beside the chart has them all).
  const every = years.length * 34 > width - left - right ? 2 : 1;
  years.forEach((yr, i) => {
    if (i % every === 0 || i === years.length - 1) body += `<text x="${r1(X(yr))}" y="${r1(Y(0) + 16)}" text-anchor="middle" fill="${TEXT}">${yr}</text>`;
  });
  series.forEach((s, i) => {
    const colour = at(PALETTE, i);
    const dash = at(DASH, i);
    const pts = [...s.points].sort((a, b) => a.x - b.x);
    let run: string[] = [];
    const flush = () => {
      if (run.length > 1) body += `<path d="M${run.join('L')}" fill="none" stroke="${colour}" stroke-width="2"${dash === 'solid' ? '' : ` stroke-dasharray="${dash.join(' ')}"`}/>`;
      run = [];
    };
    for (const p of pts) {
      if (p.y === null) flush();
      else run.push(`${r1(X(p.x))} ${r1(Y(p.y))}`);
    }
    flush();
    for (const p of pts) if (p.y !== null) body += marker(i, X(p.x), Y(p.y), 4, colour);
  });
  const leg = legend(series.map((s, i) => ({ name: s.name, draw: (x, y) => `<line x1="${x - 7}" y1="${y}" x2="${x + 7}" y2="${y}" stroke="${at(PALETTE, i)}" stroke-width="2"/>${marker(i, x, y, 3.5, at(PALETTE, i))}` })), width, Y(0) + 24);
  return svgRoot(text, width, Math.ceil(Y(0) + 24 + leg.height), body + leg.svg);
}

/** One row of a strip plot: a group's values (0–1) with its quartile box, and the highlighted country's value. */
export interface TStripRow { label: string; values: number[]; box: { q1: number; median: number; q3: number } | null; highlight: number | null }

/**
 * Strip plot: one row per group (world, region, …), a dot per country on a 0–1 axis with the group's
 * quartile box, the profiled country drawn larger in another colour and shape. `tick` formats axis labels.
 */
export function stripSvg(text: TChartText, rows: TStripRow[], opts: { highlightName: string; othersName: string; boxName: string; tick: (v: number) => string; width?: number }): string {
  const width = opts.width ?? 400;
  const left = 12, right = 16, top = 4, rowH = 46;
  const X = (v: number) => left + v * (width - left - right);
  let body = '';
  // Vertical lines at the EGDI group boundaries (0.25, 0.50, 0.75), where the Survey's groups change.
  const axisY = top + rows.length * rowH + 2;
  for (const v of [0, 0.25, 0.5, 0.75, 1]) {
    body += `<line x1="${r1(X(v))}" y1="${top}" x2="${r1(X(v))}" y2="${axisY}" stroke="${v === 0 || v === 1 ? AXIS : GRID}"/>`;
    body += `<text x="${r1(X(v))}" y="${axisY + 14}" text-anchor="${v === 0 ? 'start' : v === 1 ? 'end' : 'middle'}" fill="${TEXT}">${escapeXml(opts.tick(v))}</text>`;
  }
  rows.forEach((row, i) => {
    const y0 = top + i * rowH;
    const cy = y0 + 30;
    body += `<text x="${left}" y="${y0 + 12}" fill="${TEXT}">${label(row.label)}</text>`;
    if (row.box) body += `<rect x="${r1(X(row.box.q1))}" y="${cy - 8}" width="${r1(Math.max(1, X(row.box.q3) - X(row.box.q1)))}" height="16" fill="#e3eefa" stroke="${at(PALETTE, 0)}"/><line x1="${r1(X(row.box.median))}" y1="${cy - 8}" x2="${r1(X(row.box.median))}" y2="${cy + 8}" stroke="${at(PALETTE, 0)}" stroke-width="2"/>`;
    // A small, fixed vertical spread so countries with close values stay visible (deterministic).
    row.values.forEach((v, j) => {
      body += `<circle cx="${r1(X(v))}" cy="${cy + ((j % 5) - 2) * 2.5}" r="2.5" fill="${AXIS}" fill-opacity="0.7"/>`;
    });
    if (row.highlight !== null) body += `<path d="M${r1(X(row.highlight))} ${cy - 9}L${r1(X(row.highlight) + 7)} ${cy}L${r1(X(row.highlight))} ${cy + 9}L${r1(X(row.highlight) - 7)} ${cy}Z" fill="${at(PALETTE, 1)}" stroke="#000" stroke-width="1"/>`;
  });
  const leg = legend([
    { name: opts.highlightName, draw: (x, y) => `<path d="M${x} ${y - 6}L${x + 5} ${y}L${x} ${y + 6}L${x - 5} ${y}Z" fill="${at(PALETTE, 1)}" stroke="#000"/>` },
    { name: opts.othersName, draw: (x, y) => `<circle cx="${x}" cy="${y}" r="2.5" fill="${AXIS}"/>` },
    { name: opts.boxName, draw: (x, y) => `<rect x="${x - 7}" y="${y - 5}" width="14" height="10" fill="#e3eefa" stroke="${at(PALETTE, 0)}"/><line x1="${x}" y1="${y - 5}" x2="${x}" y2="${y + 5}" stroke="${at(PALETTE, 0)}" stroke-width="2"/>` },
  ], width, axisY + 22);
  return svgRoot(text, width, Math.ceil(axisY + 22 + leg.height), body + leg.svg);
}

/** One bar of a timeline: a label (an action's number), its first and last column, and how it is drawn. */
export interface TTimelineRow { label: string; from: number; to: number; kind: 'planned' | 'in_progress' | 'done' | 'dropped' }

// Timeline bars are told apart by fill and outline as well as colour (WCAG 1.4.1): planned = outline only,
// in progress = filled blue, done = filled green, dropped = dashed grey outline.
const TIMELINE_STYLE: Record<TTimelineRow['kind'], string> = {
  planned: `fill="#ffffff" stroke="${PALETTE[0]}" stroke-width="2"`,
  in_progress: `fill="${PALETTE[0]}"`,
  done: `fill="${PALETTE[2]}"`,
  dropped: `fill="#ffffff" stroke="${AXIS}" stroke-width="2" stroke-dasharray="4 3"`,
};

/**
 * A timeline by quarter (a Gantt chart) drawn directly as SVG: `columns` are the quarter labels grouped under
 * `groups` (years: label and how many columns each spans), one row per bar, a legend of the four kinds.
 * Written by hand rather than through echarts: it is rectangles and text, so it is small and escapes
 * everything itself; time runs left to right on every page, as in the other charts.
 */
export function timelineSvg(text: TChartText, groups: { label: string; span: number }[], columns: string[], rows: TTimelineRow[], legend: Record<TTimelineRow['kind'], string>, opts?: { width?: number }): string {
  const width = opts?.width ?? 480;
  const labelW = 32;
  const top = 40;
  const rowH = 22;
  const colW = (width - labelW - 4) / Math.max(1, columns.length);
  const legendTop = top + rows.length * rowH + 12;
  const height = legendTop + 44;
  const x = (c: number) => Math.round((labelW + c * colW) * 10) / 10;
  const parts: string[] = [];
  let c = 0;
  for (const g of groups) {
    parts.push(`<rect x="${x(c)}" y="0" width="${Math.round(g.span * colW * 10) / 10}" height="18" fill="#f2f2f2" stroke="${GRID}"/>`);
    parts.push(`<text x="${x(c + g.span / 2)}" y="13" text-anchor="middle">${escapeXml(g.label)}</text>`);
    c += g.span;
  }
  columns.forEach((col, i) => {
    parts.push(`<line x1="${x(i)}" y1="20" x2="${x(i)}" y2="${top + rows.length * rowH}" stroke="${GRID}"/>`);
    parts.push(`<text x="${x(i + 0.5)}" y="33" text-anchor="middle" font-size="10">${escapeXml(col)}</text>`);
  });
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    parts.push(`<text x="${labelW - 6}" y="${y + 15}" text-anchor="end">${escapeXml(r.label)}</text>`);
    if (r.to < r.from || r.to < 0 || r.from >= columns.length) return;
    const from = Math.max(0, r.from);
    const to = Math.min(columns.length - 1, r.to);
    parts.push(`<rect x="${x(from) + 2}" y="${y + 4}" width="${Math.round(((to - from + 1) * colW - 4) * 10) / 10}" height="${rowH - 8}" rx="3" ${TIMELINE_STYLE[r.kind]}/>`);
  });
  (Object.keys(TIMELINE_STYLE) as TTimelineRow['kind'][]).forEach((k, i) => {
    const lx = 4 + (i % 2) * (width / 2);
    const ly = legendTop + Math.floor(i / 2) * 20;
    parts.push(`<rect x="${lx}" y="${ly}" width="24" height="12" rx="3" ${TIMELINE_STYLE[k]}/>`);
    parts.push(`<text x="${lx + 30}" y="${ly + 10}">${escapeXml(legend[k])}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`
    + ` role="img" aria-labelledby="${escapeXml(text.id)}" focusable="false" direction="ltr" font-family="${FONT}" font-size="12" fill="${TEXT}">`
    + `<title id="${escapeXml(text.id)}">${escapeXml(text.title)}</title>\n${parts.join('\n')}\n</svg>`;
}
