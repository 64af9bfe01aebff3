// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { rehypeTopIds } from './src/lib/rehype-top-ids.ts';
import { remarkProtocolBody } from './src/lib/remark-protocol-body.ts';
import { rehypeMaskContact } from './src/lib/rehype-mask-contact.ts';
import { rehypeMentionLinks } from './src/lib/rehype-mention-links.ts';
import { rehypeAttachmentLinks } from './src/lib/rehype-attachment-links.ts';
import { permalinks } from './src/integrations/permalinks.ts';

/**
 * The public base URL of the archive, set in one place: the `SITE` environment
 * variable at build time (e.g. `SITE=https://protokolle.example.org npm run build`).
 * Defaults to a local preview URL.
 */
const site = process.env.SITE ?? 'http://localhost:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Render up to four pages at a time: the page loop otherwise waits on each page's file
  // write (about 8 s of idle main thread at 2,000 protocols, BENCHMARKS.md). The pages do
  // not depend on render order (shared indexes are built once, on first use).
  build: { concurrency: 4 },
  // sitemap: writes sitemap-index.xml for the HTML pages (named in robots.txt, src/pages/robots.txt.ts).
  // permalinks: redirects from redirects.yaml; fails the build when a URL in permalinks.txt has no page.
  integrations: [mdx(), sitemap(), permalinks()],
  markdown: {
    // Astro 7 renders with Sätteri by default, which runs no remark plugins;
    // the unified processor keeps remark-gfm (and our own plugins) in the pipeline.
    // rehypeTopIds gives `## TOP 7 – …` the id `top-7` for the agenda's links.
    // rehypeMaskContact replaces e-mail addresses and phone numbers (src/lib/privacy.ts).
    // rehypeMentionLinks links the first mention of a person or organisation per TOP to its page.
    // rehypeAttachmentLinks links "Anlage N" to the attachment's file (or its line under "Anlagen").
    // remarkProtocolBody hands the compile's tree of each protocol (TOPs, resolutions, text)
    // to the archive index, so bodies are parsed once per build (BENCHMARKS.md).
    // SmartyPants is off: it would turn the protocols' German quotes into English ones.
    processor: unified({ remarkPlugins: [remarkGfm, remarkProtocolBody], rehypePlugins: [rehypeTopIds, rehypeMaskContact, rehypeMentionLinks, rehypeAttachmentLinks], smartypants: false }),
  },
  vite: {
    build: {
      rolldownOptions: {
        onLog(level, log, handler) {
          // Every MDX module logs MODULE_LEVEL_DIRECTIVE for astro:head-inject
          // (https://github.com/withastro/astro/issues/18087); harmless, and it
          // drowns the build log.
          if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
          handler(level, log);
        },
      },
    },
  },
});
