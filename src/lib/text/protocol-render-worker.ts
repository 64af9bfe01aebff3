/**
 * One worker thread of the render pool (`src/lib/text/protocol-render-pool.ts`): renders the
 * protocols it is sent with `renderProtocol`, against the registries it was started with
 * (`workerData.registries`, a structured clone of the content loader's), and answers each
 * with its HTML, body reading and headings, or with the render error's message
 * (`file:line: problem. Fix: …`).
 *
 * Runs on plain Node (type stripping, no Vite): everything it imports is reachable with
 * explicit `.ts` specifiers.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MentionRegistries } from '../model/registry-files.ts';
import type { RenderReply, RenderRequest } from './protocol-render-pool.ts';
import { renderProtocol } from './protocol-render.ts';

const port = parentPort;
if (!port) throw new Error('protocol-render-worker.ts runs as a worker thread of protocol-render-pool.ts, not on its own.');
const { registries } = workerData as { registries: MentionRegistries };

port.on('message', ({ job, source }: RenderRequest) => {
  let reply: RenderReply;
  try {
    reply = { job, result: renderProtocol(source, registries) };
  } catch (error) {
    reply = { job, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
// The pipeline loaded: from here on a failure is one protocol's, not the pool's.
port.postMessage({ ready: true } satisfies RenderReply);
