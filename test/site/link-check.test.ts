/**
 * `checkLinks` (src/lib/checks/link-check.ts) on small hand-made sites, then on a real
 * build of the archive (a temporary copy of the project with the real `content/`):
 * zero broken internal links, asset references and anchors.
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, formatLinkProblem, pageUrlPath, readSite, type Site } from '../../src/lib/checks/link-check';
import { buildCopy, type BuiltCopy } from './build-copy';

const repo = resolve(import.meta.dirname, '../..');

/** A site from `path => html` (pages) plus other file paths. */
function site(pages: Record<string, string>, otherFiles: string[] = []): Site {
  return { files: [...Object.keys(pages), ...otherFiles].sort(), pages: new Map(Object.entries(pages)) };
}

/** The problems as lines. */
function check(s: Site): string[] {
  return checkLinks(s).map(formatLinkProblem);
}

describe('pageUrlPath', () => {
  it.each([
    ['index.html', '/'],
    ['sitzungen/index.html', '/sitzungen/'],
    ['sitzungen/2021-04-22-strategiekreis/index.html', '/sitzungen/2021-04-22-strategiekreis/'],
    ['404.html', '/404.html'],
  ])('%s is served at %s', (file, path) => {
    expect(pageUrlPath(file)).toBe(path);
  });
});

describe('checkLinks', () => {
  const home = `<!doctype html><html><head>
    <link rel="stylesheet" href="/_astro/a.css"><link rel="icon" href="/favicon.svg">
    <link rel="canonical" href="http://localhost:4321/">
    </head><body><a href="#inhalt">Zum Inhalt</a><main id="inhalt">
    <a href="/sitzungen/">Sitzungen</a> <a href="sitzungen/x/#top-2">TOP 2</a>
    <a href="/quellen/002_a.txt">Original</a> <a href="https://example.org/nope/">extern</a>
    <a href="mailto:x">x</a> <img src="/bild.png" srcset="/bild.png 1x, /bild@2x.png 2x" alt="">
    <label for="q">Suche</label><input id="q"></main></body></html>`;
  const good = site(
    {
      'index.html': home,
      'sitzungen/index.html': '<a href="../">Start</a><a href="x/">x</a>',
      'sitzungen/x/index.html': '<h2 id="top-2">TOP 2</h2><a name="alt"></a><a href="#alt">alt</a><a href="/sitzungen/x/#top-2">self</a>',
    },
    ['_astro/a.css', 'favicon.svg', 'quellen/002_a.txt', 'bild.png', 'bild@2x.png'],
  );

  it('finds nothing wrong in a sound site (relative, absolute, own-origin, assets, srcset, for=)', () => {
    expect(check(good)).toEqual([]);
  });

  it('reports missing pages, files and anchors with the page, the reference and a fix', () => {
    const broken = site(
      {
        'index.html':
          '<link rel="stylesheet" href="/_astro/weg.css"><a href="/gremien/">G</a><a href="/sitzungen/x/#top-9">T</a>' +
          '<a href="#fehlt">F</a><a href="/sitzungen/x">ohne Slash</a><img src="bild.png" srcset="/klein.png 1x" alt="">' +
          '<a href="http://localhost:4321/alt/">alt</a><a href="/quellen/002_a.txt#x">Q</a><a href="">leer</a>' +
          '<span aria-labelledby="nirgends">x</span>',
        'sitzungen/x/index.html': '<h2 id="top-2">TOP 2</h2>',
      },
      ['quellen/002_a.txt', 'bild.png'],
    );
    expect(check(broken)).toEqual([
      'dist/index.html: <link href="/_astro/weg.css">: no file at /_astro/weg.css (no dist/_astro/weg.css). Fix: correct the reference or add the file.',
      'dist/index.html: <a href="/gremien/">: no page at /gremien/ (no dist/gremien/index.html). Fix: correct the link or build the page.',
      'dist/index.html: <a href="/sitzungen/x/#top-9">: no element with id="top-9" on /sitzungen/x/. Fix: correct the anchor or give the target that id.',
      'dist/index.html: <a href="#fehlt">: no element with id="fehlt" on /. Fix: correct the anchor or give the target that id.',
      "dist/index.html: <a href=\"/sitzungen/x\">: /sitzungen/x is a page that lives at /sitzungen/x/. Fix: add the trailing slash (trailingSlash: 'always').",
      'dist/index.html: <img srcset="/klein.png">: no file at /klein.png (no dist/klein.png). Fix: correct the reference or add the file.',
      'dist/index.html: <a href="http://localhost:4321/alt/">: no page at /alt/ (no dist/alt/index.html). Fix: correct the link or build the page.',
      'dist/index.html: <a href="/quellen/002_a.txt#x">: #x points into quellen/002_a.txt, which is not a page. Fix: remove the fragment.',
      'dist/index.html: <a href="">: empty reference. Fix: give it a target or remove the attribute.',
      'dist/index.html: <span aria-labelledby="nirgends">: no element with id="nirgends" on this page. Fix: correct the id reference.',
    ]);
  });

  it('decodes percent-encoded paths and fragments', () => {
    const encoded = site({
      'index.html': '<a href="/gr%C3%BCn/#b%C3%BCro">x</a>',
      'grün/index.html': '<p id="büro">Büro</p>',
    });
    expect(check(encoded)).toEqual([]);
  });

  it('reports a malformed percent-encoding in a path or a fragment as a broken link instead of throwing', () => {
    const malformed = site({
      'index.html': '<a href="/x/#%E0%A4">kaputt</a><a href="/%E0/">auch</a><a href="/x/#top-2">gut</a>',
      'x/index.html': '<h2 id="top-2">TOP 2</h2>',
    });
    expect(check(malformed)).toEqual([
      'dist/index.html: <a href="/x/#%E0%A4">: malformed percent-encoding in the #fragment. Fix: encode the anchor with encodeURIComponent.',
      'dist/index.html: <a href="/%E0/">: malformed percent-encoding. Fix: encode the path with encodeURIComponent.',
    ]);
  });
});

describe('the real archive, built', () => {
  let copy: BuiltCopy;
  beforeAll(() => {
    copy = buildCopy(join(repo, 'content'));
  }, 180_000);
  afterAll(() => copy?.remove());

  it('has no broken internal link, asset reference or anchor', () => {
    expect(copy.status, copy.output).toBe(0);
    const built = readSite(copy.dist);
    expect(built.pages.size).toBeGreaterThan(5);
    expect(checkLinks(built).map(formatLinkProblem)).toEqual([]);
  });
});
