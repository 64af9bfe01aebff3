/**
 * Astro integration that keeps published URLs working (`src/lib/checks/permalinks.ts`):
 * - `astro:config:setup`: turns `redirects.yaml` into Astro `redirects`, which a
 *   static build writes as small meta-refresh pages
 *   (https://docs.astro.build/en/reference/configuration-reference/#redirects);
 * - `astro:build:done`: fails the build when a path in `permalinks.txt` has no
 *   page and no redirect, or a redirect leads nowhere; warns about new pages
 *   missing from the list (`npm run permalinks:update`).
 *
 * Without `permalinks.txt` (e.g. a test project copy) the check is skipped with a warning.
 * Registered in `astro.config.mjs`: `integrations: [mdx(), permalinks()]`.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import {
  astroRedirects,
  checkPermalinks,
  listBuiltPages,
  loadPermalinks,
  loadRedirects,
  permalinkError,
  registryFile,
  updatePermalinks,
  type Redirect,
} from '../lib/checks/permalinks';

/** The integration; see the module comment. */
export function permalinks(): AstroIntegration {
  let root = '.';
  let redirects: Redirect[] = [];
  return {
    name: 'om-permalinks',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        root = fileURLToPath(config.root);
        redirects = loadRedirects(root);
        if (redirects.length > 0) updateConfig({ redirects: { ...config.redirects, ...astroRedirects(redirects) } });
      },
      'astro:build:done': ({ dir, logger }) => {
        const registry = loadPermalinks(root);
        if (!registry) {
          logger.warn(`no ${registryFile} in ${root}: published URLs are not checked. Fix: run \`npm run permalinks:update\` and commit ${registryFile}.`);
          return;
        }
        const built = listBuiltPages(fileURLToPath(dir));
        const problems = checkPermalinks({ registry, pages: new Set(built), redirects });
        // Throwing here makes `astro build` exit non-zero.
        if (problems.length > 0) throw permalinkError(problems);
        const { added } = updatePermalinks(registry, built);
        if (added.length > 0) {
          logger.warn(
            `${added.length} new ${added.length === 1 ? 'page is' : 'pages are'} not in ${registryFile} yet (${added.slice(0, 3).join(', ')}${added.length > 3 ? ', …' : ''}). Fix: run \`npm run permalinks:update\` and commit ${registryFile}.`,
          );
        } else {
          logger.info(`${registry.length} permanent URLs checked.`);
        }
      },
    },
  };
}
