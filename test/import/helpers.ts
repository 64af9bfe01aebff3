/**
 * Test helpers: run the real importer pipeline on a source file against the
 * committed registries (in memory; nothing is written).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { importProtocol, type ImportResult } from '../../scripts/import/pipeline.ts';
import { main } from '../../scripts/import/cli.ts';
import { Registry } from '../../scripts/import/registry/registry.ts';

export const SOURCES = 'content/sources';

/** The original protocols committed under content/sources/. */
export function sourceFiles(): string[] {
  return readdirSync(SOURCES).filter((f) => !f.startsWith('.')).sort();
}

/** Imports `<dir>/<name>` (default `content/sources/`) with a fresh in-memory registry loaded from `content/`. */
export function importSource(name: string, content = 'content', dir = SOURCES): { result: ImportResult; registry: Registry } {
  const registry = new Registry(content);
  const result = importProtocol(readFileSync(join(dir, name)), join(dir, name), name, registry);
  return { result, registry };
}

/** Imports text given in the test; with the in-memory registry it registered into. */
export function importTextIn(text: string | Uint8Array, name = 'test.txt', content = 'content'): { result: ImportResult; registry: Registry } {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const registry = new Registry(content);
  return { result: importProtocol(bytes, name, name, registry), registry };
}

/** Imports text given in the test. */
export function importText(text: string | Uint8Array, name = 'test.txt', content = 'content'): ImportResult {
  return importTextIn(text, name, content).result;
}

/** Every file under `root` with a short hash of its bytes, so that any change shows in a comparison. */
export function tree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 12);
    }
  };
  walk(root);
  return out;
}

/**
 * Runs `npm run import` (the CLI's `main`) against the registries in `content`, with its
 * output captured; `dir` is shown as `<tmp>` in messages.
 * @example await runCli(content, dir, 'a.txt') // => { code: 0, out: '… → …', err: '' }
 */
export async function runCli(content: string, dir: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['--content', content, ...args], (m) => out.push(m), (m) => err.push(m));
  return { code, out: out.join('\n'), err: err.join('\n').replaceAll(dir, '<tmp>') };
}
