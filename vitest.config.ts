/**
 * One vitest config for the whole project: unit tests live under `test/`
 * (`test/site/` for the website's `src/lib`, `test/import/` for the importer).
 * The browser suite `test/e2e/` has its own config (vitest.e2e.config.ts, `npm run test:e2e`).
 */
import { readFileSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    {
      // @actions/workflow-parser (test/deploy/workflows.test.ts) ships source maps without their
      // sources: read without them, its files print no warning each in every test run.
      name: 'workflow-parser-without-source-maps',
      load(id) {
        if (!id.includes('/@actions/workflow-parser/') || !id.endsWith('.js')) return null;
        return { code: readFileSync(id.split('?')[0], 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, ''), map: null };
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'test/e2e/**'],
    // @actions/workflow-parser imports its schema JSON without `with { type: 'json' }`, which Node
    // refuses; inlined, Vite loads it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
