/**
 * The static OParl 1.1 export (`oparlExport`, src/lib/publish/oparl.ts), entry point
 * `/oparl/1.1/system.json`. Each object is served at the path of its `id`.
 */
import type { APIRoute, GetStaticPathsOptions } from 'astro';
import { getArchive } from '../../../lib/archive';
import { exportTimestampOf, oparlExport, oparlRoot } from '../../../lib/publish/oparl';
import { oparlFileKeys } from '../../../lib/publish/oparl-keys';
import { keyedPathsBy } from '../../../lib/views/page-key';

// Cache key: without SOURCE_DATE_EPOCH the export time is the build's clock, not data: it is left
// out, so an unchanged object keeps the file (and the `created`/`modified` time) of the build that
// last changed it. With SOURCE_DATE_EPOCH it is data: a reproducible build gets it everywhere.
// Each object is hashed once, an embedded one by its key (`oparlFileKeys`).
export async function getStaticPaths({ routePattern }: GetStaticPathsOptions) {
  const archive = await getArchive();
  const stamp = exportTimestampOf(archive, process.env);
  const files = oparlExport(archive, import.meta.env.SITE, stamp);
  const keys = oparlFileKeys(files, process.env.SOURCE_DATE_EPOCH ? [] : [stamp]);
  return keyedPathsBy(routePattern, files.map(({ path, data }) => ({ params: { path: path.slice(oparlRoot.length) }, props: { data } })), (path) => keys.get(path.props.data)!);
}

export const GET: APIRoute<{ data: Record<string, unknown> }> = ({ props }) =>
  new Response(`${JSON.stringify(props.data, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
