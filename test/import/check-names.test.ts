/**
 * `npm run check:names` lists ambiguous mentions with file and line, and the
 * editor's decision in content/name-decisions.yaml settles them.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNames } from '../../scripts/check-names.ts';

function setup(): string {
  const content = join(mkdtempSync(join(tmpdir(), 'om-names-')), 'content');
  cpSync('content/committees', join(content, 'committees'), { recursive: true });
  mkdirSync(join(content, 'people'), { recursive: true });
  mkdirSync(join(content, 'protocols'), { recursive: true });
  writeFileSync(join(content, 'people', 'anna-mueller.yaml'), 'name: Anna Müller\ngivenName: Anna\nfamilyName: Müller\n');
  writeFileSync(join(content, 'people', 'peter-mueller.yaml'), 'name: Peter Müller\ngivenName: Peter\nfamilyName: Müller\n');
  writeFileSync(join(content, 'protocols', '2022-03-01-plenum.mdx'), '---\ntitle: x\n---\n\n## TOP 1 – Bericht\n\nHerr Müller berichtet. Frau Laabs ergänzt.\n');
  return content;
}

function run(content: string, ...args: string[]): { code: number; out: string } {
  const lines: string[] = [];
  const code = checkNames(['--content', content, ...args], (l) => lines.push(l));
  return { code, out: lines.join('\n').replaceAll(content, '<content>') };
}

describe('check:names', () => {
  it('lists an ambiguous surname with file and line, and fails with --strict', () => {
    const content = setup();
    const r = run(content, '--strict');
    expect(r.code).toBe(1);
    expect(r.out).toContain('<content>/protocols/2022-03-01-plenum.mdx:7: "Herr Müller" could be anna-mueller or peter-mueller.');
    expect(r.out).toContain('<content>/protocols/2022-03-01-plenum.mdx:7: "Frau Laabs" is not in the registry.');
  });

  it('is satisfied once the decision is recorded', () => {
    const content = setup();
    writeFileSync(join(content, 'name-decisions.yaml'), '- mention: Herr Müller\n  meeting: 2022-03-01-plenum\n  person: peter-mueller\n');
    const r = run(content, '--strict');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Ambiguous, not linked: decide in content/name-decisions.yaml (0)');
  });
});
