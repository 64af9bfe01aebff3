/**
 * End-to-end for feeds, calendars, OParl, the dataset, JSON-LD, sitemap and
 * robots.txt: builds the fixture archive (`test/fixtures/site/content/`) in a
 * temporary copy of the project (`build-copy.ts`) and parses what `dist/` holds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { csvByteOrderMark, csvField, parseCsv } from '../../src/lib/publish/csv';
import { listPageSchema, schemasByType } from '../../src/lib/publish/oparl-schema';
import { listFiles } from '../e2e/dist-files';
import { buildCopy, type BuiltCopy } from './build-copy';

const repo = resolve(import.meta.dirname, '../..');
/** The site URL the copy is built with (astro.config.mjs: `SITE` or the preview URL). */
const site = (process.env.SITE ?? 'http://localhost:4321').replace(/\/$/, '');

let copy: BuiltCopy;
const built = (path: string) => readFileSync(join(copy.dist, path), 'utf8');
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' || name === 'sitemap' || name === 'url' });

beforeAll(() => {
  copy = buildCopy(join(repo, 'test/fixtures/site/content'));
}, 180_000);
afterAll(() => copy?.remove());

describe('a build of the fixture archive', () => {
  it('succeeds', () => {
    expect(copy.status, copy.output).toBe(0);
  });

  it('writes RSS feeds for the archive, each committee, person and topic, valid XML with items', () => {
    const feeds = listFiles(join(copy.dist, 'feeds'));
    expect(feeds).toEqual(expect.arrayContaining(['sitzungen.xml', 'beschluesse.xml', 'gremien/plenum.xml', 'personen/annette-icks.xml', 'themen/digitalisierung.xml']));
    for (const feed of feeds) {
      const text = built(`feeds/${feed}`);
      expect(XMLValidator.validate(text), feed).toBe(true);
      expect(xml.parse(text).rss.channel.title, feed).toMatch(/^Protokollarchiv der Offensive Mittelstand: /);
    }
    const meetings = xml.parse(built('feeds/sitzungen.xml')).rss.channel.item;
    expect(meetings).toHaveLength(6);
    expect(meetings[0].link).toBe(`${site}/sitzungen/2022-03-15-ag-transfer/`);
    expect(xml.parse(built('feeds/beschluesse.xml')).rss.channel.item.length).toBeGreaterThan(0);
  });

  it('writes calendars whose events have the announced Berlin time, or are all-day and link their protocol', () => {
    const ics = built('kalender/termine.ics').replace(/\r\n[ \t]/g, '');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain(`UID:2022-05-12-plenum@${new URL(site).hostname}\r\n`);
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20220512T100000\r\nDTEND;TZID=Europe/Berlin:20220512T150000\r\n');
    expect(ics).toContain('DTSTART;VALUE=DATE:20220315\r\nDTEND;VALUE=DATE:20220316\r\n');
    expect(ics).toContain(`URL;VALUE=URI:${site}/sitzungen/2022-03-15-ag-transfer/\r\n`);
    expect(built('kalender/plenum.ics')).toContain('20220512T100000');
    expect(built('kalender/plenum.ics')).not.toContain('20220315');
    expect(existsSync(join(copy.dist, 'kalender/ag-digitalisierung.ics'))).toBe(true);
  });

  it('writes an OParl export where every object validates and every id and list URL is a file', () => {
    const seen = new Set<string>();
    const queue = [`${site}/oparl/1.1/system.json`];
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const path = url.slice(site.length).split('#')[0];
      expect(existsSync(join(copy.dist, path)), `${url} is not a file in dist/`).toBe(true);
      const data = JSON.parse(built(path));
      if ('data' in data) expect(listPageSchema(z.unknown()).safeParse(data).success, url).toBe(true);
      const check = (value: unknown): void => {
        if (Array.isArray(value)) return value.forEach(check);
        if (!value || typeof value !== 'object') return;
        const record = value as Record<string, unknown>;
        if (typeof record.type === 'string' && record.type in schemasByType) {
          const result = schemasByType[record.type].safeParse(record);
          expect(result.success, `${record.id}: ${result.error?.message}`).toBe(true);
        }
        Object.values(record).forEach(check);
      };
      check(data);
      for (const match of JSON.stringify(data).matchAll(/"(https?:\/\/[^"]+\/oparl\/1\.1\/[^"]+)"/g)) queue.push(match[1]);
    }
    expect(seen.size).toBeGreaterThan(20);
    expect(seen).toContain(`${site}/oparl/1.1/meeting/2021-11-11-plenum.json`);
    const plenum = JSON.parse(built('oparl/1.1/meeting/2021-11-11-plenum.json'));
    const top3 = plenum.agendaItem.find((item: { number?: string }) => item.number === '3');
    expect(top3).toMatchObject({ result: 'bei zwei Enthaltungen', resolutionText: expect.stringMatching(/^Das Plenum beschließt das Qualitätssicherungsverfahren/) });
  });

  it('writes CSV files with a UTF-8 byte order mark that round-trip field by field, and archive.json', () => {
    for (const file of ['meetings.csv', 'resolutions.csv', 'people.csv', 'organisations.csv']) {
      expect([...readFileSync(join(copy.dist, 'daten', file)).subarray(0, 3)], file).toEqual([0xef, 0xbb, 0xbf]);
      const text = built(`daten/${file}`);
      const records = parseCsv(text);
      expect(records.length, file).toBeGreaterThan(1);
      expect(new Set(records.map((record) => record.length)).size, file).toBe(1);
      expect(csvByteOrderMark + records.map((record) => `${record.map((field) => csvField(field)).join(',')}\r\n`).join(''), file).toBe(text);
      // The copy for German Excel: byte order mark, `;` between the same cells.
      const excel = file.replace('.csv', '.excel.csv');
      expect([...readFileSync(join(copy.dist, 'daten', excel)).subarray(0, 3)], excel).toEqual([0xef, 0xbb, 0xbf]);
      expect(parseCsv(built(`daten/${excel}`), ';'), excel).toEqual(records);
    }
    const resolutions = parseCsv(built('daten/resolutions.csv'));
    expect(resolutions.some((record) => record.some((field) => field.includes('\n\n')))).toBe(true);
    const archive = JSON.parse(built('daten/archive.json'));
    expect(archive.meetings).toHaveLength(6);
  });

  it('documents every column on /daten/', () => {
    const page = built('daten/index.html');
    for (const file of ['meetings.csv', 'resolutions.csv', 'people.csv', 'organisations.csv']) {
      expect(page).toContain(`href="/daten/${file}"`);
      expect(page).toContain(`href="/daten/${file.replace('.csv', '.excel.csv')}"`);
      for (const column of parseCsv(built(`daten/${file}`))[0]) expect(page, `${file}: ${column}`).toContain(`<code>${column}</code>`);
    }
    expect(page).toContain('href="/oparl/1.1/system.json"');
  });

  it('puts a schema.org Event as JSON-LD on every meeting page', () => {
    for (const page of listFiles(join(copy.dist, 'sitzungen')).filter((file) => /^\d{4}-.+\/index\.html$/.test(file))) {
      const scripts = [...built(`sitzungen/${page}`).matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)];
      expect(scripts, page).toHaveLength(1);
      const event = JSON.parse(scripts[0][1]);
      expect(event).toMatchObject({ '@context': 'https://schema.org', '@type': 'Event', isAccessibleForFree: true, organizer: { '@type': 'Organization' } });
      expect(event.name).toEqual(expect.any(String));
      expect(event.startDate).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2})?$/);
    }
    const plenum = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(built('sitzungen/2021-11-11-plenum/index.html'))![1]);
    expect(plenum).toMatchObject({
      startDate: '2021-11-11T09:00:00+01:00',
      endDate: '2021-11-11T13:00:00+01:00',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', name: 'bei der DGUV in Bonn' },
    });
  });

  it('announces the feeds on every page, and a committee’s own feed and calendar on its pages', () => {
    for (const page of listFiles(copy.dist).filter((file) => file.endsWith('.html'))) {
      expect(built(page), page).toContain('<link rel="alternate" type="application/rss+xml" title="Neue Sitzungsprotokolle (RSS)" href="/feeds/sitzungen.xml">');
    }
    for (const page of ['gremien/plenum/index.html', 'sitzungen/2021-11-11-plenum/index.html']) {
      expect(built(page)).toContain('type="application/rss+xml" title="Plenum: neue Protokolle (RSS)" href="/feeds/gremien/plenum.xml"');
      expect(built(page)).toContain('type="text/calendar" title="Plenum: angekündigte Sitzungen (Kalender)" href="/kalender/plenum.ics"');
    }
  });

  it('writes a sitemap of the pages and a robots.txt that names it', () => {
    expect(built('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${site}/sitemap-index.xml\n`);
    const index = xml.parse(built('sitemap-index.xml')).sitemapindex.sitemap;
    const urls = index.flatMap((entry: { loc: string }) => xml.parse(built(entry.loc.slice(site.length))).urlset.url.map((url: { loc: string }) => url.loc));
    expect(urls).toContain(`${site}/sitzungen/2021-11-11-plenum/`);
    expect(urls).toContain(`${site}/daten/`);
  });
});
