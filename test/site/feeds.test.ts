import { getRssString } from '@astrojs/rss';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  agendaTopics,
  allFeeds,
  committeeFeed,
  meetingsFeed,
  personFeed,
  personRoles,
  resolutionsFeed,
  rssOptions,
  topicFeed,
} from '../../src/lib/publish/feeds';
import { archive, contactData, plenum, site } from './open-data-fixture';

describe('personRoles', () => {
  it('lists everyone who attended, presented, moderated or took minutes, with all their roles', () => {
    expect(Object.fromEntries(personRoles(plenum))).toEqual({
      'annette-icks': ['Teilnahme', 'Vortrag'],
      'oleg-cernavin': ['Teilnahme', 'Protokoll'],
      'rolf-papenfuss': ['Moderation'],
    });
  });
});

describe('agendaTopics', () => {
  it('reads the topic ids of an agenda item and tolerates items without the field', () => {
    expect(agendaTopics(plenum.agenda[2])).toEqual(['digitalisierung']);
    expect(agendaTopics({ title: 'ohne Themen' })).toEqual([]);
  });
});

describe('meetingsFeed', () => {
  const feed = meetingsFeed(archive, site);

  it('has one item per protocol, newest first, linking the meeting page', () => {
    expect(feed.path).toBe('/feeds/sitzungen.xml');
    expect(feed.items.map((item) => item.link)).toEqual([
      'https://protokolle.example.org/sitzungen/2022-03-15-strategiekreis/',
      'https://protokolle.example.org/sitzungen/2021-11-11-plenum/',
      'https://protokolle.example.org/sitzungen/2021-04-22-strategiekreis/',
    ]);
  });

  it('dates items at the meeting start in German time (midnight without a time)', () => {
    expect(feed.items.map((item) => item.pubDate.toISOString())).toEqual([
      '2022-03-14T23:00:00.000Z',
      '2021-11-11T08:00:00.000Z',
      '2021-04-22T09:00:00.000Z',
    ]);
  });

  it('describes the meeting: facts, numbered agenda, resolutions; contact data masked', () => {
    expect(feed.items[1].title).toBe('25. Plenum der Offensive Mittelstand (11. November 2021)');
    expect(feed.items[1].description).toBe(
      'Plenum · Donnerstag, 11. November 2021 · 09:00–13:00 Uhr · Präsenz · bei der DGUV in Bonn (Tel. [Telefonnummer entfernt])\n\n' +
        'Tagesordnung: TOP 1 – Begrüßung; TOP 2 – Digitalisierung im Handwerk\n\n' +
        'Im Protokoll: 2 Beschlüsse, 1 Vereinbarung.',
    );
  });
});

describe('resolutionsFeed', () => {
  const feed = resolutionsFeed(archive, site);

  it('has one item per resolution, linking its anchor, with the masked text', () => {
    expect(feed.items.map((item) => item.link)).toEqual([
      'https://protokolle.example.org/sitzungen/2021-11-11-plenum/#2021-11-11-plenum-b1',
      'https://protokolle.example.org/sitzungen/2021-11-11-plenum/#2021-11-11-plenum-b2',
      'https://protokolle.example.org/sitzungen/2021-11-11-plenum/#2021-11-11-plenum-b3',
    ]);
    expect(feed.items[1].description).toBe(
      'Vereinbarung – Plenum, 11. November 2021 · TOP 2\n\nRückfragen an [E-Mail-Adresse entfernt] oder [Telefonnummer entfernt].',
    );
    expect(feed.items[0].title).toBe('Das Protokoll wird genehmigt (Beschluss, Plenum, 11. November 2021)');
    // Named by what it decides, masked like the description: a title is shown as it is.
    expect(feed.items[1].title).toBe('Rückfragen an [E-Mail-Adresse entfernt] oder [Telefonnummer entfernt] (Vereinbarung, Plenum, 11. November 2021)');
    expect(feed.items[0].categories).toEqual(['Beschluss', 'Plenum']);
  });
});

describe('committeeFeed, personFeed, topicFeed', () => {
  it('follows one committee', () => {
    expect(committeeFeed(archive, site, 'strategiekreis').items.map((item) => item.link)).toEqual([
      'https://protokolle.example.org/sitzungen/2022-03-15-strategiekreis/',
      'https://protokolle.example.org/sitzungen/2021-04-22-strategiekreis/',
    ]);
  });

  it('follows one person through every role, naming the role', () => {
    const feed = personFeed(archive, site, 'annette-icks');
    expect(feed.path).toBe('/feeds/personen/annette-icks.xml');
    expect(feed.title).toBe('Protokollarchiv der Offensive Mittelstand: Dr. Annette Icks');
    expect(feed.items.map((item) => item.description.split('\n')[0])).toEqual([
      'Dr. Annette Icks: Teilnahme, Vortrag',
      'Dr. Annette Icks: Vortrag',
    ]);
    expect(personFeed(archive, site, 'rolf-papenfuss').items[0].description).toMatch(/^Rolf Papenfuß: Moderation/);
  });

  it('follows one topic through the agenda items tagged with it, with their resolutions', () => {
    const feed = topicFeed(archive, site, 'digitalisierung');
    expect(feed.title).toBe('Protokollarchiv der Offensive Mittelstand: Thema Digitalisierung');
    expect(feed.items.map(({ title, link }) => ({ title, link }))).toEqual([
      {
        title: 'TOP 2 – Digitalisierung im Handwerk (Plenum, 11. November 2021)',
        link: 'https://protokolle.example.org/sitzungen/2021-11-11-plenum/#top-2',
      },
      // No `## TOP 1` heading in that protocol: no anchor, no dead link.
      { title: 'TOP 1 – Neues aus der Offensive (Strategiekreis, 22. April 2021)', link: 'https://protokolle.example.org/sitzungen/2021-04-22-strategiekreis/' },
    ]);
    expect(feed.items[0].description).toContain('Beschluss: Zweiter Beschluss, mit "Anführungszeichen", Komma\n\nund zweitem Absatz.');
    expect(feed.items[0].description).toContain('Vereinbarung: Rückfragen an [E-Mail-Adresse entfernt]');
  });

  it('names the registry file to add for an unknown id', () => {
    expect(() => committeeFeed(archive, site, 'vorstand')).toThrow(
      'committeeFeed: no committee "vorstand". Fix: add content/committees/vorstand.yaml or correct the id.',
    );
    expect(() => personFeed(archive, site, 'niemand')).toThrow('Fix: add content/people/niemand.yaml or correct the id.');
  });
});

describe('allFeeds rendered with @astrojs/rss', () => {
  const feeds = allFeeds(archive, site);

  it('has a feed for the archive, each committee, each person and organisation with a meeting, each topic and each matter, at distinct paths', () => {
    expect(feeds.map((feed) => feed.path)).toEqual([
      '/feeds/sitzungen.xml',
      '/feeds/beschluesse.xml',
      '/feeds/gremien/strategiekreis.xml',
      '/feeds/gremien/plenum.xml',
      '/feeds/personen/annette-icks.xml',
      '/feeds/personen/oleg-cernavin.xml',
      '/feeds/personen/rolf-papenfuss.xml',
      '/feeds/organisationen/zdh.xml',
      '/feeds/themen/digitalisierung.xml',
      '/feeds/vorgaenge/handwerk-digital.xml',
    ]);
  });

  it('renders every feed as valid RSS 2.0 with its items, self link and no contact data', async () => {
    for (const feed of feeds) {
      const xml = await getRssString(rssOptions(feed, site));
      expect(XMLValidator.validate(xml), feed.path).toBe(true);
      const rss = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' }).parse(xml).rss;
      expect(rss['@_version']).toBe('2.0');
      expect(rss.channel['atom:link']['@_href']).toBe(`${site}${feed.path}`);
      expect(rss.channel.item ?? []).toHaveLength(feed.items.length);
      for (const data of contactData) expect(xml, feed.path).not.toContain(data);
    }
  });
});
