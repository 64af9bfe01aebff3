/**
 * Renders protocols in parallel for the content loader (`src/lib/text/protocol-loader.ts`,
 * issue #14: the cold content sync was one core rendering 2,000 protocols): a pool of
 * `node:worker_threads`, each running `renderProtocol` (`src/lib/text/protocol-render.ts`)
 * in `protocol-render-worker.ts`. Rendering is a pure function of the source and the
 * registries, so a worker's result is the one the main thread would compute.
 *
 * Few protocols (a warm build re-renders one edited file) are rendered in-process: a worker
 * spends about 0.6 s loading the pipeline and its first ~100 protocols run slower until V8 has
 * optimised the code in its thread (the main thread pays that once, each worker again), while a
 * warm pipeline renders a generated protocol in about 25 ms. By that estimate two workers pay
 * off from about 50 protocols on a quiet 2-core machine, and only with idle cores at all (Linux
 * shares the CPU between sessions, not threads: on a busy machine the pool gets no more CPU
 * than one thread would, and pays the second warm-up); hence `WORKERS_FROM`. Workers
 * start lazily, one per job waiting while fewer than `maxWorkers` run, so there are never more
 * workers than protocols.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { MentionRegistries } from '../model/registry-files.ts';
import { renderProtocol, type ProtocolSource, type RenderedProtocol } from './protocol-render.ts';

/** Main thread -> worker: one protocol to render. */
export interface RenderRequest {
  job: number;
  source: ProtocolSource;
}

/** Worker -> main thread: started, or one job's result or error message. */
export type RenderReply = { ready: true } | { job: number; result: RenderedProtocol } | { job: number; error: string };

/** Below this many protocols to render, rendering stays in-process (see the module comment). */
export const WORKERS_FROM = 64;

/**
 * The old generation of a worker's heap, in MB. A worker holds the pipeline, the registries and
 * one protocol's trees at a time (tens of MB); without a limit it grows to several hundred MB
 * before V8 collects. That memory outlives the worker: V8 does not give a terminated worker
 * thread's heap back to the operating system (the process reuses it later), so what the workers
 * grow to stays in the build's resident memory after the sync (BENCHMARKS.md, "third pass":
 * about 1.1 GB outside the main heap without a limit, 0.9 GB with it). 128 MB made the sync
 * 25 s slower at 2,000 protocols (the workers collect all the time); 256 MB costs no time
 * measurable on this machine.
 */
export const WORKER_HEAP_MB = 256;

/** Protocols sent to one worker ahead of its answers (see `dispatch`). */
const IN_FLIGHT = 4;

/** Options of `createProtocolRenderer`. */
export interface RenderPoolOptions {
  /** At most this many worker threads; default `os.availableParallelism()`; below 1: none. */
  maxWorkers?: number;
  /** Use workers only when at least this many protocols are to be rendered; default `WORKERS_FROM`. */
  workersFrom?: number;
}

/** A worker that could not load the pipeline: every protocol would fail the same way, so the sync stops. */
export class RenderPoolError extends Error {}

/** Renders protocols, in worker threads or in-process; `finish()` after the last `render`, `close()` always. */
export interface ProtocolRenderer {
  /**
   * Queues one protocol. The promise settles after `finish()` at the latest.
   * @throws (rejects) Error with the render's message (`file:line: problem. Fix: …`), or RenderPoolError
   */
  render(source: ProtocolSource): Promise<RenderedProtocol>;
  /** No more protocols: renders what waits (in-process if fewer than `workersFrom`). */
  finish(): void;
  /** Terminates every worker; rejects what has not been rendered. Safe to call twice. */
  close(): Promise<void>;
  /** How many worker threads this renderer started (0: everything was rendered in-process). */
  readonly workersStarted: number;
}

/** Where the worker's module is: next to this one (Astro runs this file from source through Vite). */
const workerFile = new URL('./protocol-render-worker.ts', import.meta.url);

/** Worker threads started by any renderer that have not exited yet. */
let liveWorkers = 0;

/** How many render worker threads are running now (all renderers): 0 once every renderer is closed. */
export function runningRenderWorkers(): number {
  return liveWorkers;
}

interface Job {
  id: number;
  source: ProtocolSource;
  resolve: (result: RenderedProtocol) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Sent and not answered yet, in the order sent (a worker answers in that order). */
  jobs: Job[];
  /** Said ready: the pipeline loaded in it. */
  started: boolean;
  gone: boolean;
}

/**
 * A renderer over one set of registries (the workers get a structured clone of them once).
 * @example const renderer = createProtocolRenderer(registries); const html = renderer.render(source); renderer.finish(); …; await renderer.close()
 */
export function createProtocolRenderer(registries: MentionRegistries, options: RenderPoolOptions = {}): ProtocolRenderer {
  const maxWorkers = Math.floor(options.maxWorkers ?? availableParallelism());
  const workersFrom = Math.max(1, options.workersFrom ?? WORKERS_FROM);
  const held: Job[] = [];
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let pooled = false;
  let closed = false;
  let broken: RenderPoolError | undefined;
  let nextId = 0;
  let started = 0;

  function renderHere(job: Job): void {
    try {
      job.resolve(renderProtocol(job.source, registries));
    } catch (error) {
      job.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /**
   * A worker failed. Before it was ready the pool is broken and everything fails; after, the
   * protocol it was rendering fails and the ones queued behind it go to another worker.
   */
  function lose(slot: Slot, error: Error): void {
    if (slot.gone) return;
    slot.gone = true;
    slots.splice(slots.indexOf(slot), 1);
    if (broken) return;
    if (!slot.started) return breakPool(error, slot.jobs);
    const [current, ...behind] = slot.jobs;
    current?.reject(new Error(`${current.source.displayPath ?? current.source.path}: rendering stopped in a worker thread: ${error.message}`));
    queue.unshift(...behind);
    dispatch();
  }

  /** No worker can start: every protocol not rendered yet fails with one RenderPoolError, the workers stop. */
  function breakPool(error: Error, orphans: Job[] = []): void {
    broken = new RenderPoolError(`The protocol render worker (src/lib/text/protocol-render-worker.ts) did not start: ${error.message}. Fix: run \`node src/lib/text/protocol-render.ts\` to see why the pipeline does not load in plain Node.`);
    for (const job of [...orphans, ...slots.flatMap((s) => s.jobs), ...queue.splice(0)]) job.reject(broken);
    void Promise.all(slots.map((s) => s.worker.terminate()));
  }

  function spawn(): Slot | undefined {
    let worker: Worker;
    try {
      worker = new Worker(workerFile, { workerData: { registries }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    } catch (error) {
      // E.g. registries that cannot be cloned into the worker (DataCloneError).
      breakPool(error instanceof Error ? error : new Error(String(error)));
      return undefined;
    }
    liveWorkers++;
    started++;
    const slot: Slot = { worker, jobs: [], started: false, gone: false };
    worker.on('message', (reply: RenderReply) => {
      if ('ready' in reply) {
        slot.started = true;
        return;
      }
      // A worker answers its messages one by one, in order: the answer is for its oldest job.
      const job = slot.jobs.shift();
      if ('result' in reply) job?.resolve(reply.result);
      else job?.reject(new Error(reply.error));
      dispatch();
    });
    worker.on('error', (error: Error) => lose(slot, error));
    worker.on('exit', (code) => {
      liveWorkers--;
      if (!closed) lose(slot, new Error(`the worker exited with code ${code}`));
    });
    slots.push(slot);
    return slot;
  }

  /**
   * Gives waiting jobs to workers: an idle one, else a new one while fewer than allowed run,
   * else the least busy one with fewer than `IN_FLIGHT` jobs. The backlog keeps a worker busy
   * while the main thread is busy (reading files) or not scheduled (a loaded machine).
   */
  function dispatch(): void {
    while (queue.length > 0 && !closed && !broken) {
      const leastBusy = slots.reduce<Slot | undefined>((best, s) => (best && best.jobs.length <= s.jobs.length ? best : s), undefined);
      const slot = leastBusy?.jobs.length === 0 ? leastBusy : slots.length < maxWorkers ? spawn() : leastBusy && leastBusy.jobs.length < IN_FLIGHT ? leastBusy : undefined;
      if (!slot) return;
      const job = queue.shift()!;
      slot.jobs.push(job);
      slot.worker.postMessage({ job: job.id, source: job.source } satisfies RenderRequest);
    }
  }

  function startPool(): void {
    pooled = true;
    queue.push(...held.splice(0));
    dispatch();
  }

  return {
    render(source) {
      return new Promise<RenderedProtocol>((resolve, reject) => {
        if (broken) return reject(broken);
        if (closed) return reject(new Error('protocol renderer: render() after close()'));
        const job = { id: nextId++, source, resolve, reject };
        if (pooled) {
          queue.push(job);
          dispatch();
          return;
        }
        held.push(job);
        if (maxWorkers >= 1 && held.length >= workersFrom) startPool();
      });
    },
    finish() {
      if (!pooled) for (const job of held.splice(0)) renderHere(job);
    },
    async close() {
      if (closed) return;
      closed = true;
      const stopped = new Error('protocol renderer closed before the protocol was rendered');
      for (const job of [...held.splice(0), ...queue.splice(0), ...slots.flatMap((s) => s.jobs)]) job.reject(stopped);
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
    },
    get workersStarted() {
      return started;
    },
  };
}
