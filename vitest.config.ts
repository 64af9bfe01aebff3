/**
 * One vitest config for the whole project: unit tests live under `test/`
 * (`test/site/` for the website's `src/lib`, `test/import/` for the importer).
 * The browser suite `test/e2e/` has its own config (vitest.e2e.config.ts, `npm run test:e2e`).
 */
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'test/e2e/**'],
  },
});
