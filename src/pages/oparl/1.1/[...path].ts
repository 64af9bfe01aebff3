/**
 * The static OParl 1.1 export (`oparlExport`, src/lib/publish/oparl.ts), entry point
 * `/oparl/1.1/system.json`. Each object is served at the path of its `id`.
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../../../lib/archive';
import { exportTimestamp, oparlExport, oparlRoot } from '../../../lib/publish/oparl';

export async function getStaticPaths() {
  const files = oparlExport(await getArchive(), import.meta.env.SITE, exportTimestamp(process.env));
  return files.map(({ path, data }) => ({ params: { path: path.slice(oparlRoot.length) }, props: { data } }));
}

export const GET: APIRoute<{ data: Record<string, unknown> }> = ({ props }) =>
  new Response(`${JSON.stringify(props.data, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
