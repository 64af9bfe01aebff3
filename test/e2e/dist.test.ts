/**
 * The built `dist/` that the browser tests see (the one to be deployed): no broken
 * internal link, asset reference or anchor (`checkLinks`), and no e-mail address or
 * phone number in any file, the served originals in `quellen/` and the gzipped
 * search index included; no two words glued where inline elements meet.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { checkLinks, formatLinkProblem, readSite } from '../../src/lib/checks/link-check';
import { publishedContacts } from '../../src/site-config';
import { contactDataInFiles, knownContactData, listFiles } from './dist-files';

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

  it('glues no words where inline elements meet ("über die<a>Sitzungen" reads "über dieSitzungen")', () => {
    // compressHTML: 'jsx' drops a line break between text and an element, as JSX does; a source
    // line ending in a word before a line starting with <a> renders the two words as one.
    const inline = 'a|span|time|abbr|strong|em|code|b|i|mark|kbd';
    const glued = new RegExp(
      `[\\p{L}\\p{N}.,;)](?:(?:</(?:${inline})>)+(?:<(?:${inline})\\b[^>]*>)*|(?:<(?:${inline})\\b[^>]*>)+)[\\p{L}\\p{N}(]`,
      'gu',
    );
    const found = listFiles(dist)
      .filter((file) => file.endsWith('.html'))
      .flatMap((file) => {
        const html = readFileSync(join(dist, file), 'utf8').replace(/<(script|style)\b.*?<\/\1>/gs, '');
        return [...html.matchAll(glued)].map((match) => `${file}: …${html.slice(Math.max(0, match.index - 40), match.index + match[0].length + 20)}…`);
      });
    expect(found).toEqual([]);
  });
});
