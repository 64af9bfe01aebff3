/**
 * The built `dist/` that the browser tests see (the one to be deployed): no broken
 * internal link, asset reference or anchor (`checkLinks`), and no e-mail address or
 * phone number in any file, the served originals in `quellen/` and the gzipped
 * search index included.
 */
import { resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkLinks, formatLinkProblem, readSite } from '../../src/lib/checks/link-check';
import { publishedContacts } from '../../src/site-config';
import { contactDataInFiles, knownContactData } from './dist-files';

const dist = inject('dist');

describe('dist/', () => {
  it('has no broken internal links, asset references or anchors', () => {
    const site = readSite(dist);
    expect(site.pages.size).toBeGreaterThan(0);
    expect(checkLinks(site).map(formatLinkProblem)).toEqual([]);
  });

  it('publishes no e-mail address or phone number but the OM\'s own contact (src/site-config.ts)', async () => {
    const known = await knownContactData(resolve(dist, '../content'));
    expect(known).toContain('martin.wittau@bvng.org');
    // `<file>: <found>`; the OM's published contact may appear (Impressum), nothing else.
    const allowed = new Set(publishedContacts());
    const found = (await contactDataInFiles(dist, known)).filter((problem) => !allowed.has(problem.slice(problem.indexOf(': ') + 2).replace(/^mailto:/i, '')));
    expect(found).toEqual([]);
  });
});
