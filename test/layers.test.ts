/**
 * The layer check (issue #15): dependency-cruiser reads every import of `src/lib`, the
 * importer and the content config, and `.dependency-cruiser.cjs` forbids import cycles and
 * imports against the flow (an earlier stage importing a later one; the importer importing
 * more of the site than `src/lib/model` and `src/lib/text`). A violation fails `npm test`
 * with the rule, the importing file and the imported one.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');
const depcruise = resolve(repo, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');

/** One broken rule as dependency-cruiser reports it. */
interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: { name: string }[];
}

/** Runs dependency-cruiser over `paths` with the project's rules; returns what it found. */
function cruise(paths: string[]): { violations: Violation[]; modules: number } {
  const out = execFileSync(process.execPath, [depcruise, ...paths, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const result = JSON.parse(out) as { summary: { violations: Violation[]; totalCruised: number } };
  return { violations: result.summary.violations, modules: result.summary.totalCruised };
}

/** `rule: from -> to` (with the cycle's path for a cycle). */
function describeViolation(v: Violation): string {
  const cycle = v.cycle ? ` (cycle: ${[v.from, ...v.cycle.map((c) => c.name)].join(' -> ')})` : '';
  return `${v.rule.name}: ${v.from} -> ${v.to}${cycle}`;
}

describe('layers', () => {
  it('src/lib and the importer import only earlier stages, without cycles', () => {
    const { violations, modules } = cruise(['src/lib', 'scripts/import', 'src/content.config.ts']);
    // The cruise saw the whole house, not an empty folder.
    expect(modules).toBeGreaterThan(80);
    expect(violations.map(describeViolation)).toEqual([]);
  }, 60_000);
});
