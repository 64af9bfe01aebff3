/**
 * One vitest config for the whole project: unit tests live under `test/`
 * (`test/site/` for the website's `src/lib`, `test/import/` for the importer).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
  },
});
