/**
 * `npm run permalinks:update`: builds the site, then adds every permanent page of
 * `dist/` (meetings, resolutions, people, organisations, topics, committees,
 * matters and their section pages) to `permalinks.txt`. Never removes a line: a
 * URL that was published stays in the list, and the build fails if it loses its
 * page without a redirect (`src/integrations/permalinks.ts`).
 *
 * Run alone (`node scripts/permalinks-update.ts [--root <dir>]`) it reads the
 * existing `dist/` of the project at `--root` (default: current directory).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatPermalinks, listBuiltPages, loadPermalinks, registryFile, updatePermalinks } from '../src/lib/checks/permalinks.ts';

const { values } = parseArgs({ options: { root: { type: 'string', default: '.' } } });
const root = resolve(values.root);
const dist = join(root, 'dist');

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`permalinks:update: ${dist}/index.html not found. Fix: run \`npm run build\` first.`);
  process.exit(1);
}

const registry = loadPermalinks(root) ?? [];
const { paths, added } = updatePermalinks(registry, listBuiltPages(dist));
writeFileSync(join(root, registryFile), formatPermalinks(paths));
for (const path of added) console.log(`permalinks:update: + ${path}`);
console.log(`permalinks:update: ${registryFile}: ${paths.length} URLs, ${added.length} added. Review and commit it.`);
