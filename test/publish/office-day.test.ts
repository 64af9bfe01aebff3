/**
 * The office's day (issue #24), end to end on a temporary copy of the project, with the README's
 * commands: a Word protocol is imported, listed for review, approved, the site is built with
 * `SITE`, `npm run check:publish -- --strict` passes, and the new meeting is reachable from the
 * home page, its citation on the public address. One build (about a minute on a loaded machine).
 */
import { readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject, runInCopy } from '../site/build-copy';
import { decidedSiteFacts } from './decided-site';

const repo = resolve(import.meta.dirname, '../..');
const word = join(repo, 'test/fixtures/office/numbered/ag-transfer-2025-06-03.docx');
const site = 'https://protokolle.example.org';
const meeting = '2025-06-03-ag-transfer';


let root: string;
const steps: Record<string, { status: number | null; output: string }> = {};

beforeAll(() => {
  root = copyProject(join(repo, 'content'), ['permalinks.txt', 'redirects.yaml']);
  // The office's edit of src/site-config.ts: the values instead of their nulls.
  const configFile = join(root, 'src/site-config.ts');
  const config = readFileSync(configFile, 'utf8');
  const edited = config.replace(/(export const siteConfig: SiteConfig = parseSiteConfig\()\{[\s\S]*?\n\}\);/, `$1${JSON.stringify(decidedSiteFacts, null, 2)});`);
  expect(edited).not.toBe(config);
  writeFileSync(configFile, edited);

  steps.import = runInCopy(root, ['scripts/import/cli.ts', word]);
  steps.list = runInCopy(root, ['scripts/review/cli.ts']);
  steps.approve = runInCopy(root, ['scripts/review/cli.ts', '--approve', meeting, '--by', 'Erika Muster']);
  process.env.SITE = site;
  try {
    steps.build = runInCopy(root, ['npm', 'run', '--silent', 'build']);
    steps.check = runInCopy(root, ['scripts/check-publish.ts', '--strict']);
  } finally {
    delete process.env.SITE;
  }
}, 600_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Internal pages linked from `path` in the copy's dist/ (`/sitzungen/`, …). */
function linksOf(path: string): string[] {
  const file = join(root, 'dist', path, 'index.html');
  if (!existsSync(file)) return [];
  return [...readFileSync(file, 'utf8').matchAll(/href="(\/[^"#?]*\/)"/g)].map((m) => m[1]);
}

describe('a new protocol, from the Word file to a publishable dist/', () => {
  it('is imported and listed for review, then approved', () => {
    expect(steps.import.status, steps.import.output).toBe(0);
    expect(steps.list.output).toContain(`1 protocol waiting for review`);
    expect(steps.list.output).toMatch(new RegExp(`^${meeting}: .+ \\(2025-06-03\\)$`, 'm'));
    expect(steps.approve.status, steps.approve.output).toBe(0);
    expect(readFileSync(join(root, 'content/protocols', `${meeting}.mdx`), 'utf8')).toMatch(/review:\n {2}status: reviewed\n {2}importer: "[^"]+"\n {2}by: Erika Muster\n {2}date: "\d{4}-\d{2}-\d{2}"\n/);
  });

  it('builds with SITE and passes check:publish --strict', () => {
    expect(steps.build.status, steps.build.output).toBe(0);
    expect(steps.check.status, steps.check.output).toBe(0);
    expect(steps.check.output).toContain(`check:publish: 0 errors, 1 warning: dist/ can be published at ${site}.`);
    // The one warning: the new pages are not in permalinks.txt yet (npm run permalinks:update).
    expect(steps.check.output).toMatch(/warning: permalinks\.txt: \d+ new pages are not listed yet/);
  });

  it('links the new meeting from the home page (directly or through one page), reviewed, citable at the public address', () => {
    const target = `/sitzungen/${meeting}/`;
    const reachable = new Set([...linksOf('/'), ...linksOf('/').flatMap(linksOf)]);
    expect(reachable).toContain(target);
    const page = readFileSync(join(root, 'dist', target, 'index.html'), 'utf8');
    expect(page).not.toContain('Automatisch importiert');
    expect(page).toContain(`<link rel="canonical" href="${site}${target}">`);
    const resolution = readFileSync(join(root, 'dist/beschluesse', `${meeting}-b1`, 'index.html'), 'utf8');
    expect(resolution).toContain(`<code class="citation-text" id="permalink-text" aria-labelledby="permalink-label">${site}/beschluesse/${meeting}-b1/</code>`);
  });
});
