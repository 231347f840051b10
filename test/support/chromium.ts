// Launching Debian's Chromium through playwright-core, shared by the browser tests (e2e/) and the page
// benchmarks (bench/), which must not depend on each other's files. Never downloads a browser.
import { chromium, type Browser } from 'playwright-core';

/** Where Debian installs Chromium. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launches headless Chromium with the flags these machines need; playwright gives every launch a fresh
 * temporary --user-data-dir itself (passing one hangs). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
