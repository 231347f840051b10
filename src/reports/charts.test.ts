import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { barSvg, radarSvg, timelineSvg } from './charts.ts';

const AXES = ['Legal', 'Institutions', 'Channels', 'Outreach', 'e-Information', 'e-Consultation', 'e-Decision'];
const TWO = [
  { name: '2024', values: [72.4, 55, 61, null, 80, 47, 66] },
  { name: '2022', values: [60, 50, 58, 40, 70, 45, 50] },
];

// The page's CSP (style-src 'self', no inline script) blocks all of these; none may appear.
function assertCspSafe(svg: string) {
  assert.ok(!svg.includes('style='), 'no style attribute');
  assert.ok(!/<style\b/i.test(svg), 'no <style>');
  assert.ok(!/<script\b/i.test(svg), 'no <script>');
  assert.ok(!/\son[a-z]+=/i.test(svg), 'no event handler attribute');
  assert.ok(!/\sclass=/.test(svg), 'no class hooks for echarts CSS');
  assert.ok(!/href="(?!#)/.test(svg), 'no external reference');
  assert.ok(!/url\((?!#)/.test(svg), 'no external url()');
}

const texts = (svg: string) => [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

// WCAG relative luminance contrast against white.
function contrastOnWhite(hex: string): number {
  const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const l = 0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!;
  return 1.05 / (l + 0.05);
}

describe('radarSvg', () => {
  const svg = radarSvg({ id: 'chart-pillars', title: 'Pillar scores' }, AXES, TWO);

  it('is one accessible, scalable <svg> with a <title> as first child', () => {
    assert.ok(svg.startsWith('<svg'));
    assert.ok(svg.endsWith('</svg>'));
    assert.equal(svg.match(/<svg\b/g)?.length, 1);
    const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
    assert.match(root, /\srole="img"/);
    assert.match(root, /\saria-labelledby="chart-pillars"/);
    assert.match(root, /\sfocusable="false"/);
    assert.match(root, /\sviewBox="0 0 480 400"/);
    assert.match(root, /font-family="Noto Sans, Noto Sans Arabic, Noto Sans CJK SC, sans-serif"/);
    assert.ok(svg.slice(root.length).startsWith('<title id="chart-pillars">Pillar scores</title>'));
  });

  it('has nothing a strict CSP would block', () => assertCspSafe(svg));

  it('labels every axis and, with two series, shows both in a legend', () => {
    const t = texts(svg);
    for (const a of AXES) assert.ok(t.includes(a), `axis ${a}`);
    assert.ok(t.includes('2024') && t.includes('2022'));
  });

  it('draws one filled polygon per series', () => {
    const filled = (s: string) => (s.match(/<polygon\b[^>]*fill="#[0-9a-f]{6}"/g) ?? []).length;
    assert.equal(filled(svg), 2);
    assert.equal(filled(radarSvg({ id: 'one', title: 'x' }, AXES, TWO.slice(0, 1))), 1);
  });

  it('draws a missing score at 0, the centre, with no marker of its own', () => {
    const one = radarSvg({ id: 'c', title: 'x' }, ['A', 'B', 'C', 'D'], [{ name: 's', values: [100, null, 100, 0] }]);
    const points = /<polygon points="([^"]*)"/.exec(one)?.[1]?.split(' ').map(Number) ?? [];
    const xy = Array.from({ length: points.length / 2 }, (_, i) => `${points[2 * i]} ${points[2 * i + 1]}`);
    // vertices: A at the rim, B (null) at the centre, C at the rim, D (0) at the centre
    assert.equal(xy[1], xy[3]);
    assert.notEqual(xy[0], xy[1]);
    assert.ok(!/<circle\b/.test(one));
    assert.equal(texts(one).includes('s'), false, 'no legend for a single series');
  });

  it('tells series apart by dash pattern as well as colour, each colour ≥ 3:1 on white', () => {
    const strokes = [...svg.matchAll(/<polyline\b[^>]*stroke="(#[0-9a-f]{6})"/g)].map((m) => m[1]!);
    assert.equal(new Set(strokes).size, 2);
    for (const c of strokes) assert.ok(contrastOnWhite(c) >= 3, `${c} contrast ${contrastOnWhite(c).toFixed(2)}`);
    assert.equal((svg.match(/<polyline\b[^>]*stroke-dasharray=/g) ?? []).length, 1);
  });

  it('escapes markup in labels and in the title', () => {
    const s = radarSvg({ id: 'esc', title: 'Scores <b>&"' }, ['<b>&"', 'B', 'C'], [{ name: '<i>', values: [1, 2, 3] }, { name: 'x', values: [3, 2, 1] }]);
    assert.ok(s.includes('<title id="esc">Scores &lt;b&gt;&amp;&quot;</title>'));
    assert.ok(texts(s).includes('&lt;b&gt;&amp;&quot;'));
    assert.ok(texts(s).includes('&lt;i&gt;'));
    assert.ok(!s.includes('<b>') && !s.includes('<i>'));
    assertCspSafe(s);
  });

  it('passes Arabic and Chinese labels through as text', () => {
    const s = radarSvg({ id: 'i18n', title: 'المحاور' }, ['الإطار القانوني', '机构与战略', 'C'], [{ name: 'x', values: [50, 50, 50] }]);
    assert.ok(texts(s).includes('الإطار القانوني'));
    assert.ok(texts(s).includes('机构与战略'));
    assert.ok(s.includes('<title id="i18n">المحاور</title>'));
  });

  it('wraps a long axis name onto several lines instead of running out of the picture', () => {
    const long = 'Информационно-разъяснительная работа, инклюзивность и потенциал';
    const s = radarSvg({ id: 'w', title: 'x' }, ['A', 'B', 'C', long, 'E', 'F', 'G'], TWO);
    const t = texts(s);
    assert.ok(!t.includes(long));
    const lines = t.filter((x) => /[а-я]/i.test(x ?? ''));
    assert.ok(lines.length >= 3, `${lines.length} lines`);
    assert.equal(lines.join(' ').replace(/- /g, '-'), long);
  });

  it('is deterministic: same input, same bytes, whatever was rendered before', () => {
    const again = radarSvg({ id: 'chart-pillars', title: 'Pillar scores' }, AXES, TWO);
    barSvg({ id: 'other', title: 'x' }, ['a'], [{ name: 'a', values: [1] }]);
    assert.equal(radarSvg({ id: 'chart-pillars', title: 'Pillar scores' }, AXES, TWO), again);
    assert.equal(again, svg);
    assert.ok(!/zr\d+-/.test(svg), 'no zrender instance-numbered ids');
  });

  it('uses width and height from opts', () => {
    const s = radarSvg({ id: 'sz', title: 'x' }, AXES, TWO, { width: 600, height: 500 });
    assert.match(s, /^<svg\b[^>]*\swidth="600" height="500" viewBox="0 0 600 500"/);
  });
});

describe('barSvg', () => {
  const CATS = ['e-Information', 'e-Consultation', 'e-Decision-making'];
  const barsOf = (s: string, colour: string) => (s.match(new RegExp(`<path\\b[^>]*fill="${colour}"`, 'g')) ?? []).length;

  it('is accessible, CSP-safe, labels categories and shows rounded values', () => {
    const s = barSvg({ id: 'chart-stages', title: 'Stage scores' }, CATS, [{ name: 'Score', values: [72.4, 55.5, 38] }]);
    assert.ok(s.startsWith('<svg') && s.endsWith('</svg>'));
    assert.match(s, /^<svg\b[^>]*\srole="img" aria-labelledby="chart-stages" focusable="false"/);
    assert.ok(s.includes('<title id="chart-stages">Stage scores</title>'));
    assertCspSafe(s);
    const t = texts(s);
    for (const c of CATS) assert.ok(t.includes(c), `category ${c}`);
    for (const v of ['72', '56', '38']) assert.ok(t.includes(v), `value label ${v}`);
    assert.ok(!t.includes('72.4') && !t.includes('Score'), 'integers only; no legend for one series');
    assert.ok(t.includes('100') && !t.includes('120'), 'value axis ends at 100');
  });

  it('draws no bar (and no label) for a missing score', () => {
    const full = barSvg({ id: 'b', title: 'x' }, CATS, [{ name: 's', values: [10, 25, 30] }]);
    const gap = barSvg({ id: 'b', title: 'x' }, CATS, [{ name: 's', values: [10, null, 30] }]);
    assert.equal(barsOf(full, '#1f5fa8'), 3);
    assert.equal(barsOf(gap, '#1f5fa8'), 2);
    assert.ok(texts(full).includes('25') && !texts(gap).includes('25') && texts(gap).includes('e-Consultation'));
  });

  it('with two series, one colour each (≥ 3:1 on white) and a legend', () => {
    const s = barSvg({ id: 'gap', title: 'Perception gap' }, ['A', 'B'], [
      { name: 'Government', values: [60, 40] },
      { name: 'Non-government', values: [50, null] },
    ], { horizontal: true });
    const fills = [...new Set([...s.matchAll(/<path\b[^>]*\sfill="(#[0-9a-f]{6})"/g)].map((m) => m[1]!))];
    assert.equal(fills.length, 2);
    for (const c of fills) assert.ok(contrastOnWhite(c) >= 3, `${c} contrast ${contrastOnWhite(c).toFixed(2)}`);
    // 2 + 1 bars plus one legend swatch per series
    assert.equal(barsOf(s, fills[0]!) + barsOf(s, fills[1]!), 3 + 2);
    assert.ok(texts(s).includes('Government') && texts(s).includes('Non-government'));
    assertCspSafe(s);
  });

  it('escapes markup in category labels and is deterministic', () => {
    const make = () => barSvg({ id: 'e', title: '<b>&"' }, ['<b>&"', 'عربي'], [{ name: 's', values: [1, 2] }]);
    const s = make();
    assert.ok(texts(s).includes('&lt;b&gt;&amp;&quot;'));
    assert.ok(texts(s).includes('عربي'));
    assert.ok(s.includes('<title id="e">&lt;b&gt;&amp;&quot;</title>'));
    assert.ok(!s.includes('<b>'));
    assert.equal(make(), s);
  });
});

describe('timelineSvg', () => {
  const legend = { planned: 'Planned', in_progress: 'In progress', done: 'Done', dropped: 'Dropped <x>' };
  const cols = ['Q1', 'Q2', 'Q3', 'Q4', 'Q1', 'Q2', 'Q3', 'Q4'];
  const svg = timelineSvg({ id: 'tl', title: 'Timeline' }, [{ label: '2025', span: 4 }, { label: '2026', span: 4 }], cols, [
    { label: '1', from: 0, to: 3, kind: 'done' },
    { label: '2', from: 2, to: 7, kind: 'in_progress' },
    { label: '3', from: 5, to: 4, kind: 'planned' },
  ], legend);

  it('is CSP-clean, named by its title and escapes its text', () => {
    assertCspSafe(svg);
    assert.match(/^<svg\b[^>]*>/.exec(svg)?.[0] ?? '', /aria-labelledby="tl"/);
    assert.ok(texts(svg).includes('Dropped &lt;x&gt;'));
  });

  it('draws one bar per row with a valid span, across the quarters it covers, and the same bytes every time', () => {
    const bars = [...svg.matchAll(/<rect x="([\d.]+)" y="(\d+)" width="([\d.]+)" height="14"/g)];
    assert.equal(bars.length, 2, 'a bar ending before it starts is not drawn');
    assert.ok(Number(bars[1]![3]) > Number(bars[0]![3]), 'six quarters are longer than four');
    assert.equal(svg, timelineSvg({ id: 'tl', title: 'Timeline' }, [{ label: '2025', span: 4 }, { label: '2026', span: 4 }], cols, [
      { label: '1', from: 0, to: 3, kind: 'done' },
      { label: '2', from: 2, to: 7, kind: 'in_progress' },
      { label: '3', from: 5, to: 4, kind: 'planned' },
    ], legend));
  });
});
