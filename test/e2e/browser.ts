/**
 * Headless Chromium for the end-to-end suite: Debian's `/usr/bin/chromium`
 * (Playwright cannot download its own build here) driven by playwright-core,
 * with the flags `scripts/screenshots.mjs` uses.
 */
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`). */
export const chromiumPath = '/usr/bin/chromium';

/** Starts headless Chromium; close it in `afterAll`. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The colour schemes every page is checked in (`prefers-color-scheme`). */
export const colorSchemes = ['light', 'dark'] as const;
