/**
 * The original protocol files, served byte for byte at `/quellen/<file>` from
 * `content/sources/` (the importer's copies), so every meeting page can link
 * its source without a manual copy step. Static build: one file per source.
 */
import type { APIRoute } from 'astro';
import { listSourceFiles, readSourceFile } from '../../lib/sources';

export function getStaticPaths() {
  return listSourceFiles().map((file) => ({ params: { file } }));
}

export const GET: APIRoute = ({ params }) => new Response(readSourceFile(params.file!));
