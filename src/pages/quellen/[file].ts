/**
 * The original protocol files, served at `/quellen/<file>` from `content/sources/`
 * (the importer's copies), so every meeting page can link its source without a
 * manual copy step. Static build: one file per source.
 *
 * Byte for byte except for personal contact data: e-mail addresses and phone
 * numbers are masked (`maskContactDataInBytes`, src/lib/privacy.ts) because
 * nothing on the site may publish them; `content/sources/` keeps them, and the
 * meeting page shows the SHA-256 of that unmasked original.
 */
import type { APIRoute } from 'astro';
import { maskContactDataInBytes } from '../../lib/privacy';
import { listSourceFiles, readSourceFile } from '../../lib/sources';

export function getStaticPaths() {
  return listSourceFiles().map((file) => ({ params: { file } }));
}

export const GET: APIRoute = ({ params }) => new Response(maskContactDataInBytes(readSourceFile(params.file!)));
