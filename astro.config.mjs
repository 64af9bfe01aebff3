// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { permalinks } from './src/integrations/permalinks.ts';
import { dataStoreAtRuntime } from './src/integrations/data-store-at-runtime.ts';
import { incrementalPages } from './src/integrations/incremental-pages.ts';
import { siteUrl } from './src/site-config.ts';
import { rehypeDropUnsafeUrls } from './src/lib/text/rehype-safe-urls.ts';

/**
 * The public base URL of the archive, set in one place: `publicUrl` in src/site-config.ts, or the
 * `SITE` environment variable at build time, which overrides it
 * (`SITE=https://protokolle.example.org npm run build`). Neither set: a local preview URL, which
 * `npm run check:publish` refuses to publish.
 */
const site = siteUrl() ?? 'http://localhost:4321';

// Incremental build (issue #14): a page or file whose data is unchanged since the last build stays in
// dist/ instead of being generated again (src/integrations/incremental-pages.ts, src/lib/views/incremental.ts);
// a change to code or settings, or `astro build --force`, builds everything. Astro lists only the pages it
// generated, so the kept ones are handed to the sitemap.
const incremental = incrementalPages();

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Render up to four pages at a time: the page loop otherwise waits on each page's file
  // write (about 8 s of idle main thread at 2,000 protocols, BENCHMARKS.md). The pages do
  // not depend on render order (shared indexes are built once, on first use).
  // Stylesheets always as files, never inlined as <style>: the Content-Security-Policy allows no
  // inline style (src/lib/publish/content-security-policy.ts).
  build: { concurrency: 4, inlineStylesheets: 'never' },
  // mdx: editorial pages written in MDX (content/pages/). Protocols do not go through it: their
  // loader renders them with the archive's own pipeline (src/lib/text/protocol-loader.ts, issue #14).
  // incremental: before sitemap and permalinks, which read what it keeps and removes in dist/.
  // sitemap: writes sitemap-index.xml for the HTML pages (named in robots.txt, src/pages/robots.txt.ts).
  // permalinks: redirects from redirects.yaml; fails the build when a URL in permalinks.txt has no page.
  // dataStoreAtRuntime: page generation reads the content data store from its file instead of a
  // copy bundled into the build (the build's memory peak, issue #14; src/integrations/data-store-at-runtime.ts).
  integrations: [mdx(), incremental, sitemap({ customPages: incremental.keptPageUrls }), permalinks(), dataStoreAtRuntime()],
  markdown: {
    // Astro 7 renders with Sätteri by default, which runs no remark plugins; the unified
    // processor keeps remark-gfm for editorial MDX pages, as in the protocols' pipeline.
    // SmartyPants is off: it would turn German quotes into English ones.
    // rehypeDropUnsafeUrls: an editorial page's link to anything but http(s), mailto, a relative or
    // # URL becomes its text, as in protocols (issue #22, src/lib/text/rehype-safe-urls.ts).
    processor: unified({ remarkPlugins: [remarkGfm], rehypePlugins: [rehypeDropUnsafeUrls], smartypants: false }),
  },
  vite: {
    build: {
      // No script inlined into the HTML (Astro inlines small ones by default): a page runs only
      // same-origin script files, which the Content-Security-Policy's `script-src 'self'` allows
      // (the copy buttons of Citation.astro; src/lib/publish/content-security-policy.ts).
      assetsInlineLimit: 0,
      rolldownOptions: {
        onLog(level, log, handler) {
          // Every MDX module (editorial pages) logs MODULE_LEVEL_DIRECTIVE for astro:head-inject
          // (https://github.com/withastro/astro/issues/18087); harmless, and it drowns the build log.
          if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
          handler(level, log);
        },
      },
    },
  },
});
