/** The dataset's files (`datasetFiles`, src/lib/publish/dataset.ts): `/daten/meetings.csv`, …, `/daten/archive.json`. */
import type { APIRoute } from 'astro';
import { getArchive } from '../../lib/archive';
import { datasetFiles } from '../../lib/publish/dataset';
import { exportTimestamp } from '../../lib/publish/oparl';

export async function getStaticPaths() {
  const files = datasetFiles(await getArchive(), import.meta.env.SITE, exportTimestamp(process.env));
  return files.map(({ file, content, mediaType }) => ({ params: { file }, props: { content, mediaType } }));
}

export const GET: APIRoute<{ content: string; mediaType: string }> = ({ props }) =>
  new Response(props.content, { headers: { 'Content-Type': props.mediaType } });
