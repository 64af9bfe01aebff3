/**
 * The attachment files (Anlagen), served at `/anlagen/<meeting-id>/<file>` from
 * `content/attachments/<meeting-id>/`, under the rules of `src/lib/text/attachments.ts`:
 * only files a protocol lists; text with e-mail addresses and phone numbers masked; a PDF
 * with its pages only (no metadata, annotations, link targets) when no string of it holds
 * contact data; withheld files get no URL; active files (HTML, SVG, …) fail the build.
 */
import type { APIRoute, GetStaticPathsOptions } from 'astro';
import { getArchive } from '../../../lib/archive';
import { attachmentCatalog, publishedBytes, publishedFiles } from '../../../lib/text/attachments';
import { keyedPaths } from '../../../lib/views/page-key';

export async function getStaticPaths({ routePattern }: GetStaticPathsOptions) {
  // The archive first: its integrity check fails the build on active, linked or unlisted files.
  const { meetings } = await getArchive();
  const catalog = await attachmentCatalog();
  return keyedPaths(
    routePattern,
    publishedFiles(catalog, meetings).map((params) => {
      const bytes = publishedBytes(catalog, params.meeting, params.file);
      if (!bytes) throw new Error(`/anlagen/${params.meeting}/${params.file}: not a published attachment (src/lib/text/attachments.ts).`);
      return { params, props: { bytes } };
    }),
  );
}

export const GET: APIRoute<{ bytes: Uint8Array }> = ({ props }) => new Response(props.bytes as Uint8Array<ArrayBuffer>);
