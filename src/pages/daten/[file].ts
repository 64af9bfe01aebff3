/** The dataset's files (`datasetDownloads`, src/lib/publish/dataset.ts): `/daten/meetings.csv`, `/daten/meetings.excel.csv`, …, `/daten/archive.json`. */
import type { APIRoute, GetStaticPathsOptions } from 'astro';
import { getArchive } from '../../lib/archive';
import { datasetDownloads, datasetFiles } from '../../lib/publish/dataset';
import { exportTimestampOf } from '../../lib/publish/oparl';
import { keyedPathsBy, textKey } from '../../lib/views/page-key';

// Cache key without the export time unless SOURCE_DATE_EPOCH sets it, as for OParl (src/pages/oparl/1.1/[...path].ts).
// The files are computed once per build: /daten/ shows their sizes from the same `datasetFiles`.
export async function getStaticPaths({ routePattern }: GetStaticPathsOptions) {
  const archive = await getArchive();
  const stamp = exportTimestampOf(archive, process.env);
  const files = datasetDownloads(datasetFiles(archive, import.meta.env.SITE, stamp));
  const ignore = process.env.SOURCE_DATE_EPOCH ? [] : [stamp];
  // Keyed by the served text itself (`textKey`), not its JSON.
  return keyedPathsBy(routePattern, files.map(({ file, content, mediaType }) => ({ params: { file }, props: { content, mediaType } })), ({ props }) => textKey([props.mediaType, props.content], ignore));
}

export const GET: APIRoute<{ content: string; mediaType: string }> = ({ props }) =>
  new Response(props.content, { headers: { 'Content-Type': props.mediaType } });
