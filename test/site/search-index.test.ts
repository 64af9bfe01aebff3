/**
 * The build's search step (`scripts/search-index.ts`) on a small hand-written
 * site: resolution pages go to their own Pagefind bundle, everything else
 * searchable to the main one, each with its date order; a searchable page in the
 * resolution pages' folder that is not a resolution page stops the build.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSearchIndex, mainGlob } from '../../scripts/search-index';

/** A built page as the site writes it: `<main data-pagefind-body>` when searchable, with a date. */
function page(title: string, options: { searchable?: boolean; date?: string; kind?: string } = {}): string {
  const body = options.searchable === false ? '' : ' data-pagefind-body';
  const meta = [
    `<span data-pagefind-meta="title[data-value]" data-value="${title}"></span>`,
    options.date ? `<span data-pagefind-meta="date[data-value]" data-value="${options.date}"></span>` : '',
    options.kind ? `<span data-pagefind-filter="art[data-value]" data-value="${options.kind}"></span>` : '',
  ].join('');
  return `<!doctype html><html lang="de"><head><title>${title}</title></head><body><main${body}><div hidden data-pagefind-ignore>${meta}</div><h1>${title}</h1><p>Arbeitsschutz im Mittelstand.</p></main></body></html>`;
}

let dist: string | undefined;
afterEach(() => {
  if (dist) rmSync(dist, { recursive: true, force: true });
  dist = undefined;
});

/** Writes `files` (path → HTML) into a fresh folder. */
function site(files: Record<string, string>): string {
  dist = mkdtempSync(join(tmpdir(), 'om-search-index-'));
  for (const [path, html] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), html);
  }
  return dist;
}

const fragments = (bundle: string) => readdirSync(join(bundle, 'fragment')).length;
const dated = (bundle: string) => (JSON.parse(readFileSync(join(bundle, 'datum.json'), 'utf8')) as { ids: string[] }).ids.length;

describe('search index (two Pagefind bundles)', () => {
  const files = {
    'index.html': page('Start', { searchable: false }),
    'sitzungen/2021-11-11-plenum/index.html': page('Plenum 2021', { date: '2021-11-11', kind: 'Sitzung' }),
    'sitzungen/2017-11-09-plenum/index.html': page('Plenum 2017', { date: '2017-11-09', kind: 'Sitzung' }),
    'personen/achim-sieker/index.html': page('Achim Sieker', { kind: 'Person' }),
    'beschluesse/index.html': page('Beschlüsse', { searchable: false }),
    'beschluesse/jahr/2021/index.html': page('Beschlüsse 2021', { searchable: false }),
    'beschluesse/2021-11-11-plenum-b1/index.html': page('Beschluss 1', { date: '2021-11-11', kind: 'Beschluss' }),
  };

  it('indexes resolution pages in their own bundle and the other searchable pages in the main one', async () => {
    const root = site(files);
    await buildSearchIndex(root);
    expect(fragments(join(root, 'pagefind'))).toBe(3);
    expect(fragments(join(root, 'pagefind', 'beschluesse'))).toBe(1);
    // Each bundle's date order lists its own dated pages.
    expect(dated(join(root, 'pagefind'))).toBe(2);
    expect(dated(join(root, 'pagefind', 'beschluesse'))).toBe(1);
  });

  it('lists the top-level files and folders but the resolution pages’ folder in the main glob', () => {
    expect(mainGlob(site(files))).toBe('{*.html,personen/**/*.html,sitzungen/**/*.html}');
  });

  it('stops at a searchable page in beschluesse/ that is not a resolution page, naming it', () => {
    const root = site({ ...files, 'beschluesse/jahr/2021/index.html': page('Beschlüsse 2021') });
    expect(() => mainGlob(root)).toThrow(/beschluesse\/jahr\/2021\/index\.html: a searchable page in beschluesse\/ that is not a resolution page .*Fix: /);
  });
});
