/**
 * Phone layout and privacy of every page kind found in `dist/`: no horizontal
 * scrolling at 375 px (and at 320 px, the WCAG 1.4.10 reflow width), in light
 * and dark, and no request to any host but the site's own (no fonts, CDNs,
 * trackers).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { colorSchemes, launchBrowser } from './browser';
import { discoverPages } from './dist-files';

const baseUrl = inject('baseUrl');
const pages = discoverPages(inject('dist'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(colorSchemes)('%s colour scheme', (colorScheme) => {
  describe.each([375, 320])('%i px wide', (width) => {
    it.each(pages)('%s does not scroll sideways and requests nothing from elsewhere', async (path) => {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
      const page = await context.newPage();
      const external: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).host !== new URL(baseUrl).host) external.push(request.url());
      });
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - window.innerWidth,
        // The widest element sticking out on the right, to say what to fix.
        culprit: [...document.querySelectorAll('body *')]
          .map((element) => ({ element, right: element.getBoundingClientRect().right }))
          .filter(({ right }) => right > window.innerWidth + 0.5)
          .sort((a, b) => b.right - a.right)
          .map(({ element, right }) => `${element.tagName.toLowerCase()}.${element.className} (right edge ${Math.round(right)} px)`)[0],
      }));
      expect(overflow.page, `${path} is ${overflow.page}px wider than the screen; widest: ${overflow.culprit}`).toBeLessThanOrEqual(0);
      expect(external).toEqual([]);
      await context.close();
    });
  });
});
