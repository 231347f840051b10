// PDF by Chromium printing the report's HTML (playwright-core driving Debian's chromium; DESIGN.md §2):
// Chromium shapes Arabic and lays out right-to-left and CJK text as the browser does, and embeds the
// subset of the Noto fonts it used. One browser is kept running between reports (launching is most of a
// cold PDF); finished PDFs are kept by a key the caller derives from everything the report shows, so a
// changed assessment is a new key and nothing stale is served. Without Chromium, PdfUnavailable says so
// and callers offer the HTML to print instead.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Chromium is not installed or cannot start: the report is available as HTML to print instead. */
export class PdfUnavailable extends Error {}

/** What the printed pages carry besides the document: a running header and "page X of Y" in its language. */
export interface TPrintFrame {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The running header (plain text). */
  header: string;
  /** "Page {page} of {pages}" in the document's language, with those two markers where the numbers go. */
  pageOf: string;
}

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
let browser: Promise<Browser> | undefined;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function launch(path: string): Promise<Browser> {
  if (!existsSync(path)) return Promise.reject(new PdfUnavailable(`Chromium not found at ${path}`));
  const b = chromium.launch({ executablePath: path, args: FLAGS }).catch((e: unknown) => {
    throw new PdfUnavailable(`Chromium at ${path} did not start: ${(e as Error).message}`);
  });
  return b;
}

// The kept browser closes itself after a quiet spell, so a process that printed one report (a test, a
// server that is stopping) is not held open by it, and an idle server does not keep Chromium's memory.
const IDLE_MS = 20_000;
let idle: NodeJS.Timeout | undefined;

function touch(): void {
  clearTimeout(idle);
  idle = setTimeout(() => void closePdfBrowser(), IDLE_MS);
  idle.unref();
}

async function running(path: string): Promise<Browser> {
  touch();
  if (browser) {
    const b = await browser.catch(() => undefined);
    if (b?.isConnected()) return b;
  }
  browser = launch(path);
  browser.catch(() => (browser = undefined));
  return browser;
}

// Header and footer are rendered by Chromium apart from the page, in a tiny document of their own: they
// need their own font size, direction and font list (the page's stylesheet does not reach them).
function frame(f: TPrintFrame, body: string): string {
  return `<div lang="${escape(f.lang)}" dir="${f.dir}" style="font-family:'Noto Sans','Noto Sans Arabic','Noto Sans CJK SC',sans-serif;font-size:8pt;color:#555;inline-size:100%;margin-inline:16mm;text-align:center">${body}</div>`;
}

/** Prints a complete HTML document to an A4 PDF with a running header and page numbers. */
export async function printPdf(chromiumPath: string, html: string, f: TPrintFrame): Promise<Buffer> {
  const b = await running(chromiumPath);
  const page = await b.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const pageOf = escape(f.pageOf).replace('{page}', '<span class="pageNumber"></span>').replace('{pages}', '<span class="totalPages"></span>');
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: frame(f, escape(f.header)),
      footerTemplate: frame(f, pageOf),
      margin: { top: '20mm', bottom: '20mm', left: '16mm', right: '16mm' },
    });
  } finally {
    await page.close();
    touch();
  }
}

/** Closes the kept browser (the CLI and tests call this before exiting). */
export async function closePdfBrowser(): Promise<void> {
  clearTimeout(idle);
  const b = await browser?.catch(() => undefined);
  browser = undefined;
  await b?.close();
}

const KEEP = 16;
const cache = new Map<string, Buffer>();

/** A PDF kept under `key` (the caller's fingerprint of the report's content and language), made once. */
export async function cachedPdf(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const pdf = await make();
  cache.set(key, pdf);
  if (cache.size > KEEP) cache.delete(cache.keys().next().value as string);
  return pdf;
}
