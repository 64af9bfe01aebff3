/**
 * The static OParl 1.1 export (`oparlExport`, src/lib/publish/oparl.ts), entry point
 * `/oparl/1.1/system.json`. Each object is served at the path of its `id`.
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../../../lib/archive';
import { exportTimestamp, oparlExport, oparlRoot } from '../../../lib/publish/oparl';
import { keyedPaths } from '../../../lib/views/page-key';

// Cache key: the object without the export time, so an unchanged object keeps the file (and the
// `created`/`modified` time) of the build that last changed it (src/lib/views/page-key.ts).
export async function getStaticPaths() {
  const stamp = exportTimestamp(process.env);
  const files = oparlExport(await getArchive(), import.meta.env.SITE, stamp);
  return keyedPaths(files.map(({ path, data }) => ({ params: { path: path.slice(oparlRoot.length) }, props: { data } })), [stamp]);
}

export const GET: APIRoute<{ data: Record<string, unknown> }> = ({ props }) =>
  new Response(`${JSON.stringify(props.data, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
