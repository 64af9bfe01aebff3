/**
 * The original protocol files, served at `/quellen/<file>` from `content/sources/`
 * (the importer's copies), so every meeting page can link its source without a
 * manual copy step. Static build: one file per original a protocol references.
 *
 * Never with personal contact data (e-mail addresses, phone numbers) in any byte, and
 * never anything a browser runs (`publishOriginal`, src/lib/text/originals.ts): text
 * masked, as UTF-8 with BOM; a PDF with its pages only (no metadata, annotations, link
 * targets), or only its masked text as `<name>.txt` when the pages hold contact data;
 * a Word, HTML, XML or SVG original only as its masked text, `<name>.txt`.
 * `content/sources/` keeps the originals, and the meeting page shows the SHA-256 of
 * the original.
 */
import type { APIRoute, GetStaticPathsOptions } from 'astro';
import { getArchive } from '../../lib/archive';
import { publishedSources, referencedSources } from '../../lib/index/published-sources';
import { keyedPaths } from '../../lib/views/page-key';

export async function getStaticPaths({ routePattern }: GetStaticPathsOptions) {
  // The archive first: its integrity check fails the build on symbolic links and unreferenced files.
  const { meetings } = await getArchive();
  return keyedPaths(routePattern, referencedSources(await publishedSources(), meetings).map((published) => ({ params: { file: published.file }, props: { bytes: published.bytes } })));
}

export const GET: APIRoute = ({ props }) => new Response(props.bytes as Uint8Array<ArrayBuffer>);
