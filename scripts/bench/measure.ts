/**
 * Runs a command and measures its wall time and peak memory, two ways:
 * - GNU time (`/usr/bin/time -v`): wall clock and the largest single process's max RSS;
 * - sampling `/proc` every 50 ms: the summed RSS of the whole process tree (workers,
 *   child processes such as Pagefind's binary), which is what the machine must hold.
 * The peak reported is the larger of the two.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measured {
  /** Exit code (null when killed by a signal). */
  status: number | null;
  /** Wall time in seconds. */
  seconds: number;
  /** Peak RSS in MB (10^6 bytes): the larger of GNU time's max RSS and the sampled tree sum. */
  peakRssMB: number;
  /**
   * CPU seconds (user + system, GNU time's report; NaN without it): steadier than wall time on a
   * shared machine, where other guests' load (steal time) stretches the wall clock of the same work.
   */
  cpuSeconds: number;
  /** stdout and stderr, interleaved as they came. */
  output: string;
}

const PAGE_SIZE = 4096;
const TIME = '/usr/bin/time';

/** Parent pid of every process, from `/proc/<pid>/stat` (field 4, after the parenthesised name). */
function parentPids(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch {
      // The process ended while we looked.
    }
  }
  return parents;
}

/** Summed resident memory (bytes) of `root` and all its descendants. */
function treeRss(root: number): number {
  const parents = parentPids();
  const tree = new Set([root]);
  // Parents are usually listed before children; repeat until the tree stops growing.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let bytes = 0;
  for (const pid of tree) {
    try {
      bytes += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_SIZE;
    } catch {
      // Gone already.
    }
  }
  return bytes;
}

/** Reads "Maximum resident set size (kbytes): N" from GNU time's report. */
function maxRssFromTime(report: string): number {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
  return match ? Number(match[1]) * 1024 : 0;
}

/** Reads user + system CPU seconds from GNU time's report (NaN when missing). */
function cpuFromTime(report: string): number {
  const user = /User time \(seconds\): ([\d.]+)/.exec(report);
  const system = /System time \(seconds\): ([\d.]+)/.exec(report);
  return user && system ? Number(user[1]) + Number(system[1]) : Number.NaN;
}

/**
 * Runs `command args` in `cwd` and measures it.
 * @example await measure(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], { cwd }) // => { status: 0, seconds: 41.2, peakRssMB: 1210, cpuSeconds: 58.3, ... }
 */
export async function measure(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Measured> {
  const useTime = existsSync(TIME);
  const reportDir = mkdtempSync(join(tmpdir(), 'om-bench-time-'));
  const report = join(reportDir, 'time.txt');
  const [file, argv] = useTime ? [TIME, ['-v', '-o', report, command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  let peak = 0;
  const sampler = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRss(child.pid));
  }, 50);
  const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const timeReport = useTime && existsSync(report) ? readFileSync(report, 'utf8') : '';
  peak = Math.max(peak, maxRssFromTime(timeReport));
  rmSync(reportDir, { recursive: true, force: true });
  return { status, seconds, peakRssMB: peak / 1e6, cpuSeconds: cpuFromTime(timeReport), output };
}
