/**
 * Issue #22, as a property: whatever a protocol holds in any text field (title, location,
 * agenda titles and details, notes, roles, attachment titles, result, body), contact data in
 * any spelling the masking knows and links with active URLs never reach what the site
 * publishes: the rendered body, every dynamic page's props (`src/lib/views/routes.ts`), the
 * feeds, the calendars, the dataset and OParl. Meetings go through the real schema
 * (`helpers.ts`), the real index (masking happens there) and the real render pipeline.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMdxText } from '../../scripts/import/steps/escape';
import { fillResolutionStatus } from '../../src/lib/index/protocol-html';
import { loadMentionRegistries } from '../../src/lib/model/registry-files';
import { calendarFiles } from '../../src/lib/publish/calendar';
import { datasetFiles } from '../../src/lib/publish/dataset';
import { allFeeds } from '../../src/lib/publish/feeds';
import { oparlExport } from '../../src/lib/publish/oparl';
import { findContactData } from '../../src/lib/text/privacy';
import { renderProtocol } from '../../src/lib/text/protocol-render';
import {
  committeeRoute,
  meetingRoute,
  organisationRoute,
  personRoute,
  resolutionRoute,
  topicRoute,
  yearRoute,
  type PageContext,
  type PageRoute,
} from '../../src/lib/views/routes';
import { index, meeting } from './helpers';

const site = 'https://protokolle.example.org';
const registries = loadMentionRegistries(join(import.meta.dirname, '../../content'));

const letters = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: min, maxLength: max });
const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'123456789'), minLength: min, maxLength: max });

/** An e-mail address in one of the spellings protocols use; `core` is what must never be published. */
const email = fc
  .tuple(letters(3, 8), letters(3, 8), fc.constantFrom('de', 'org', 'com'), fc.integer({ min: 0, max: 9 }))
  .map(([local, domain, tld, form]) => {
    const shy = (word: string) => `${word.slice(0, 2)}\u00ad${word.slice(2)}`;
    return [
      `${local}@${domain}.${tld}`,
      `${local}(at)${domain}(punkt)${tld}`,
      `${local} at ${domain} dot ${tld}`,
      `${local} @ ${domain}.${tld}`,
      `${local}＠${domain}.${tld}`,
      `${shy(local)}@${domain}.${tld}`,
      `${local}@\u200b${domain}.${tld}`,
      `${local}%40${domain}.${tld}`,
      `${local}&#64;${domain}.${tld}`,
      `mailto:${local}@${domain}.${tld}`,
    ][form];
  });

/** A phone number in one of the spellings protocols use. */
const phone = fc.tuple(digits(2, 3), digits(6, 7), fc.integer({ min: 0, max: 8 })).map(([area, number, form]) =>
  [
    `+49 (0) ${area} / ${number.slice(0, 3)} ${number.slice(3)}`,
    `0${area}.${number}`,
    `0${area}\u2011${number}`,
    `(0 ${area}) ${number.replace(/(\d\d)(?=\d)/g, '$1 ')}`,
    `+49 (${area}) ${number}`,
    `Telefonnummer: ${number}`,
    `tel:+49${area}${number}`,
    `0${area} ${number}`,
    `0${area}/${number}`,
  ][form],
);

/** Active URLs in the spellings that once reached a page. */
const activeUrl = fc.constantFrom('javascript:alert(1)', 'JaVaScRiPt:alert(1)', '&#106;avascript:alert(1)', 'vbscript:msgbox(1)', 'data:text/html;base64,PHNjcmlwdD4=');

/** Plain words, with the characters that made trouble before (quotes, brackets, ampersands, no-break spaces). */
const words = fc.array(fc.oneof(letters(1, 10), fc.constantFrom('–', '„Zitat“', '(', ')', '&', '§ 3', '7/0/1', '09.12.2020', '10:30', '1.500 EUR', '\u00a0')), { maxLength: 6 }).map((w) => w.join(' '));

/** A text field: words with contact data in between. */
const field = fc.array(fc.oneof(words, email, phone), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' ').trim() || 'Titel');

/** A body paragraph: text, contact data and links to active URLs, as markdown. */
const paragraph = fc
  .array(fc.oneof(field.map(escapeMdxText), fc.tuple(letters(1, 8), activeUrl).map(([text, url]) => `[${text}](${url})`), activeUrl.map((url) => `![Bild](${url})`)), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(' '));

/** One generated meeting: its frontmatter fields and body parts. */
const protocol = fc.record({ title: field, location: field, agendaTitle: field, details: field, note: field, role: field, attachment: field, result: field, paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 3 }) });

/** What `protocol` generates. */
type ProtocolFields = typeof protocol extends fc.Arbitrary<infer T> ? T : never;

/** Everything the site publishes from an archive of one meeting, as strings. */
async function published(p: ProtocolFields): Promise<string[]> {
  const id = '2021-11-11-plenum';
  const oneLine = (text: string) => text.replace(/["\n]/g, ' ');
  const body = [
    `## TOP 1 – ${escapeMdxText(oneLine(p.agendaTitle))}`,
    ...p.paragraphs,
    `<Resolution id="${id}-b1" kind="Beschluss" item="1" result="${oneLine(p.result)}">\n${p.paragraphs[0]}\n</Resolution>`,
  ].join('\n\n');
  const m = meeting(
    {
      date: '2021-11-11',
      committee: 'plenum',
      title: p.title,
      location: p.location,
      attendees: ['oleg-cernavin'],
      agenda: [{ number: '1', title: p.agendaTitle, details: p.details, presenters: ['annette-icks'], organizations: ['zdh'], topics: ['digitalisierung'] }],
      nextMeetings: [{ date: '2022-05-12', committee: 'plenum', note: p.note }],
      memberships: [{ person: 'annette-icks', organization: 'zdh', role: p.role }],
      attachments: [{ number: '1', title: p.attachment, item: '1' }],
    },
    body,
  );
  const archive = index([m]);
  const rendered = renderProtocol({ path: `/x/content/protocols/${id}.mdx`, displayPath: `content/protocols/${id}.mdx`, content: body }, registries).html;
  const context: PageContext = { index: archive, published: new Map(), site, html: async () => fillResolutionStatus(archive, rendered), today: '2026-12-01' };
  const routes = [meetingRoute, resolutionRoute, yearRoute, committeeRoute, personRoute, organisationRoute, topicRoute] as PageRoute<Record<string, string>, unknown>[];
  const props = await Promise.all(routes.flatMap((route) => route.paths(context).map((params) => route.props(context, params))));
  const generatedAt = '2026-12-01T00:00:00Z';
  return [
    rendered,
    ...props.map((value) => JSON.stringify(value)),
    JSON.stringify(allFeeds(archive, site)),
    ...calendarFiles(archive, site).map((file) => JSON.stringify(file)),
    ...datasetFiles(archive, site, generatedAt).map((file) => JSON.stringify(file)),
    ...oparlExport(archive, site, generatedAt).map((file) => JSON.stringify(file)),
  ];
}

/**
 * JSON's escapes and HTML's entities undone, invisible characters dropped: the text a reader or a
 * search index sees. Calendar UIDs (`<event>@<site host>`, RFC 5545) look like addresses and are none.
 */
function seen(output: string): string {
  const unescaped = output
    .replace(/"uid":"[^"]*"|UID:[^\r\n\\]*/g, '').replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\\"/g, '"');
  return unescaped
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&')
    .replace(/[\u00ad\u200b-\u200f\u2060]/g, '');
}

/** URLs in `href`/`src` attributes whose scheme is no web, mail, relative or fragment URL. */
function activeUrls(output: string): string[] {
  return [...seen(output).matchAll(/\b(?:href|src)\s*=\s*\\?["']?([^"'\s>\\]*)/gi)].map((m) => m[1]).filter((url) => /^[\s\x00-\x1f]*(?:javascript|vbscript|data|tel|file):/i.test(url));
}

describe('safe to publish: any text in any field', () => {
  it('never publishes a contact datum or an active URL', async () => {
    await fc.assert(
      fc.asyncProperty(protocol, async (p) => {
        const outputs = await published(p);
        for (const output of outputs) {
          const found = findContactData(seen(output));
          const at = found.length > 0 ? seen(output).indexOf(found[0]) : 0;
          expect(found, seen(output).slice(Math.max(0, at - 200), at + 50)).toEqual([]);
          expect(activeUrls(output)).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('finds what it looks for: the same check on an unmasked text fails', () => {
    // The check above could pass by looking at nothing; it must see a datum in each spelling.
    fc.assert(fc.property(email, phone, (e, t) => findContactData(seen(JSON.stringify({ a: `x ${e} y`, b: `x ${t} y` }))).length === 2));
    expect(activeUrls('<a href="javascript:alert(1)">x</a> <img src=&quot;data:x&quot;>')).toEqual(['javascript:alert(1)']);
  });
});
