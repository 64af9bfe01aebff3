/**
 * `npm run screenshots`: full-page PNGs of every page kind at phone (375 px) and
 * desktop (1280 px) width, light and (for home, meeting, person, resolution, search and legal pages) dark, into
 * `screenshots/` (gitignored). Builds nothing: run `npm run build` first.
 *
 * Serves `dist/` with `astro preview` on 127.0.0.1 and drives Debian's
 * chromium (`apt-get install -y chromium`) through playwright-core. Reports
 * pages that scroll sideways, the usual phone-layout bug.
 *
 * Options: `--root <dir>` project whose `dist/` to serve (default: current
 * directory), `--out <dir>` (default: `screenshots`).
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { preview } from 'astro';
import { chromium } from 'playwright-core';

const { values } = parseArgs({
  options: { root: { type: 'string', default: '.' }, out: { type: 'string', default: 'screenshots' } },
});
const root = resolve(values.root);
const outDir = resolve(values.out);
const dist = join(root, 'dist');
const chromiumPath = '/usr/bin/chromium';

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`screenshots: ${dist}/index.html not found. Fix: run \`npm run build\` first.`);
  process.exit(1);
}
if (!existsSync(chromiumPath)) {
  console.error(`screenshots: ${chromiumPath} not found. Fix: apt-get update && apt-get install -y chromium`);
  process.exit(1);
}

/** The sub-folder of `dist/<section>/` with the largest index.html: the richest example of a page kind. */
function richestPage(section) {
  const dir = join(dist, section);
  if (!existsSync(dir)) return undefined;
  const pages = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'index.html')))
    .map((entry) => ({ name: entry.name, size: statSync(join(dir, entry.name, 'index.html')).size }))
    .sort((a, b) => b.size - a.size);
  return pages[0] && `/${section}/${pages[0].name}/`;
}

/** Page kind => path; kinds without an example in this build are skipped. */
const pages = Object.entries({
  home: '/',
  sitzungen: '/sitzungen/',
  sitzung: richestPage('sitzungen'),
  gremien: '/gremien/',
  gremium: richestPage('gremien'),
  jahre: '/jahre/',
  jahr: richestPage('jahre'),
  beschluesse: '/beschluesse/',
  beschluss: richestPage('beschluesse'),
  vorgaenge: '/vorgaenge/',
  vorgang: richestPage('vorgaenge'),
  personen: '/personen/',
  person: richestPage('personen'),
  organisationen: '/organisationen/',
  organisation: richestPage('organisationen'),
  themen: '/themen/',
  thema: richestPage('themen'),
  suche: '/suche/?q=Strategiekreis',
  'suche-beschluss': '/suche/?q=Vorstand&art=Beschluss',
  daten: '/daten/',
  ueber: '/ueber/',
  impressum: '/impressum/',
  datenschutz: '/datenschutz/',
  barrierefreiheit: '/barrierefreiheit/',
  404: '/gibt-es-nicht/',
}).filter(([, path]) => path);

const widths = [375, 1280];
/** The tallest screenshot, px. */
const maxHeight = 15000;
const port = 4399;

mkdirSync(outDir, { recursive: true });
const server = await preview({ root, logLevel: 'warn', server: { host: '127.0.0.1', port } });
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const problems = [];
try {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of widths) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const page = await context.newPage();
      // Any request leaving 127.0.0.1 breaks the "no external requests" rule.
      page.on('request', (request) => {
        if (!new URL(request.url()).hostname.match(/^(127\.0\.0\.1|localhost)$/)) problems.push(`external request: ${request.url()}`);
      });
      for (const [kind, path] of pages) {
        if (colorScheme === 'dark' && !['sitzung', 'home', 'person', 'impressum', 'beschluss', 'suche'].includes(kind)) continue;
        await page.goto(`http://127.0.0.1:${port}${path}`);
        // Search pages render their results in the browser: wait for the status line.
        if (path.startsWith('/suche/?')) {
          await page.waitForFunction(() => document.querySelector('#suche-status')?.textContent?.trim(), null, { timeout: 10000 }).catch(() => {
            problems.push(`${path}: no search status after 10 s`);
          });
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) problems.push(`${path} at ${width}px (${colorScheme}): ${overflow}px wider than the viewport`);
        const file = join(outDir, `${kind}-${width}${colorScheme === 'dark' ? '-dark' : ''}.png`);
        // Chromium cannot capture a page much taller than 16,000 px (a list of 2,000 meetings is
        // 100,000): such a page is cut at maxHeight and says so.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const clip = height > maxHeight ? { x: 0, y: 0, width, height: maxHeight } : undefined;
        await page.screenshot({ path: file, fullPage: true, ...(clip && { clip }) });
        console.log(`screenshots: ${file}  (${path}${clip ? `, ${height} px tall, cut at ${maxHeight}` : ''})`);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
for (const problem of problems) console.warn(`screenshots: warning: ${problem}`);
