/**
 * Reader-first pages, part 2 (issue #25), on the built site in Chromium: resolutions are
 * named by what they decide on every page that lists them, never "2. Beschluss zu TOP 4";
 * their ids show only in URLs, data and a `<details>`; a resolution page lists at most five
 * related resolutions before the rest is folded; person pages list attended, presented,
 * minuted and mentioned meetings with counts that match their lists; the home page's newest
 * resolutions come from more than one meeting.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { discoverPages } from './dist-files';
import { RESOLUTION_ID, shownMatches } from './shown-text';

const baseUrl = inject('baseUrl');
const dist = inject('dist');
const pages = discoverPages(dist);
/** A resolution id as the archive writes it: `<meeting-id>-b<n>`. */
const resolutionIds = readdirSync(join(dist, 'beschluesse'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && RESOLUTION_ID.test(entry.name))
  .map((entry) => entry.name);
const meetingOf = (id: string) => id.replace(/-b\d+$/, '');
const people = readdirSync(join(dist, 'personen'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `/personen/${entry.name}/`);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'load' });
  return page;
}

/** The texts of the links to resolution pages in `main`. */
async function resolutionLinkTexts(page: Page): Promise<string[]> {
  return page.locator('main a[href^="/beschluesse/"]').evaluateAll((anchors) =>
    anchors
      // Also the folded ones and what only a screen reader reads: all of it is the link's name.
      .filter((a) => /^\/beschluesse\/\d{4}-\d{2}-\d{2}-[^/]+-b\d+\/$/.test(a.getAttribute('href') ?? ''))
      .map((a) => (a.textContent ?? '').replace(/\s+/g, ' ').trim()),
  );
}

it('has resolutions to check', () => {
  expect(resolutionIds.length).toBeGreaterThan(0);
});

describe.each(pages)('%s', (path) => {
  it('names every linked resolution by what it decides, not by its position', async () => {
    const page = await open(path);
    for (const text of await resolutionLinkTexts(page)) {
      expect(text, path).not.toMatch(/(^|\s)(\d+\.\s)?(Beschluss|Vereinbarung)\s+zu\s+TOP\s+\d/);
      expect(text, path).not.toMatch(RESOLUTION_ID);
      expect(text.length, path).toBeGreaterThan(3);
    }
    await page.context().close();
  });

  it('shows no resolution id outside URLs and a <details>', async () => {
    const page = await open(path);
    const shown = await shownMatches(page, RESOLUTION_ID.source);
    expect(shown, path).toEqual([]);
    await page.context().close();
  });
});

describe('lists of resolutions', () => {
  it.each(['/', '/beschluesse/', '/personen/oleg-cernavin/'])('%s links resolutions with their own words', async (path) => {
    const page = await open(path, 375);
    const texts = await resolutionLinkTexts(page);
    expect(texts.length, path).toBeGreaterThan(0);
    // Two resolutions of a list do not read the same (unique within a meeting, and lists group by meeting).
    if (path === '/beschluesse/') expect(new Set(texts).size).toBe(texts.length);
    await page.context().close();
  });
});

describe('home page', () => {
  it('shows the newest resolutions from more than one meeting', async () => {
    const meetings = new Set(resolutionIds.map(meetingOf));
    const page = await open('/');
    const hrefs = await page
      .locator('section[aria-labelledby="neueste-beschluesse"] a[href^="/beschluesse/"]')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!));
    const ids = hrefs.map((href) => href.split('/')[2]).filter((id) => id);
    expect(ids.length).toBeGreaterThan(0);
    if (meetings.size > 1) expect(new Set(ids.map(meetingOf)).size).toBeGreaterThan(1);
    await page.context().close();
  });
});

describe('resolution pages', () => {
  it.each(resolutionIds)('/beschluesse/%s/ lists at most five related resolutions before the rest is folded', async (id) => {
    const page = await open(`/beschluesse/${id}/`);
    const open_ = await page.locator('section[aria-labelledby="verwandt"] > .resolution-list > li').count();
    expect(open_).toBeLessThanOrEqual(5);
    // The id is there for whoever needs it, folded.
    expect(await page.locator('details.resolution-id code').textContent()).toBe(id);
    expect(await page.locator('details.resolution-id').getAttribute('open')).toBeNull();
    await page.context().close();
  });
});

describe('person pages', () => {
  it.each(people)('%s lists attended, presented, minuted and mentioned meetings, each count matching its list', async (path) => {
    const page = await open(path, 375);
    const sections = await page.locator('main section[aria-labelledby]').evaluateAll((nodes) =>
      nodes.map((section) => ({
        heading: section.querySelector('h2')?.textContent?.trim() ?? '',
        items: section.querySelectorAll(':scope > .entity-list > li').length,
      })),
    );
    const byRole = sections.filter((s) => /^(Teilgenommen an|Vorgetragen in|Protokoll geführt in|Erwähnt in) \(/.test(s.heading));
    expect(byRole[0]?.heading, path).toMatch(/^Teilgenommen an \(/);
    for (const section of byRole) {
      const count = Number(/\((\d+) Sitzung(en)?\)$/.exec(section.heading)?.[1]);
      expect(count, `${path}: ${section.heading}`).toBe(section.items);
    }
    // An empty attendance list is explained, never left blank.
    if (byRole[0].items === 0) await expect(page.locator('#teilgenommen ~ p').first().textContent()).resolves.toMatch(/Kein Protokoll nennt/);
    const text = await page.locator('main').innerText();
    expect(text, path).not.toMatch(/\bfür Stiftung\b/);
    await page.context().close();
  });

  it('says, where a protocol names no participants, that not listed is not absent', async () => {
    const notes: string[] = [];
    for (const path of people) {
      const page = await open(path);
      notes.push(...(await page.locator('.attendance-note').allTextContents()));
      await page.context().close();
      if (notes.length > 0) break;
    }
    expect(notes[0]).toMatch(/nenn(t|en) keine Teilnehmenden; ob .+ dabei war, steht dort nicht: /);
  });
});
