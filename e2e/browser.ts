// Browser-test helpers: a real METEP server on a temp SQLite file and Debian's Chromium driven by
// playwright-core, with axe-core injected from node_modules (no download at run time). Without Chromium
// the tests skip locally and fail in CI.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../src/config.ts';
import { start, type Running } from '../src/server.ts';
import { CHROMIUM, launchChromium } from '../test/support/chromium.ts';
import { freePort } from '../test/support/server-process.ts';

/** Why browser tests cannot run here, or undefined when they can. In CI a missing browser is an error. */
export function browserSkip(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${CHROMIUM} is missing: install the Debian chromium package`);
  return `no Chromium at ${CHROMIUM}`;
}

/** A running app on a fresh database, plus a launched browser. */
export interface E2E {
  app: Running;
  base: string;
  setupUrl: string | undefined;
  browser: Browser;
  dir: string;
  close(): Promise<void>;
}

/** Starts the app (SQLite in a temp folder, or a fresh schema on TEST_DATABASE_URL) and Chromium. */
export async function startE2E(env: Record<string, string> = {}, dialect: 'sqlite' | 'postgres' = 'sqlite'): Promise<E2E> {
  const dir = mkdtempSync(join(tmpdir(), 'metep-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const pgUrl = process.env.TEST_DATABASE_URL;
  const schema = `e2e_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const database = dialect === 'postgres' && pgUrl ? { DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema } : { DATABASE_URL: join(dir, 'e2e.sqlite') };
  const config = loadConfig({ PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base, LOG_LEVEL: 'silent', ...database, ...env });
  let setupUrl: string | undefined;
  const app = await start(config, { setup: (u) => (setupUrl = u) });
  const browser = await launchChromium();
  return {
    app,
    base,
    setupUrl,
    browser,
    dir,
    close: async () => {
      await browser.close();
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
      if (dialect === 'postgres' && pgUrl) {
        const c = new pg.Client({ connectionString: pgUrl });
        await c.connect();
        await c.query(`drop schema if exists ${schema} cascade`);
        await c.end();
      }
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe (WCAG 2.0/2.1 A and AA rules) on the page and returns the violations, summarised. */
export async function axe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }> } };
    return w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}
