/**
 * The two projects the benchmark builds, both in temporary folders sharing the
 * repository's node_modules:
 *
 * - the archive: a copy of this project whose `content/` is a generated archive;
 * - the floor: a bare Astro site that renders the same MDX files with one plain
 *   layout, a permissive schema and a stub `<Resolution>`: what any Astro 7 + MDX
 *   site pays for these files, whatever it does with them.
 *
 * Each gets its own Astro `cacheDir` and Vite `cacheDir`, so that neither shares a
 * content data store or dependency cache with the repository or with each other.
 */
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repo = resolve(import.meta.dirname, '../..');

/** What is copied from the repository into the archive project (`content/` is generated). */
const projectEntries = ['src', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json', 'pagefind.yml', 'pagefind.json'];

/** Writes an `astro.config.mjs` that wraps `astro.config.base.mjs` with private cache folders. */
function privateCacheConfig(root: string): void {
  writeFileSync(
    join(root, 'astro.config.mjs'),
    [
      '// Written by scripts/bench: the project config with caches of its own (not node_modules/.astro, .vite).',
      "import config from './astro.config.base.mjs';",
      "export default { ...config, cacheDir: './.cache/astro', vite: { ...config.vite, cacheDir: './.cache/vite' } };",
      '',
    ].join('\n'),
  );
}

/**
 * Makes `root` a copy of the archive project, with the editorial pages but without the
 * archive's content (the caller generates it into `root/content`).
 * @example createArchiveProject('/tmp/om-bench-x/archive')
 */
export function createArchiveProject(root: string): void {
  mkdirSync(root, { recursive: true });
  for (const entry of projectEntries) {
    if (existsSync(join(repo, entry))) cpSync(join(repo, entry), join(root, entry), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  cpSync(join(root, 'astro.config.mjs'), join(root, 'astro.config.base.mjs'));
  privateCacheConfig(root);
  // The editorial pages (Impressum, Datenschutz, …) belong to every site, not to the generated data.
  cpSync(join(repo, 'content/pages'), join(root, 'content/pages'), { recursive: true });
}

/** Markdown processor of a floor project: Astro's default (Sätteri), or unified + remark-gfm as the archive uses. */
export type FloorProcessor = 'default' | 'unified';

/** The floor's Astro config. */
function floorConfig(processor: FloorProcessor): string {
  if (processor === 'default') {
    return [
      "import { defineConfig } from 'astro/config';",
      "import mdx from '@astrojs/mdx';",
      '',
      'export default defineConfig({ integrations: [mdx()] });',
      '',
    ].join('\n');
  }
  return [
    "import { defineConfig } from 'astro/config';",
    "import mdx from '@astrojs/mdx';",
    "import { unified } from '@astrojs/markdown-remark';",
    "import remarkGfm from 'remark-gfm';",
    '',
    '// The archive\'s processor without its own plugins: separates the cost of unified from the cost of the archive.',
    'export default defineConfig({',
    '  integrations: [mdx()],',
    '  markdown: { processor: unified({ remarkPlugins: [remarkGfm], smartypants: false }) },',
    '});',
    '',
  ].join('\n');
}

/**
 * Makes `root` a floor project: Astro + @astrojs/mdx (default settings, or the unified
 * processor), one collection over `protocolsDir` (absolute), one `[id].astro` page per entry.
 */
export function createFloorProject(root: string, protocolsDir: string, processor: FloorProcessor = 'default'): void {
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify({ name: 'om-bench-floor', private: true, type: 'module' }, null, 2)}\n`,
    'astro.config.base.mjs': floorConfig(processor),
    'src/content.config.ts': [
      "import { defineCollection } from 'astro:content';",
      "import { glob } from 'astro/loaders';",
      "import { z } from 'astro/zod';",
      '',
      'const protocols = defineCollection({',
      `  loader: glob({ pattern: '*.mdx', base: ${JSON.stringify(protocolsDir)} }),`,
      '  schema: z.looseObject({ title: z.string() }),',
      '});',
      '',
      'export const collections = { protocols };',
      '',
    ].join('\n'),
    'src/components/Resolution.astro': [
      '---',
      'const { id, kind } = Astro.props;',
      '---',
      '<div class="resolution" id={id}><p>{kind}</p><slot /></div>',
      '',
    ].join('\n'),
    'src/layouts/Plain.astro': [
      '---',
      'const { title } = Astro.props;',
      '---',
      '<html lang="de">',
      '  <head><meta charset="utf-8" /><title>{title}</title></head>',
      '  <body><main><h1>{title}</h1><slot /></main></body>',
      '</html>',
      '',
    ].join('\n'),
    'src/pages/[id].astro': [
      '---',
      "import { getCollection, render } from 'astro:content';",
      "import Resolution from '../components/Resolution.astro';",
      "import Plain from '../layouts/Plain.astro';",
      '',
      'export async function getStaticPaths() {',
      "  const entries = await getCollection('protocols');",
      '  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));',
      '}',
      '',
      'const { entry } = Astro.props;',
      'const { Content } = await render(entry);',
      '---',
      '<Plain title={entry.data.title}><Content components={{ Resolution }} /></Plain>',
      '',
    ].join('\n'),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  privateCacheConfig(root);
}

/** Removes a project's build output and caches, so that the next build starts cold. */
export function cleanBuild(root: string): void {
  for (const entry of ['dist', '.cache', '.astro']) rmSync(join(root, entry), { recursive: true, force: true });
}
