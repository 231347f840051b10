// PDF by Chromium printing the report's HTML (playwright-core driving Debian's chromium; DESIGN.md §2):
// Chromium shapes Arabic and lays out right-to-left and CJK text as the browser does, and embeds the
// subset of the Noto fonts it used. One browser is kept running between reports (launching is most of a
// cold PDF); finished PDFs are kept by a key the caller derives from everything the report shows, so a
// changed assessment is a new key and nothing stale is served. Without Chromium, PdfUnavailable says so
// and callers offer the HTML to print instead.
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

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

// playwright-core is loaded with the first print, not when the server starts: most servers print rarely,
// and loading it cost every start-up time and memory (bench/startup.ts).
async function launch(path: string): Promise<Browser> {
  if (!existsSync(path)) throw new PdfUnavailable(`Chromium not found at ${path}`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: path, args: FLAGS }).catch((e: unknown) => {
    throw new PdfUnavailable(`Chromium at ${path} did not start: ${(e as Error).message}`);
  });
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

// The running header and the page numbers are CSS page-margin boxes of the document itself, not Chromium's
// header and footer templates: those are laid out as a separate little document on every page, which cost
// a measurable part of a 40-page print (bench/README.md). The margin boxes take the page's fonts and
// direction; the strings go in as CSS strings, escaped so no text can end the rule or the <style>.
const cssString = (s: string) => `"${s.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

function frameCss(f: TPrintFrame): string {
  const pageOf = f.pageOf
    .split(/(\{page\}|\{pages\})/)
    .filter(Boolean)
    .map((part) => (part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)))
    .join(' ');
  const box = 'font-family: "Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", sans-serif; font-size: 8pt; color: #555;';
  return `@page { @top-center { content: ${cssString(f.header)}; ${box} } @bottom-center { content: ${pageOf}; ${box} } }`;
}

// One page is kept and reused for every print (opening a page is part of every warm print); prints take
// turns on it, so two requests never write into the same page at once.
let kept: { browser: Browser; page: Page } | undefined;
let turn: Promise<unknown> = Promise.resolve();

async function keptPage(b: Browser): Promise<Page> {
  if (kept?.browser === b && !kept.page.isClosed()) return kept.page;
  kept = { browser: b, page: await b.newPage() };
  return kept.page;
}

/** Prints a complete HTML document to an A4 PDF with a running header and page numbers. */
export function printPdf(chromiumPath: string, html: string, f: TPrintFrame): Promise<Buffer> {
  const run = turn.then(async () => {
    const b = await running(chromiumPath);
    const page = await keptPage(b);
    try {
      const framed = html.replace('</head>', () => `<style>${frameCss(f)}</style></head>`);
      await page.setContent(framed, { waitUntil: 'load' });
      // The stylesheet's @page gives the size and margins (A4, room for the header and the page numbers).
      return await page.pdf({ printBackground: true, preferCSSPageSize: true });
    } catch (e) {
      // A page that failed is not reused: the next print opens a fresh one.
      kept = undefined;
      await page.close().catch(() => undefined);
      throw e;
    } finally {
      touch();
    }
  });
  turn = run.catch(() => undefined);
  return run;
}

/** Closes the kept browser (the CLI and tests call this before exiting). */
export async function closePdfBrowser(): Promise<void> {
  clearTimeout(idle);
  const b = await browser?.catch(() => undefined);
  browser = undefined;
  kept = undefined;
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
