/**
 * The attachment files (Anlagen), served at `/anlagen/<meeting-id>/<file>` from
 * `content/attachments/<meeting-id>/`, under the contact-data rule of
 * `src/lib/text/attachments.ts`: text with e-mail addresses and phone numbers masked,
 * a PDF byte for byte only when its text holds none; withheld files get no URL.
 */
import type { APIRoute, GetStaticPathsOptions } from 'astro';
import { attachmentCatalog, publishedBytes, publishedFiles } from '../../../lib/text/attachments';
import { keyedPaths } from '../../../lib/views/page-key';

export async function getStaticPaths({ routePattern }: GetStaticPathsOptions) {
  const catalog = await attachmentCatalog();
  return keyedPaths(
    routePattern,
    publishedFiles(catalog).map((params) => {
      const bytes = publishedBytes(catalog, params.meeting, params.file);
      if (!bytes) throw new Error(`/anlagen/${params.meeting}/${params.file}: not a published attachment (src/lib/text/attachments.ts).`);
      return { params, props: { bytes } };
    }),
  );
}

export const GET: APIRoute<{ bytes: Uint8Array }> = ({ props }) => new Response(props.bytes as Uint8Array<ArrayBuffer>);
