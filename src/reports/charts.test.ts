import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { barSvg, radarSvg, stripSvg, timelineSvg, timeSvg, type TChartDir } from './charts.ts';

const AXES = ['Legal', 'Institutions', 'Channels', 'Outreach', 'e-Information', 'e-Consultation', 'e-Decision'];
const TWO = [
  { name: '2024', values: [72.4, 55, 61, null, 80, 47, 66] },
  { name: '2022', values: [60, 50, 58, 40, 70, 45, 50] },
];
const STAGES = ['e-Information', 'e-Consultation', 'e-Decision-making'];
const STRIP = [
  { label: 'World (5)', values: [0.1, 0.3, 0.5, 0.7, 0.9], box: { q1: 0.3, median: 0.5, q3: 0.7 }, highlight: 0.62 },
  { label: 'Africa (2)', values: [0.2, 0.4], box: null, highlight: null },
];
const KINDS = { planned: 'Planned', in_progress: 'In progress', done: 'Done', dropped: 'Dropped <x>' };
const COLS = ['Q1', 'Q2', 'Q3', 'Q4', 'Q1', 'Q2', 'Q3', 'Q4'];
const YEARS = [{ label: '2025', span: 4 }, { label: '2026', span: 4 }];
const ROWS = [
  { label: '1', from: 0, to: 3, kind: 'done' as const },
  { label: '2', from: 2, to: 7, kind: 'in_progress' as const },
  { label: '3', from: 5, to: 4, kind: 'planned' as const },
];

// Every chart type, drawn in either direction: the properties that hold by construction are tested on all.
const ALL: [string, (dir: TChartDir) => string][] = [
  ['radar', (dir) => radarSvg({ id: 'c-radar', title: 'Pillar scores' }, AXES, TWO, { dir })],
  ['bar', (dir) => barSvg({ id: 'c-bar', title: 'Stages' }, STAGES, TWO.map((s) => ({ ...s, values: s.values.slice(0, 3) })), { dir })],
  ['horizontal bar', (dir) => barSvg({ id: 'c-gap', title: 'Gap' }, ['A', 'B'], [{ name: 'Gov', values: [0.6, 0.4] }, { name: 'Non-gov', values: [0.5, null] }], { dir, horizontal: true, max: 1, format: (v) => v.toFixed(2) })],
  ['time', (dir) => timeSvg({ id: 'c-time', title: 'Over time' }, [{ name: 'EGDI', points: [{ x: 2020, y: 50 }, { x: 2022, y: null }, { x: 2024, y: 60 }] }, { name: 'EPI', points: [{ x: 2020, y: 40 }, { x: 2024, y: 45 }] }], { dir })],
  ['strip', (dir) => stripSvg({ id: 'c-strip', title: 'Peers' }, STRIP, { highlightName: 'Kenya', othersName: 'Others', boxName: 'Quartiles', tick: (v) => String(v), dir })],
  ['timeline', (dir) => timelineSvg({ id: 'c-tl', title: 'Timeline' }, YEARS, COLS, ROWS, KINDS, { dir })],
];

const texts = (svg: string) => [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);
// The x of the first <text> whose content (isolates removed) is `s`.
const textX = (svg: string, s: string) => {
  for (const m of svg.matchAll(/<text x="([-\d.]+)"[^>]*>([^<]*)<\/text>/g)) if (m[2]!.replace(/[\u2066-\u2069]/g, '') === s) return Number(m[1]);
  throw new Error(`no text ${s}`);
};
const root = (svg: string) => /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';

// WCAG relative luminance contrast against white.
function contrastOnWhite(hex: string): number {
  const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const l = 0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!;
  return 1.05 / (l + 0.05);
}

describe('every chart, in both directions', () => {
  for (const [name, draw] of ALL) {
    for (const dir of ['ltr', 'rtl'] as const) {
      const svg = draw(dir);
      it(`${name} (${dir}) has nothing a strict CSP would block`, () => {
        assert.ok(!/\sstyle=/i.test(svg), 'no style attribute');
        assert.ok(!/<style\b/i.test(svg), 'no <style>');
        assert.ok(!/<script\b/i.test(svg), 'no <script>');
        assert.ok(!/\son[a-z]+=/i.test(svg), 'no event handler attribute');
        assert.ok(!/\sclass=/.test(svg), 'no class hooks');
        assert.ok(!/href=|url\(/.test(svg), 'no reference to anything');
      });
      it(`${name} (${dir}) is one accessible <svg> named by its <title>, in the page's direction`, () => {
        assert.ok(svg.startsWith('<svg') && svg.endsWith('</svg>'));
        assert.equal(svg.match(/<svg\b/g)?.length, 1);
        const r = root(svg);
        const id = /aria-labelledby="([^"]+)"/.exec(r)?.[1];
        assert.match(r, /\srole="img"/);
        assert.match(r, /\sfocusable="false"/);
        assert.match(r, new RegExp(`\\sdirection="${dir}"`));
        assert.match(r, /\sviewBox="0 0 \d+ \d+"/);
        assert.ok(svg.slice(r.length).startsWith(`<title id="${id}">`));
      });
      it(`${name} (${dir}) is deterministic: same input, same bytes, whatever was drawn in between`, () => {
        for (const [, other] of ALL) other(dir === 'ltr' ? 'rtl' : 'ltr');
        assert.equal(draw(dir), svg);
      });
      it(`${name} (${dir}) keeps every shape inside its picture`, () => {
        const [w, h] = (/viewBox="0 0 (\d+) (\d+)"/.exec(svg) ?? []).slice(1).map(Number) as [number, number];
        for (const m of svg.matchAll(/\s(x|x1|x2|cx)="([-\d.]+)"/g)) assert.ok(Number(m[2]) >= 0 && Number(m[2]) <= w, `${m[0]} within 0–${w}`);
        for (const m of svg.matchAll(/\s(y|y1|y2|cy)="([-\d.]+)"/g)) assert.ok(Number(m[2]) >= 0 && Number(m[2]) <= h, `${m[0]} within 0–${h}`);
      });
    }
  }
});

describe('right to left', () => {
  it('mirrors the bars: the first category at the right, values growing leftwards, the legend from the right', () => {
    const [ltr, rtl] = (['ltr', 'rtl'] as const).map((dir) => barSvg({ id: 'b', title: 'x' }, STAGES, [{ name: 'This', values: [70, 50, 30] }, { name: 'That', values: [60, 40, 20] }], { dir }));
    assert.ok(textX(ltr!, STAGES[0]!) < textX(ltr!, STAGES[2]!), 'first category on the left in ltr');
    assert.ok(textX(rtl!, STAGES[0]!) > textX(rtl!, STAGES[2]!), 'first category on the right in rtl');
    assert.equal(textX(rtl!, STAGES[0]!), 480 - textX(ltr!, STAGES[0]!), 'an exact mirror');
    assert.ok(textX(rtl!, 'This') > textX(rtl!, 'That'), 'legend starts at the right');
    assert.ok(textX(rtl!, '100') > 240, 'value axis on the right');
    const h = (['ltr', 'rtl'] as const).map((dir) => barSvg({ id: 'h', title: 'x' }, ['A', 'B'], [{ name: 's', values: [10, 90] }], { dir, horizontal: true }));
    assert.ok(textX(h[1]!, '0') > textX(h[1]!, '100'), 'horizontal: the value axis grows leftwards');
    assert.ok(textX(h[1]!, 'A') > textX(h[1]!, '0'), 'horizontal: category names on the right');
  });

  it('mirrors the radar: the second axis goes to the left of the first', () => {
    const [ltr, rtl] = (['ltr', 'rtl'] as const).map((dir) => radarSvg({ id: 'r', title: 'x' }, ['A', 'B', 'C', 'D'], [{ name: 's', values: [50, 50, 50, 50] }], { dir }));
    assert.equal(textX(ltr!, 'A'), 240);
    assert.ok(textX(ltr!, 'B') > 240 && textX(rtl!, 'B') < 240);
    assert.equal(textX(rtl!, 'B'), 480 - textX(ltr!, 'B'));
  });

  it('runs time, the strip plot and the timeline from the right', () => {
    const t = timeSvg({ id: 't', title: 'x' }, [{ name: 's', points: [{ x: 2020, y: 1 }, { x: 2024, y: 2 }] }], { dir: 'rtl' });
    assert.ok(textX(t, '2020') > textX(t, '2024'));
    const s = stripSvg({ id: 's', title: 'x' }, STRIP, { highlightName: 'K', othersName: 'O', boxName: 'Q', tick: (v) => String(v), dir: 'rtl' });
    assert.ok(textX(s, '0') > textX(s, '1'));
    const l = timelineSvg({ id: 'l', title: 'x' }, YEARS, COLS, ROWS, KINDS, { dir: 'rtl' });
    assert.ok(textX(l, '2025') > textX(l, '2026'));
    const bars = [...l.matchAll(/<rect x="([\d.]+)" y="(\d+)" width="([\d.]+)" height="14"/g)].map((m) => Number(m[1]) + Number(m[3]));
    assert.ok(Math.abs(bars[0]! - (480 - 32 - 2)) < 0.2, 'the first quarter begins beside the label column, on the right');
  });

  it('keeps numbers left-to-right and isolates labels of the other direction', () => {
    const rtl = barSvg({ id: 'n', title: 'x' }, ['الإطار', 'METEP 2026'], [{ name: 's', values: [-5, 40] }], { dir: 'rtl' });
    assert.ok(texts(rtl).includes('\u2066-5\u2069'), 'a number is a left-to-right isolate');
    assert.ok(texts(rtl).includes('\u2068METEP 2026\u2069'), 'a Latin label is isolated in an Arabic chart');
    assert.ok(texts(rtl).includes('الإطار'));
    const ltr = barSvg({ id: 'n', title: 'x' }, ['الإطار', 'METEP'], [{ name: 's', values: [5, 40] }]);
    assert.ok(texts(ltr).includes('\u2068الإطار\u2069') && texts(ltr).includes('METEP') && texts(ltr).includes('5'));
  });
});

describe('radarSvg', () => {
  const svg = radarSvg({ id: 'chart-pillars', title: 'Pillar scores' }, AXES, TWO);

  it('labels every axis and, with two series, shows both in a legend', () => {
    const t = texts(svg);
    for (const a of AXES) assert.ok(t.includes(a), `axis ${a}`);
    assert.ok(t.includes('2024') && t.includes('2022'));
    assert.ok(!texts(radarSvg({ id: 'one', title: 'x' }, AXES, TWO.slice(0, 1))).includes('2024'), 'no legend for one series');
  });

  it('draws one filled polygon per series, told apart by dash as well as colour (each ≥ 3:1 on white)', () => {
    const fills = [...svg.matchAll(/<path d="[^"]+" fill="(#[0-9a-f]{6})" fill-opacity="0.12"/g)].map((m) => m[1]!);
    const outlines = [...svg.matchAll(/<path d="[^"]+"(?: fill="#[0-9a-f]{6}" fill-opacity="0.12")? stroke="(#[0-9a-f]{6})" stroke-width="2"[^>]*>/g)];
    assert.equal(fills.length, 2);
    assert.equal(outlines.length, 2);
    for (const p of outlines) assert.ok(contrastOnWhite(p[1]!) >= 3);
    assert.deepEqual(new Set(outlines.map((p) => p[1])), new Set(fills));
    assert.equal(new Set(fills).size, 2);
    assert.equal(outlines.filter((p) => /stroke-dasharray/.test(p[0])).length, 1);
  });

  // Points of a path's d, as "x y".
  const points = (d: string) => [...d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m) => `${Number(m[1])} ${Number(m[2])}`);

  it('leaves a gap for a missing score instead of drawing it at 0, the centre', () => {
    const one = radarSvg({ id: 'c', title: 'x' }, ['A', 'B', 'C', 'D', 'E'], [{ name: 's', values: [100, null, 100, 0, 50] }], { noScore: 'no score' });
    const fill = /<path d="([^"]+)" fill="#1f5fa8" fill-opacity="0.12"\/>/.exec(one)?.[1] ?? '';
    const outline = /<path d="([^"]+)" stroke="#1f5fa8"/.exec(one)?.[1] ?? '';
    // The fill joins the four scores there are; a real 0 (D) is at the centre, the missing B is nowhere.
    assert.equal(points(fill).length, 4);
    assert.equal(points(fill).filter((p) => p === '0 0').length, 1);
    // The outline runs C–D–E–A and stops: no line into or out of B.
    assert.deepEqual(points(outline), points(fill).slice(1).concat(points(fill).slice(0, 1)));
    assert.equal((outline.match(/M/g) ?? []).length, 1);
    assert.ok(texts(one).includes('(no score)'), 'the unscored axis says so');
    assert.ok(!/<circle/.test(one), 'no dots when every score has a neighbour');
  });

  it('shows a score with gaps on both sides as a dot, and names an axis as unscored only when no series scores it', () => {
    const two = radarSvg({ id: 'c', title: 'x' }, ['A', 'B', 'C', 'D'], [{ name: 's', values: [80, null, 60, null] }, { name: 't', values: [50, 50, null, null] }], { noScore: 'none' });
    assert.equal((two.match(/<circle /g) ?? []).length, 2, 'A and C of the first series stand alone');
    assert.ok(/<circle cx="0" cy="-[\d.]+" r="3.5" fill="#1f5fa8"\/>/.test(two), 'A straight up');
    assert.ok(/<circle cx="0" cy="[\d.]+" r="3.5" fill="#1f5fa8"\/>/.test(two), 'C straight down');
    assert.equal(texts(two).filter((t) => t === '(none)').length, 1, 'only D is scored by neither series');
    // Two scores are too few for a fill: the second series is a single line from A to B.
    assert.ok(!/fill="#b3541e" fill-opacity/.test(two));
    assert.equal(points(/<path d="([^"]+)" stroke="#b3541e"/.exec(two)?.[1] ?? '').length, 2);
  });

  it('draws a complete series as one closed outline', () => {
    const full = radarSvg({ id: 'c', title: 'x' }, ['A', 'B', 'C'], [{ name: 's', values: [10, 20, 30] }]);
    const d = /<path d="([^"]+)" fill="#1f5fa8" fill-opacity="0.12" stroke=/.exec(full)?.[1] ?? '';
    assert.equal(points(d).length, 3);
    assert.ok(d.endsWith('Z'));
  });

  it('escapes markup in labels and in the title', () => {
    const s = radarSvg({ id: 'esc', title: 'Scores <b>&"' }, ['<b>&"', 'B', 'C'], [{ name: '<i>', values: [1, 2, 3] }, { name: 'x', values: [3, 2, 1] }]);
    assert.ok(s.includes('<title id="esc">Scores &lt;b&gt;&amp;&quot;</title>'));
    assert.ok(texts(s).includes('&lt;b&gt;&amp;&quot;'));
    assert.ok(texts(s).includes('&lt;i&gt;'));
    assert.ok(!s.includes('<b>') && !s.includes('<i>'));
  });

  it('wraps a long axis name onto several lines instead of running out of the picture', () => {
    const long = 'Информационно-разъяснительная работа, инклюзивность и потенциал';
    const t = texts(radarSvg({ id: 'w', title: 'x' }, ['A', 'B', 'C', long, 'E', 'F', 'G'], TWO));
    assert.ok(!t.includes(long));
    const lines = t.filter((x) => /[а-я]/i.test(x));
    assert.ok(lines.length >= 3, `${lines.length} lines`);
    assert.equal(lines.join(' ').replace(/- /g, '-'), long);
  });

  it('keeps a one- or two-letter prefix with its word ("e-Consultation" never ends a line with "e-")', () => {
    const t = texts(radarSvg({ id: 'h', title: 'x' }, ['A', 'F · e-Consultation', 'C', 'D'], TWO, { width: 300 }));
    assert.ok(t.length > 0);
    assert.ok(!t.some((x) => /(^|\s)e-\u2069?$/.test(x)), t.join(' | '));
    assert.ok(t.some((x) => x.includes('e-Consultation')), t.join(' | '));
  });

  it('draws axes named by a letter larger and bold, and the plot larger than with names', () => {
    const letters = radarSvg({ id: 'l', title: 'x' }, ['A', 'B', 'C', 'D', 'E', 'F', 'G'], TWO, { width: 360, height: 330 });
    const names = radarSvg({ id: 'n', title: 'x' }, AXES, TWO, { width: 360, height: 330 });
    assert.match(letters, /<text [^>]*font-size="15" font-weight="700">A<\/text>/);
    assert.doesNotMatch(names, /font-weight="700"/);
    // The outermost grid ring's radius: the first point of the first polygon is straight up from the centre.
    const outer = (svg: string) => Math.max(...[...svg.matchAll(/M0,(-[\d.]+)/g)].map((m) => -Number(m[1])));
    assert.ok(outer(letters) > outer(names) * 1.2, `${outer(letters)} vs ${outer(names)}`);
  });

  it('uses width and height from opts', () => {
    assert.match(radarSvg({ id: 'sz', title: 'x' }, AXES, TWO, { width: 600, height: 500 }), /^<svg\b[^>]*\swidth="600" height="500" viewBox="0 0 600 500"/);
  });
});

describe('barSvg', () => {
  const bars = (s: string) => [...s.matchAll(/<rect [^>]*fill="(#[0-9a-f]{6})"\/>/g)].map((m) => m[1]);

  it('labels categories and shows rounded values on a 0–100 axis', () => {
    const s = barSvg({ id: 'chart-stages', title: 'Stage scores' }, STAGES, [{ name: 'Score', values: [72.4, 55.5, 38] }]);
    const t = texts(s);
    for (const c of STAGES) assert.ok(t.includes(c), `category ${c}`);
    for (const v of ['72', '56', '38']) assert.ok(t.includes(v), `value label ${v}`);
    assert.ok(!t.includes('72.4') && !t.includes('Score'), 'integers only; no legend for one series');
    assert.ok(t.includes('100') && !t.includes('120'), 'value axis ends at 100');
  });

  it('draws no bar (and no label) for a missing score', () => {
    const full = barSvg({ id: 'b', title: 'x' }, STAGES, [{ name: 's', values: [10, 25, 30] }]);
    const gap = barSvg({ id: 'b', title: 'x' }, STAGES, [{ name: 's', values: [10, null, 30] }]);
    assert.equal(bars(full).length, 3);
    assert.equal(bars(gap).length, 2);
    assert.ok(texts(full).includes('25') && !texts(gap).includes('25') && texts(gap).includes('e-Consultation'));
  });

  it('with two series, one colour each (≥ 3:1 on white) and a legend', () => {
    const s = barSvg({ id: 'gap', title: 'Perception gap' }, ['A', 'B'], [{ name: 'Government', values: [60, 40] }, { name: 'Non-government', values: [50, null] }], { horizontal: true });
    const fills = bars(s);
    assert.equal(fills.length, 3 + 2, 'three bars and a swatch per series');
    assert.equal(new Set(fills).size, 2);
    for (const c of new Set(fills)) assert.ok(contrastOnWhite(c!) >= 3);
    assert.ok(texts(s).includes('Government') && texts(s).includes('Non-government'));
  });

  it('writes axis and bar labels with the caller\'s format on the caller\'s scale (as the table beside it)', () => {
    const s = barSvg({ id: 'g', title: 'x' }, ['A'], [{ name: 's', values: [0.625] }], { horizontal: true, max: 1, format: (v) => v.toLocaleString('fr', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) });
    const t = texts(s);
    assert.ok(t.includes('0,63') && t.includes('1,00') && t.includes('0,00'));
    assert.ok(!t.includes('63') && !t.includes('100'));
  });

  it('escapes markup in category labels', () => {
    const s = barSvg({ id: 'e', title: '<b>&"' }, ['<b>&"', 'B'], [{ name: 's', values: [1, 2] }]);
    assert.ok(texts(s).includes('&lt;b&gt;&amp;&quot;'));
    assert.ok(s.includes('<title id="e">&lt;b&gt;&amp;&quot;</title>'));
    assert.ok(!s.includes('<b>'));
  });
});

describe('timeSvg and stripSvg', () => {
  it('breaks a line at a missing value and marks each point, a shape per series', () => {
    const s = timeSvg({ id: 't', title: 'x' }, [{ name: 'a', points: [{ x: 2018, y: 10 }, { x: 2020, y: 20 }, { x: 2022, y: null }, { x: 2024, y: 30 }] }, { name: 'b', points: [{ x: 2018, y: 50 }, { x: 2024, y: 60 }] }]);
    const line = /<path d="([^"]+)" fill="none" stroke="#1f5fa8"/.exec(s)?.[1] ?? '';
    assert.equal((line.match(/M/g) ?? []).length, 2, 'two runs: 2018–2020 and 2024');
    assert.equal((s.match(/<path transform="translate\([^)]*\)" d="[^"]+" fill="#1f5fa8"\/>/g) ?? []).length, 3 + 1, 'three points and the legend');
    assert.ok(texts(s).includes('2018') && texts(s).includes('2024'));
  });

  it('draws a dot per country, the quartile box and the highlighted country', () => {
    const s = stripSvg({ id: 's', title: 'x' }, STRIP, { highlightName: 'Kenya', othersName: 'Others', boxName: 'Quartiles', tick: (v) => `${v * 100}%` });
    const dots = [...s.matchAll(/<path d="([^"]+)" stroke="#767676"[^>]*stroke-linecap="round"/g)].map((m) => (m[1]!.match(/h0/g) ?? []).length);
    assert.deepEqual(dots, [5, 2]);
    assert.equal((s.match(/fill="#e3eefa"/g) ?? []).length, 1 + 1, 'one box and the legend');
    assert.equal((s.match(/fill="#b3541e"/g) ?? []).length, 1 + 1, 'one highlight and the legend');
    assert.ok(texts(s).includes('25%') && texts(s).includes('Kenya'));
  });
});

describe('timelineSvg', () => {
  const svg = timelineSvg({ id: 'tl', title: 'Timeline' }, YEARS, COLS, ROWS, KINDS);

  it('escapes its text', () => assert.ok(texts(svg).includes('Dropped &lt;x&gt;')));

  it('draws one bar per row with a valid span, across the quarters it covers', () => {
    const bars = [...svg.matchAll(/<rect x="([\d.]+)" y="(\d+)" width="([\d.]+)" height="14"/g)];
    assert.equal(bars.length, 2, 'a bar ending before it starts is not drawn');
    assert.ok(Number(bars[1]![3]) > Number(bars[0]![3]), 'six quarters are longer than four');
  });
});
