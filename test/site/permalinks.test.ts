/**
 * The permanent-link registry (src/lib/checks/permalinks.ts): what counts as
 * permanent, reading and updating `permalinks.txt`, reading `redirects.yaml`,
 * and the messages that fail the build.
 */
import { describe, expect, it } from 'vitest';
import {
  astroRedirects,
  checkPermalinks,
  formatPermalinks,
  isPermanentPath,
  parsePermalinks,
  parseRedirects,
  pathOfBuiltFile,
  permalinkError,
  suggestTarget,
  updatePermalinks,
} from '../../src/lib/checks/permalinks';

describe('which URLs are permanent', () => {
  it('keeps records and their sections, not filtered lists or assets', () => {
    for (const path of ['/sitzungen/', '/sitzungen/2021-11-11-strategiekreis/', '/beschluesse/2021-11-11-strategiekreis-b1/', '/personen/annette-icks/', '/organisationen/bmas/', '/themen/digitalisierung/', '/gremien/plenum/', '/vorgaenge/musternetzwerke/']) {
      expect(isPermanentPath(path), path).toBe(true);
    }
    for (const path of ['/', '/beschluesse/jahr/2021/', '/jahre/2021/', '/quellen/a.txt', '/suche/', '/_astro/x/']) {
      expect(isPermanentPath(path), path).toBe(false);
    }
  });

  it('maps built files to paths', () => {
    expect(pathOfBuiltFile('index.html')).toBe('/');
    expect(pathOfBuiltFile('beschluesse/x-b1/index.html')).toBe('/beschluesse/x-b1/');
    expect(pathOfBuiltFile('404.html')).toBeUndefined();
  });
});

describe('permalinks.txt', () => {
  it('reads paths, skips comments, reports bad lines with their line', () => {
    expect(parsePermalinks('# header\n\n/sitzungen/a/\nsitzungen/b\n')).toEqual({
      paths: ['/sitzungen/a/'],
      problems: ['permalinks.txt:4: "sitzungen/b" is not a site path. Fix: write it as "/section/id/" (leading and trailing slash, no spaces).'],
    });
  });

  it('writes a sorted list without duplicates that reads back the same', () => {
    const text = formatPermalinks(['/vorgaenge/b/', '/sitzungen/a/', '/sitzungen/a/']);
    expect(text.startsWith('# ')).toBe(true);
    expect(parsePermalinks(text).paths).toEqual(['/sitzungen/a/', '/vorgaenge/b/']);
  });

  it('adds new permanent pages and never drops a path', () => {
    expect(updatePermalinks(['/beschluesse/gone-b1/', '/sitzungen/a/'], ['/', '/sitzungen/a/', '/sitzungen/b/', '/beschluesse/jahr/2021/'])).toEqual({
      paths: ['/beschluesse/gone-b1/', '/sitzungen/a/', '/sitzungen/b/'],
      added: ['/sitzungen/b/'],
    });
  });
});

describe('redirects.yaml', () => {
  it('reads old: new pairs with their lines; comments and an empty file are fine', () => {
    expect(parseRedirects('# none yet\n')).toEqual({ redirects: [], problems: [] });
    expect(parseRedirects('# c\n/beschluesse/x-b2/: /sitzungen/x/\n').redirects).toEqual([{ from: '/beschluesse/x-b2/', to: '/sitzungen/x/', line: 2 }]);
  });

  it('reports bad paths, self-redirects and chains with line and fix', () => {
    const { problems } = parseRedirects('/a: /b/\n/c/: /c/\n/d/: /e/\n/e/: /f/\n');
    expect(problems).toEqual([
      'redirects.yaml:1: "/a" is not a site path. Fix: write it with a leading and trailing slash, e.g. "/sitzungen/2021-11-11-strategiekreis/".',
      'redirects.yaml:2: "/c/" redirects to itself. Fix: remove the line or give the new path.',
      'redirects.yaml:3: "/e/" is itself redirected (line 4). Fix: point "/d/" straight at "/f/".',
    ]);
    expect(parseRedirects('- /a/\n').problems).toEqual(['redirects.yaml:1: expected a mapping of paths. Fix: write one "/old/path/: /new/path/" per line.']);
  });

  it('gives Astro source routes without the trailing slash', () => {
    expect(astroRedirects([{ from: '/beschluesse/x-b2/', to: '/sitzungen/x/', line: 1 }])).toEqual({ '/beschluesse/x-b2': '/sitzungen/x/' });
  });
});

describe('checkPermalinks', () => {
  const pages = new Set(['/sitzungen/2021-11-11-plenum/', '/beschluesse/2021-11-11-plenum-b1/']);

  it('passes when every registered path has a page or a redirect to a page', () => {
    expect(
      checkPermalinks({
        registry: ['/sitzungen/2021-11-11-plenum/', '/beschluesse/2021-11-11-plenum-b2/'],
        pages,
        redirects: [{ from: '/beschluesse/2021-11-11-plenum-b2/', to: '/sitzungen/2021-11-11-plenum/', line: 1 }],
      }),
    ).toEqual([]);
  });

  it('says which URL vanished and which redirect line would fix it', () => {
    const problems = checkPermalinks({ registry: ['/beschluesse/2021-11-11-plenum-b2/'], pages, redirects: [] });
    expect(permalinkError(problems).message).toMatchInlineSnapshot(`
      "Permanent links are broken: 1 problem (src/integrations/permalinks.ts):
        permalinks.txt: "/beschluesse/2021-11-11-plenum-b2/" was published but this build has no page for it. Fix: restore the page, or add a redirect to the page that replaces it as a line in redirects.yaml:
            /beschluesse/2021-11-11-plenum-b2/: /sitzungen/2021-11-11-plenum/
      A URL in permalinks.txt has been public and may be cited or linked; it must keep working. Delete a line from permalinks.txt only if that URL was never published."
    `);
  });

  it('reports a redirect that leads nowhere', () => {
    expect(checkPermalinks({ registry: [], pages, redirects: [{ from: '/personen/a/', to: '/personen/b/', line: 3 }] })).toEqual([
      'redirects.yaml:3: "/personen/a/" redirects to "/personen/b/", which has no page. Fix: point it at an existing page.',
    ]);
  });

  it('suggests the meeting for a vanished resolution, else the section', () => {
    expect(suggestTarget('/beschluesse/2021-11-11-plenum-b2/', pages)).toBe('/sitzungen/2021-11-11-plenum/');
    expect(suggestTarget('/personen/anna-x/', pages)).toBe('/personen/');
  });
});
