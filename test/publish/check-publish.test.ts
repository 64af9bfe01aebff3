/**
 * `npm run check:publish` (issue #24) on a small project folder made here: it passes on a
 * configured site and fails on each problem class a build must not publish, naming file and field.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblem, publishProblems, type PublishCheckInput } from '../../src/lib/checks/publish';
import { parseSiteConfig, siteConfig, siteUrl, type SiteConfig } from '../../src/site-config';
import { decidedSiteFacts } from './decided-site';

const site = 'https://protokolle.example.org';

/** A site config with every fact decided, as an office would fill it in. */
const configured: SiteConfig = parseSiteConfig({ ...decidedSiteFacts, publicUrl: site });

let root: string;

function put(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const page = (canonical: string, body = '') => `<!doctype html><html><head><link rel="canonical" href="${canonical}"></head><body>${body}</body></html>`;
const protocol = (status: string) => `---\ntitle: T\nreview:\n  status: ${status}\n${status === 'reviewed' ? '  by: Redaktion\n  date: "2026-12-01"\n' : ''}---\n\nRückfragen an erika.muster@example.org.\n`;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'om-check-publish-'));
  put('content/pages/impressum.mdx', '---\ntitle: Impressum\n---\n\nBetreiber: <Fact name="operator.name" />\n\nKontakt: <Fact name="contact.email" />\n');
  put('content/protocols/2021-11-11-plenum.mdx', protocol('reviewed'));
  put('permalinks.txt', '# published\n/sitzungen/\n/sitzungen/2021-11-11-plenum/\n');
  put('dist/index.html', page(`${site}/`, '<a href="/sitzungen/">Sitzungen</a>'));
  put('dist/sitzungen/index.html', page(`${site}/sitzungen/`));
  put('dist/sitzungen/2021-11-11-plenum/index.html', page(`${site}/sitzungen/2021-11-11-plenum/`, 'Rückfragen an [E-Mail-Adresse entfernt].'));
  // An event's UID is written like an address (RFC 5545) but is none.
  put('dist/kalender/termine.ics', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:2025-09-09-ag-transfer@protokolle.example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
  put('dist/impressum/index.html', page(`${site}/impressum/`, 'Kontakt: <a href="mailto:redaktion@example.org">redaktion@example.org</a>'));
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The check's findings as printed, for the fixture changed by the caller. */
async function check(input: Partial<PublishCheckInput> = {}): Promise<string[]> {
  return (await publishProblems({ root, config: configured, site, siteFromEnv: false, strict: false, ...input })).map(formatProblem);
}

describe('check:publish', () => {
  it('passes on a configured site whose dist/ was built for its address', async () => {
    expect(await check()).toEqual([]);
  });

  it('fails without a public base URL, on a local one and on one with a path', async () => {
    expect(await check({ site: undefined })).toEqual([expect.stringMatching(/^error: src\/site-config\.ts: publicUrl: no public base URL is set: .* Fix: set publicUrl in src\/site-config\.ts/)]);
    const local = await check({ site: 'http://localhost:4321', siteFromEnv: true });
    expect(local[0]).toMatch(/^error: SITE: "http:\/\/localhost:4321" is a local address/);
    expect(await check({ site: 'https://example.github.io/protokolle/' })).toContainEqual(expect.stringMatching(/^error: src\/site-config\.ts: publicUrl: ".*" has a path \(\/protokolle\/\)/));
  });

  it('fails on a dist/ built for localhost, naming the files', async () => {
    put('dist/index.html', page('http://localhost:4321/'));
    put('dist/feeds/sitzungen.xml', '<rss><link>http://localhost:4321/sitzungen/</link></rss>');
    const found = await check();
    expect(found).toContain(`error: dist/index.html: canonical: built for http://localhost:4321, not for ${site}. Fix: build with the public address: SITE=${site} npm run build.`);
    expect(found).toContain(`error: dist/: 2 files link to http://localhost (dist/feeds/sitzungen.xml, dist/index.html). Fix: build with the public address: SITE=${site} npm run build.`);
  });

  it('lists every placeholder with the page line and the config field, and one written into a page', async () => {
    put('content/pages/ueber.mdx', '---\ntitle: Über\n---\n\nLizenz: [noch festzulegen: Lizenz]\n');
    const found = await check({ config: { ...configured, operator: { ...configured.operator, name: null } } });
    expect(found).toEqual([
      'error: content/pages/impressum.mdx:5: operator.name: shows "[noch festzulegen: Name des Betreibers]". Fix: fill in operator.name in src/site-config.ts (README, "Veröffentlichen").',
      'error: content/pages/ueber.mdx:5: the text holds a "[noch festzulegen" placeholder. Fix: replace it with the text to publish.',
    ]);
    // The project as committed: nothing decided yet, every fact named.
    expect((await check({ config: siteConfig })).filter((line) => line.includes('src/site-config.ts: ')).length).toBe(12);
  });

  it('warns about an unreviewed protocol, and fails on it with --strict', async () => {
    put('content/protocols/2025-06-03-ag-transfer.mdx', protocol('imported'));
    const warning = 'content/protocols/2025-06-03-ag-transfer.mdx: review.status: imported: not reviewed yet; its pages say "Automatisch importiert, noch nicht redaktionell geprüft". Fix: check it against the original, then npm run review -- --approve 2025-06-03-ag-transfer --by "Name".';
    expect(await check()).toEqual([`warning: ${warning}`]);
    expect(await check({ strict: true })).toEqual([`error: ${warning}`]);
  });

  it('fails on a published URL that lost its page, suggesting the redirect', async () => {
    rmSync(join(root, 'dist/sitzungen/2021-11-11-plenum'), { recursive: true });
    expect(await check()).toEqual([
      'error: permalinks.txt: "/sitzungen/2021-11-11-plenum/" was published but this build has no page for it. Fix: restore the page, or add a redirect to the page that replaces it as a line in redirects.yaml: /sitzungen/2021-11-11-plenum/: /sitzungen/.',
    ]);
  });

  it('fails on contact data in dist/, but allows the OM\'s own published contact', async () => {
    put('dist/sitzungen/2021-11-11-plenum/index.html', page(`${site}/sitzungen/2021-11-11-plenum/`, 'Rückfragen an erika.muster@example.org, Tel. 0228 123456.'));
    const found = await check();
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^error: dist\/sitzungen\/2021-11-11-plenum\/index\.html: publishes contact data "erika\.muster@example\.org"\. Fix: /);
    expect(found[1]).toMatch(/^error: dist\/sitzungen\/2021-11-11-plenum\/index\.html: publishes contact data "(Tel\. )?0228 123456"/);
    put('dist/kalender/termine.ics', 'BEGIN:VEVENT\r\nUID:a@protokolle.example.org\r\nDESCRIPTION:Anmeldung bei erika.muster@example.org\r\nEND:VEVENT\r\n');
    expect((await check()).filter((line) => line.startsWith('error: dist/kalender/'))).toEqual([expect.stringContaining('publishes contact data "erika.muster@example.org"')]);
  });
});

describe('siteUrl', () => {
  it('takes SITE over publicUrl, counts an empty SITE as unset, and refuses a SITE that is no URL', () => {
    expect(siteUrl({ SITE: 'https://a.example.org' }, configured)).toBe('https://a.example.org');
    expect(siteUrl({ SITE: '' }, configured)).toBe(site);
    expect(siteUrl({}, siteConfig)).toBeUndefined();
    expect(() => siteUrl({ SITE: 'protokolle' }, configured)).toThrow('SITE: "protokolle" is not a URL. Fix:');
  });
});
