/**
 * Summarises a V8 CPU profile (`node --cpu-prof`) of `astro build`: where the
 * time goes, by function (self time) and by the project's own functions
 * including what they call (total time). `npm run bench -- --profile` writes
 * one; or run on its own: `node scripts/bench/profile.ts FILE.cpuprofile`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  /** `name (file:line)`, file shortened to its package or project path. */
  name: string;
  /** Milliseconds. */
  ms: number;
}

/** Shortens a script URL to `pkg/file` or `src/…`. @example shortUrl('file:///x/node_modules/mdast-util-from-markdown/lib/index.js') // => 'mdast-util-from-markdown/lib/index.js' */
function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const src = url.search(/\/(src|scripts|dist\/chunks|dist\/\.prerender)\//);
  return src >= 0 ? url.slice(src + 1) : url.replace(/^file:\/\//, '');
}

/** The project's own code: src/, or the build's chunks compiled from it. */
function isProjectCode(url: string): boolean {
  return !url.includes('node_modules/') && /\/(src|\.prerender|chunks|pages)\//.test(url);
}

/**
 * Self time per function and total time (self + callees) per project function, largest first.
 * @example summarise(JSON.parse(readFileSync('CPU.cpuprofile', 'utf8'))).self[0] // => { name: '(garbage collector)', ms: 2210 }
 */
export function summarise(profile: Profile, limit = 25): { totalMs: number; self: FunctionTime[]; project: FunctionTime[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const key = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    return url ? `${functionName || '(anonymous)'} (${shortUrl(url)}:${lineNumber + 1})` : functionName;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const node = byId.get(id)!;
    self.set(key(node), (self.get(key(node)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!;
      if (!isProjectCode(frame.callFrame.url)) continue;
      const name = key(frame);
      if (seen.has(name)) continue; // recursion counts once
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  });
  const top = (map: Map<string, number>) =>
    [...map]
      .map(([name, ms]) => ({ name, ms }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, limit);
  return { totalMs, self: top(self), project: top(total) };
}

/** Prints a summary as two lists. */
export function printSummary(file: string, limit = 25): void {
  const { totalMs, self, project } = summarise(JSON.parse(readFileSync(file, 'utf8')), limit);
  const line = ({ name, ms }: FunctionTime) => `${(ms / 1000).toFixed(2).padStart(7)} s ${((100 * ms) / totalMs).toFixed(1).padStart(5)} %  ${name}`;
  console.log(`${file}: ${(totalMs / 1000).toFixed(1)} s sampled`);
  console.log('\nSelf time, by function:');
  for (const entry of self) console.log(line(entry));
  console.log('\nTotal time (with callees), project code:');
  for (const entry of project) console.log(line(entry));
}

if (import.meta.main) {
  const [file, limit] = process.argv.slice(2);
  if (!file) {
    console.error('Usage: node scripts/bench/profile.ts FILE.cpuprofile [LIMIT]');
    process.exit(1);
  }
  printSummary(file, Number(limit ?? 25));
}
