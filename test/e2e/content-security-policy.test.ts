/**
 * Issue #22: the Content-Security-Policy every page carries (src/lib/publish/content-security-policy.ts)
 * leaves the site working in headless Chromium: the search (Pagefind's script, worker and
 * WebAssembly) finds results, the citation's copy buttons appear, and no page kind reports
 * a CSP violation (event or console message).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { discoverPages } from './dist-files';

const baseUrl = inject('baseUrl');
const dist = inject('dist');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens `path` and collects every CSP violation the page reports, as event and as console message. */
async function openWatched(path: string): Promise<{ page: Page; violations: string[] }> {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto(`${baseUrl}${path}`);
  return { page, violations };
}

describe('Content-Security-Policy in the browser', () => {
  it('lets the search find results with no violation', async () => {
    const { page, violations } = await openWatched('/suche/?q=Pr%C3%A4vention');
    await page.waitForSelector('#suche-ergebnisse li', { timeout: 30_000 });
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("'wasm-unsafe-eval'");
    expect(violations).toEqual([]);
    await page.close();
  });

  it('shows the citation copy buttons (a same-origin script) with no violation', async () => {
    const resolution = discoverPages(dist).find((path) => path.startsWith('/beschluesse/') && path.split('/').length > 3);
    expect(resolution).toBeDefined();
    const { page, violations } = await openWatched(resolution!);
    await expect.poll(() => page.locator('button[data-copy]:visible').count()).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('blocks and reports an inline script, so the checks above can see a violation', async () => {
    const { page, violations } = await openWatched('/');
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
      return new Promise<boolean>((done) => setTimeout(() => done(Boolean((window as unknown as { inlineRan?: boolean }).inlineRan)), 200));
    });
    expect(ran).toBe(false);
    expect(violations.join('\n')).toMatch(/script-src/);
    await page.close();
  });

  it.each(discoverPages(dist))('loads %s with no violation', async (path) => {
    const { page, violations } = await openWatched(path);
    await page.waitForLoadState('load');
    expect(violations).toEqual([]);
    await page.close();
  });
});
