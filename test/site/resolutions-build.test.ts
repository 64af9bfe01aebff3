/**
 * End-to-end on a temporary copy of the project with the real `content/`
 * (sharing node_modules; about 4 s per build):
 * 1. every resolution has its page, which links an anchor that exists, as a
 *    heading, on its meeting page; register and matter pages are built;
 *    `scripts/permalinks-update.ts` registers the pages;
 * 2. a resolution renumbered away (b7 -> b8) fails the build, naming the URL
 *    and the redirect line that fixes it;
 * 3. with that redirect in `redirects.yaml` the build passes and the old URL
 *    leads to the new page.
 */
import { appendFileSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProtocolBody } from '../../src/lib/text/protocol-body';
import { copyProject, runInCopy } from './build-copy';

const repo = resolve(import.meta.dirname, '../..');
let project: string;

/** Runs a Node script with arguments in the project copy; returns exit code and all output. */
const run = (args: string[]) => runInCopy(project, args);

const build = () => run([join(repo, 'node_modules/astro/bin/astro.mjs'), 'build']);
const built = (path: string) => readFileSync(join(project, 'dist', path, 'index.html'), 'utf8');

/** Resolution id => meeting id, read from the MDX bodies of the real content. */
const resolutionMeetings = new Map(
  readdirSync(join(repo, 'content/protocols'))
    .filter((file) => file.endsWith('.mdx'))
    .flatMap((file) => {
      const body = readFileSync(join(repo, 'content/protocols', file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      return parseProtocolBody(body).resolutions.map((r) => [r.id, file.replace(/\.mdx$/, '')] as const);
    }),
);

beforeAll(() => {
  project = copyProject(join(repo, 'content'), ['redirects.yaml']);
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the built site', () => {
  let result: { status: number | null; output: string };
  beforeAll(() => {
    result = build();
  }, 180_000);

  it('builds', () => {
    expect(result.output).not.toMatch(/\[ERROR\]/);
    expect(result.status).toBe(0);
  });

  it('has unique resolution ids, each with its own page', () => {
    const ids = [...resolutionMeetings.keys()];
    expect(ids.length).toBeGreaterThanOrEqual(27);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(existsSync(join(project, 'dist/beschluesse', id, 'index.html')), id).toBe(true);
  });

  it('links every resolution page to a heading anchor that exists on its meeting page, and back', () => {
    for (const [id, meetingId] of resolutionMeetings) {
      const anchor = `/sitzungen/${meetingId}/#${id}`;
      expect(built(`beschluesse/${id}`), id).toContain(`href="${anchor}"`);
      const meetingPage = built(`sitzungen/${meetingId}`);
      expect(meetingPage, id).toMatch(new RegExp(`<h[34] class="resolution-label" id="${id}">`));
      expect(meetingPage, id).toContain(`href="/beschluesse/${id}/"`);
    }
  });

  it('shows the permalink and a citation with a copy script of the site, and the status', () => {
    const page = built('beschluesse/2021-04-22-strategiekreis-b3');
    // With a public URL (SITE) the link is absolute; without one it is the path, which the copy
    // script completes from the reader's address, never the build machine's localhost (issue #24).
    // Named by what it decides; the id only in the URL (issue #25).
    const link = process.env.SITE ? 'https?:\\/\\/[^<]+' : '<span data-site-path="\\/beschluesse\\/2021-04-22-strategiekreis-b3\\/">';
    expect(page).toMatch(new RegExp(`Strategiekreis der Offensive Mittelstand, Sitzung vom 22\\. April 2021, TOP 3, Beschluss „[^<]+“, ${link}\\/beschluesse\\/2021-04-22-strategiekreis-b3\\/`));
    // A same-origin file, no inline code: a `script-src 'self'` policy allows it.
    expect(page).toMatch(/<script type="module" src="\/_astro\/Citation[^"]+\.js"><\/script>/);
    expect(page).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>\s*\S/);
    expect(page).toContain('umgesetzt');
  });

  it('builds the register with its facet pages and the matter pages', () => {
    for (const path of ['beschluesse', 'beschluesse/jahr/2021', 'beschluesse/gremium/strategiekreis', 'beschluesse/art/vereinbarung', 'beschluesse/thema/regionale-netzwerke', 'vorgaenge', 'vorgaenge/zusatzqualifikation-ki']) {
      expect(existsSync(join(project, 'dist', path, 'index.html')), path).toBe(true);
    }
    expect(built('sitzungen/2021-04-22-strategiekreis')).toContain('href="/vorgaenge/zusatzqualifikation-ki/"');
  });

  it('registers the permanent pages with permalinks:update', () => {
    const update = run(['scripts/permalinks-update.ts']);
    expect(update.status, update.output).toBe(0);
    const registry = readFileSync(join(project, 'permalinks.txt'), 'utf8');
    for (const id of resolutionMeetings.keys()) expect(registry).toContain(`/beschluesse/${id}/\n`);
    expect(registry).toContain('/vorgaenge/zusatzqualifikation-ki/\n');
    expect(registry).not.toContain('/beschluesse/jahr/');
  });
});

describe('the permanent-link guard', () => {
  const protocol = () => join(project, 'content/protocols/2021-11-11-strategiekreis.mdx');

  it('fails the build when a published resolution URL loses its page', () => {
    writeFileSync(protocol(), readFileSync(protocol(), 'utf8').replace('id="2021-11-11-strategiekreis-b7"', 'id="2021-11-11-strategiekreis-b8"'));
    const { status, output } = build();
    expect(status).not.toBe(0);
    expect(output).toContain('permalinks.txt: "/beschluesse/2021-11-11-strategiekreis-b7/" was published but this build has no page for it.');
    expect(output).toContain('/beschluesse/2021-11-11-strategiekreis-b7/: /sitzungen/2021-11-11-strategiekreis/');
  }, 180_000);

  it('passes with a redirect, which leads from the old URL to the new page', () => {
    appendFileSync(join(project, 'redirects.yaml'), '/beschluesse/2021-11-11-strategiekreis-b7/: /beschluesse/2021-11-11-strategiekreis-b8/\n');
    const { status, output } = build();
    expect(output).not.toMatch(/\[ERROR\]/);
    expect(status).toBe(0);
    expect(built('beschluesse/2021-11-11-strategiekreis-b7')).toContain('http-equiv="refresh" content="0;url=/beschluesse/2021-11-11-strategiekreis-b8/"');
  }, 180_000);
});
