/**
 * The static OParl 1.1 export (`oparlExport`, src/lib/publish/oparl.ts), entry point
 * `/oparl/1.1/system.json`. Each object is served at the path of its `id`.
 */
import type { APIRoute, GetStaticPathsOptions } from 'astro';
import { getArchive } from '../../../lib/archive';
import { exportTimestamp, oparlExport, oparlRoot } from '../../../lib/publish/oparl';
import { keyedPaths } from '../../../lib/views/page-key';

// Cache key: without SOURCE_DATE_EPOCH the export time is the build's clock, not data: it is left
// out, so an unchanged object keeps the file (and the `created`/`modified` time) of the build that
// last changed it. With SOURCE_DATE_EPOCH it is data: a reproducible build gets it everywhere.
export async function getStaticPaths({ routePattern }: GetStaticPathsOptions) {
  const stamp = exportTimestamp(process.env);
  const files = oparlExport(await getArchive(), import.meta.env.SITE, stamp);
  return keyedPaths(routePattern, files.map(({ path, data }) => ({ params: { path: path.slice(oparlRoot.length) }, props: { data } })), process.env.SOURCE_DATE_EPOCH ? [] : [stamp], { json: true });
}

export const GET: APIRoute<{ data: Record<string, unknown> }> = ({ props }) =>
  new Response(`${JSON.stringify(props.data, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
