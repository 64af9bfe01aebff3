/**
 * The end-to-end suite (`npm run test:e2e`): quality gates on the built site in
 * headless Chromium — accessibility (axe-core, WCAG 2.1 A/AA, light and dark),
 * keyboard use, phone layout, print, links and contact data in `dist/`.
 * Expects a built `dist/` (`npm run build`); `test/e2e/global-setup.ts` serves
 * it with `astro preview` and stops it afterwards. Kept out of `npm test`
 * (vitest.config.ts), which needs no browser.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    // One browser at a time: CI has 2 cores, and the files share one preview server.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
