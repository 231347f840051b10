// Side by side in one process: the report HTML of an earlier commit printed the earlier way (a new page per
// PDF, Chromium's header/footer templates: the code is copied here) against this commit's printPdf on this
// commit's HTML, alternating, one warm-up then ROUNDS (7) rounds, medians. The HTML directories come from
// bench/report-html.ts run at each commit.
// Usage: npx tsx bench/report-pdf-compare.ts OLD_DIR NEW_DIR
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { closePdfBrowser, printPdf } from '../src/reports/pdf.ts';
import { t } from '../src/i18n/index.ts';
const [oldDir, newDir] = [process.argv[2] ?? '', process.argv[3] ?? ''];
if (!oldDir || !newDir) throw new Error('usage: npx tsx bench/report-pdf-compare.ts OLD_DIR NEW_DIR');
const ROUNDS = Number(process.env.ROUNDS ?? 7);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const frame = (lang: string, dir: string, body: string) => `<div lang="${lang}" dir="${dir}" style="font-family:'Noto Sans','Noto Sans Arabic','Noto Sans CJK SC',sans-serif;font-size:8pt;color:#555;inline-size:100%;margin-inline:16mm;text-align:center">${body}</div>`;
const med = (xs: number[]) => [...xs].sort((a, c) => a - c)[Math.floor(xs.length / 2)]!;
for (const lang of ['en', 'ar', 'zh'] as const) {
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const header = readFileSync(`${oldDir}/${lang}.header.txt`, 'utf8');
  const oldHtml = readFileSync(`${oldDir}/${lang}.html`, 'utf8');
  const newHtml = readFileSync(`${newDir}/${lang}.html`, 'utf8');
  const pageOf = t(lang, 'report.page_of', { page: '{page}', pages: '{pages}' });
  const old: number[] = [], now: number[] = [];
  let sizes = [0, 0];
  for (let i = -1; i < ROUNDS; i++) {
    let t0 = performance.now();
    const page = await b.newPage();
    await page.setContent(oldHtml, { waitUntil: 'load' });
    const p1 = await page.pdf({ format: 'A4', printBackground: true, displayHeaderFooter: true, headerTemplate: frame(lang, dir, esc(header)), footerTemplate: frame(lang, dir, esc(pageOf).replace('{page}', '<span class="pageNumber"></span>').replace('{pages}', '<span class="totalPages"></span>')), margin: { top: '20mm', bottom: '20mm', left: '16mm', right: '16mm' } });
    await page.close();
    const a = performance.now() - t0;
    t0 = performance.now();
    const p2 = await printPdf('/usr/bin/chromium', newHtml, { lang, dir, header, pageOf });
    const c = performance.now() - t0;
    sizes = [p1.length, p2.length];
    if (i >= 0) { old.push(a); now.push(c); }
  }
  console.log(`${lang}: before ${Math.round(med(old))} ms (${old.map(Math.round).join(', ')}), ${Math.round(sizes[0]! / 1024)} KB | after ${Math.round(med(now))} ms (${now.map(Math.round).join(', ')}), ${Math.round(sizes[1]! / 1024)} KB`);
}
await b.close();
await closePdfBrowser();
