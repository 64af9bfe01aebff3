/**
 * The original protocol files, served at `/quellen/<file>` from `content/sources/`
 * (the importer's copies), so every meeting page can link its source without a
 * manual copy step. Static build: one file per source.
 *
 * Never with personal contact data (e-mail addresses, phone numbers), whatever the
 * format: text originals are masked in place (`maskContactDataInBytes`, also UTF-16);
 * a PDF or Word original whose text holds contact data is not served at all, only
 * its masked text as `<name>.txt` (`publishedOriginal`, src/lib/text/privacy.ts).
 * `content/sources/` keeps the originals, and the meeting page shows the SHA-256 of
 * the unmasked original.
 */
import type { APIRoute, GetStaticPathsOptions } from 'astro';
import { publishedSources } from '../../lib/index/published-sources';
import { keyedPaths } from '../../lib/views/page-key';

export async function getStaticPaths({ routePattern }: GetStaticPathsOptions) {
  return keyedPaths(routePattern, [...(await publishedSources()).values()].map((published) => ({ params: { file: published.file }, props: { bytes: published.bytes } })));
}

export const GET: APIRoute = ({ props }) => new Response(props.bytes as Uint8Array<ArrayBuffer>);
