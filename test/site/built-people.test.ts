/**
 * The cross-linked pages in a real build of the archive's own content (a
 * temporary copy of the project, `test/site/build-copy.ts`): a name met in one
 * protocol leads, in one click, to everything that person, organisation or
 * topic did across the years. Asserts on the four real protocols, where people
 * appear under several spellings ("Rolf Papenfuss (ZDH)", "Ralph Papenfuß",
 * "Herr Heidbrede").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCopy, type BuiltCopy } from './build-copy';

const repo = resolve(import.meta.dirname, '../..');
let site: BuiltCopy;

beforeAll(() => {
  site = buildCopy(join(repo, 'content'));
}, 180_000);

afterAll(() => site?.remove());

/** A built page's HTML. */
const page = (path: string) => readFileSync(join(site.dist, path, 'index.html'), 'utf8');
/** The page's `<main>` as text, tags removed, spaces collapsed. */
const mainText = (path: string) =>
  /<main[\s\S]*?<\/main>/.exec(page(path))![0].replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
/** The hrefs in a page's `<main>`. */
const hrefs = (path: string) => [.../<main[\s\S]*?<\/main>/.exec(page(path))![0].matchAll(/href="([^"#]*)/g)].map((m) => m[1]);
/** The protocol text of a meeting page (inside `.prose`, after the "Protokoll" heading). */
const protocolHtml = (meetingId: string) => page(`sitzungen/${meetingId}`).split('id="protokoll"')[1];

describe('built person, organisation, topic and committee pages', () => {
  it('builds', () => {
    expect(site.output).not.toMatch(/\[ERROR\]/);
    expect(site.status).toBe(0);
  });

  it('lists every meeting in which any spelling of a person appears', () => {
    // Rolf Papenfuß: "Rolf Papenfuß (ZDH – …)" and "Rolf Papenfuss" on 22 April, "Rolf Papenfuss (ZDH)" and "Ralph Papenfuß" on 11 November.
    const links = hrefs('personen/rolf-papenfuss');
    expect(links).toContain('/sitzungen/2021-04-22-strategiekreis/');
    expect(links).toContain('/sitzungen/2021-11-11-strategiekreis/');
    // The organisation in words, not as a bare abbreviation (issue #25).
    expect(mainText('personen/rolf-papenfuss')).toContain('Rolf Papenfuß für den Zentralverband des Deutschen Handwerks');
    // Wilhelm Heidbrede is in no frontmatter of 22 April; the text says "Herr Heidbrede bat …".
    expect(hrefs('personen/wilhelm-heidbrede')).toContain('/sitzungen/2021-04-22-strategiekreis/');
    // "Hr. Weis (IG BCE)" in 2017 and "Norman Weis" in 2020 are Norman Weiss.
    expect(hrefs('personen/norman-weiss')).toEqual(expect.arrayContaining(['/sitzungen/2017-11-09-plenum/', '/sitzungen/2020-10-20-ag-transfer/']));
  });

  it('links the first mention per agenda item in the protocol text to the person page, spaces kept', () => {
    const november = protocolHtml('2021-11-11-strategiekreis');
    expect(november).toMatch(/<a href="\/personen\/rolf-papenfuss\/" class="mention">Ralph Papenfuß<\/a> stellt neun Thesen/);
    expect(protocolHtml('2021-04-22-strategiekreis')).toMatch(/<a href="\/personen\/rolf-papenfuss\/" class="mention">Rolf Papenfuss<\/a> stellt die Idee/);
    // TOP 1 links Oleg Cernavin in its resolution; TOP 3 links him again once ("Oleg Cernavin erläutert").
    const top3 = november.split('id="top-3"')[1].split('id="top-4"')[0];
    expect(top3.match(/href="\/personen\/oleg-cernavin\/"/g)).toHaveLength(1);
    // No links inside headings.
    expect(november).not.toMatch(/<h[1-6][^>]*>(?:(?!<\/h[1-6]>).)*class="mention"/s);
  });

  it('shows an organisation with short and full name and the people seen representing it', () => {
    expect(mainText('organisationen/bmas')).toContain('BMAS — Bundesministerium für Arbeit und Soziales');
    expect(hrefs('organisationen/bmas')).toContain('/personen/achim-sieker/');
    expect(hrefs('organisationen/zdh')).toContain('/personen/rolf-papenfuss/');
    expect(hrefs('organisationen/ig-bce')).toContain('/personen/norman-weiss/');
  });

  it('lists a topic’s agenda items and resolutions across the years', () => {
    const links = hrefs('themen/kuenstliche-intelligenz');
    expect(links).toContain('/sitzungen/2021-04-22-strategiekreis/'); // TOP 6, Zusatzqualifikation KI
    expect(links).toContain('/sitzungen/2020-10-20-ag-transfer/'); // TOP 4, Mittelstandscampus
    expect(links).toContain('/beschluesse/2021-04-22-strategiekreis-b7/');
  });

  it('shows the people of a committee with counts, and its resolutions', () => {
    const text = mainText('gremien/strategiekreis');
    expect(text).toMatch(/Rolf Papenfuß 2 Sitzungen/);
    expect(hrefs('gremien/strategiekreis')).toContain('/beschluesse/2021-11-11-strategiekreis-b1/');
  });

  it('links presenters, attendees, moderator, minute-taker, organisations and topics on the meeting page', () => {
    const april = hrefs('sitzungen/2021-04-22-strategiekreis');
    expect(april).toEqual(expect.arrayContaining(['/personen/oleg-cernavin/', '/personen/rolf-papenfuss/', '/organisationen/zdh/', '/themen/kuenstliche-intelligenz/']));
    expect(hrefs('sitzungen/2021-11-11-strategiekreis')).toContain('/personen/annette-icks/');
    expect(hrefs('sitzungen/2020-10-20-ag-transfer')).toContain('/personen/petra-zander/');
  });

  it('has a page for every person, organisation and topic a protocol references, and no link to a missing one', () => {
    const referenced = new Set<string>();
    for (const file of readdirSync(join(repo, 'content/protocols'))) {
      const data = parse(readFileSync(join(repo, 'content/protocols', file), 'utf8').split(/^---$/m)[1]);
      for (const id of [...data.attendees, data.moderator, data.minutesBy].filter(Boolean)) referenced.add(`personen/${id}`);
      for (const item of data.agenda) {
        for (const id of item.presenters) referenced.add(`personen/${id}`);
        for (const id of item.organizations) referenced.add(`organisationen/${id}`);
        for (const id of item.topics ?? []) referenced.add(`themen/${id}`);
      }
      for (const m of data.memberships ?? []) referenced.add(`personen/${m.person}`).add(`organisationen/${m.organization}`);
    }
    for (const path of referenced) expect(() => page(path), path).not.toThrow();

    const builtPages = (section: string) => readdirSync(join(site.dist, section), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    for (const section of ['personen', 'organisationen', 'themen']) {
      const listed = new Set(hrefs(section));
      for (const id of builtPages(section)) expect(listed, `${section}/${id} on /${section}/`).toContain(`/${section}/${id}/`);
    }
    const linked = readdirSync(join(site.dist, 'sitzungen')).flatMap((id) =>
      id.endsWith('.html') ? [] : hrefs(`sitzungen/${id}`).filter((h) => /^\/(personen|organisationen|themen)\/[^/]+\/$/.test(h)),
    );
    for (const href of new Set(linked)) expect(() => page(href.slice(1, -1)), href).not.toThrow();
  });

  it('lists people A–Z with a letter index that points at existing groups', () => {
    const html = page('personen');
    const targets = [...html.matchAll(/<a href="#(buchstabe-[a-z]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(5);
    for (const id of targets) expect(html).toContain(`id="${id}"`);
    const text = mainText('personen');
    expect(text.indexOf('Cernavin, Oleg')).toBeLessThan(text.indexOf('Icks, Dr. Annette'));
    expect(text.indexOf('Icks, Dr. Annette')).toBeLessThan(text.indexOf('Papenfuß, Rolf'));
  });
});
