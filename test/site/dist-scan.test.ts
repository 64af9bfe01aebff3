/**
 * The dist scan (test/site/dist-scan.ts) finds what it is for: a test that passes on a clean
 * `dist/` must fail on a dirty one.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { activeContentInDist, contactDataInDist } from './dist-scan';

let dist: string;
afterEach(() => rmSync(dist, { recursive: true, force: true }));

/** A `dist/` with the given files. */
function site(files: Record<string, string | Buffer>): string {
  dist = mkdtempSync(join(tmpdir(), 'om-dist-scan-'));
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(join(dist, name, '..'), { recursive: true });
    writeFileSync(join(dist, name), bytes);
  }
  return dist;
}

describe('dist scan', () => {
  it('passes a clean site', async () => {
    const clean = site({ 'index.html': '<a href="/x/">x</a><script type="module" src="/_astro/a.js"></script><script type="application/ld+json">{}</script>' });
    expect(activeContentInDist(clean)).toEqual([]);
    expect(await contactDataInDist(clean, ['anna@example.org'])).toEqual([]);
  });

  it('finds script URLs, handlers and inline scripts, also escaped inside a feed', () => {
    const dirty = site({
      'a/index.html': '<a href=" JavaScript:alert(1)">x</a>',
      'b/index.html': '<img src="/x.png" onerror="alert(1)">',
      'c/index.html': '<script>alert(1)</script>',
      'feeds/x.xml': '<description>&lt;a href=&quot;vbscript:x&quot;&gt;</description>',
      'oparl/x.json': '{"accessUrl":"data:text/html,x"}',
    });
    expect(activeContentInDist(dirty)).toEqual([
      'a/index.html: URL attribute with javascript:/vbscript:/data:',
      'b/index.html: event-handler attribute (on…=)',
      'c/index.html: inline <script>',
      'feeds/x.xml: URL attribute with javascript:/vbscript:/data:',
      'oparl/x.json: URL field with javascript:/vbscript:/data:',
    ]);
  });

  it('finds contact data in pages and in gzipped index fragments, also without its invisible characters', async () => {
    const dirty = site({ 'index.html': '<p>Tel. 030 1234567</p>', 'pagefind/fragment/x.pf_fragment': gzipSync('{"content":"anna@example.org"}') });
    const found = await contactDataInDist(dirty, ['an\u00adna@example.org']);
    expect(found).toContain('index.html: 030 1234567');
    expect(found).toContain('pagefind/fragment/x.pf_fragment: anna@example.org');
  });
});
