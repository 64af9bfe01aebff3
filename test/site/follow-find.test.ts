/**
 * Follow and find (issue #16): the feeds per organisation and per matter, the
 * `<link rel="alternate">` each page announces, and the "In der Suche" links, whose
 * filter must be exactly the value the meeting pages carry for the search index.
 */
import { getRssString } from '@astrojs/rss';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildArchiveIndex } from '../../src/lib/index/archive-index';
import { matterAlternates, organisationAlternates, personPageAlternates } from '../../src/lib/publish/discovery';
import { allFeeds, matterFeed, organisationFeed, organisationRoles, organisationsWithMeetings, rssOptions } from '../../src/lib/publish/feeds';
import { registryMap } from '../../src/lib/model/model';
import { matterSchema, slugId } from '../../src/lib/model/schema';
import { meetingSearchMeta } from '../../src/lib/search/page-meta';
import { stateFromUrl } from '../../src/lib/search/url-state';
import { committeeSearchLink, matterSearchLink, organisationSearchLink, personSearchLink, topicSearchLink } from '../../src/lib/views/search-links';
import { siteConfig } from '../../src/site-config';
import { meeting, registries } from './helpers';

const site = 'https://protokolle.example.org';

/** IfM Bonn presents TOP 1 and is represented by Dr. Icks; a resolution names an e-mail address. */
const april = meeting(
  {
    date: '2021-04-22',
    committee: 'strategiekreis',
    title: '4. Treffen des Strategiekreises',
    start: '11:00',
    agenda: [{ number: '1', title: 'Regionale Musternetzwerke', presenters: ['annette-icks'], organizations: ['ifm-bonn'], topics: ['digitalisierung'] }],
    memberships: [{ person: 'annette-icks', organization: 'ifm-bonn' }],
  },
  `## TOP 1 – Regionale Musternetzwerke

<Resolution id="2021-04-22-strategiekreis-b1" kind="Beschluss" item="1">Drei Regionen starten. Fragen an netz@example.org.</Resolution>
`,
);

/** The ZDH is represented (no presentation); the protocol has no TOP headings. */
const november = meeting({
  date: '2021-11-11',
  committee: 'plenum',
  title: '25. Plenum',
  agenda: [{ number: '2', title: 'Bericht aus den Regionen' }],
  memberships: [{ person: 'oleg-cernavin', organization: 'zdh', role: 'Referent' }],
});

const matter = matterSchema(() => slugId).parse({
  title: 'Regionale Musternetzwerke',
  description: 'Netzwerke in drei Regionen.',
  consultations: [
    { meeting: '2021-04-22-strategiekreis', agendaItem: '1', resolutions: ['2021-04-22-strategiekreis-b1'], note: 'Antrag vorgestellt' },
    { meeting: '2021-11-11-plenum', agendaItem: '2', note: 'Stand berichtet' },
    // A meeting not in the archive: integrity fails the build on it; the feed leaves it out.
    { meeting: '2030-01-01-plenum' },
  ],
});

const archive = buildArchiveIndex([april, november], { ...registries(), matters: registryMap([{ id: 'musternetzwerke', data: matter }]) }, []);

describe('organisationRoles', () => {
  it('counts presenting an agenda item and being represented, not mentions in the text', () => {
    expect(Object.fromEntries(organisationRoles(april))).toEqual({ 'ifm-bonn': ['Vortrag', 'Vertretung'] });
    expect(Object.fromEntries(organisationRoles(november))).toEqual({ zdh: ['Vertretung'] });
  });
});

describe('organisationFeed', () => {
  it('lists the meetings the organisation took part in, newest first, with its role', () => {
    const feed = organisationFeed(archive, site, 'ifm-bonn');
    expect(feed.path).toBe('/feeds/organisationen/ifm-bonn.xml');
    expect(feed.title).toBe('Protokollarchiv der Offensive Mittelstand: Institut für Mittelstandsforschung Bonn (IfM Bonn)');
    expect(feed.items.map((item) => item.link)).toEqual(['https://protokolle.example.org/sitzungen/2021-04-22-strategiekreis/']);
    expect(feed.items[0].description.split('\n\n')[0]).toBe('IfM Bonn: Vortrag, Vertretung');
    expect(feed.items[0].description).not.toContain('netz@example.org');
  });

  it('gives a feed to every organisation with a role in a meeting, in registry order, and names the file for an unknown id', () => {
    expect(organisationsWithMeetings(archive)).toEqual(['ifm-bonn', 'zdh']);
    expect(() => organisationFeed(archive, site, 'niemand')).toThrow('Fix: add content/organisations/niemand.yaml or correct the id.');
  });
});

describe('matterFeed', () => {
  const feed = matterFeed(archive, site, 'musternetzwerke');

  it('has one item per consultation in the archive, newest first, linking the TOP where the protocol has its heading', () => {
    expect(feed.path).toBe('/feeds/vorgaenge/musternetzwerke.xml');
    expect(feed.items.map(({ title, link }) => ({ title, link }))).toEqual([
      {
        title: 'Regionale Musternetzwerke: TOP 2 – Bericht aus den Regionen (Plenum, 11. November 2021)',
        link: 'https://protokolle.example.org/sitzungen/2021-11-11-plenum/',
      },
      {
        title: 'Regionale Musternetzwerke: TOP 1 – Regionale Musternetzwerke (Strategiekreis, 22. April 2021)',
        link: 'https://protokolle.example.org/sitzungen/2021-04-22-strategiekreis/#top-1',
      },
    ]);
  });

  it('describes what happened there and the resolutions taken, contact data masked', () => {
    expect(feed.items[0].description).toContain('Stand berichtet');
    expect(feed.items[1].description).toContain('Antrag vorgestellt');
    expect(feed.items[1].description).toContain('Beschluss: Drei Regionen starten. Fragen an [E-Mail-Adresse entfernt].');
  });

  it('names the file for an unknown matter', () => {
    expect(() => matterFeed(archive, site, 'fehlt')).toThrow('matterFeed: no matter "fehlt". Fix: add content/matters/fehlt.yaml or correct the id.');
  });
});

describe('allFeeds with organisations and matters', () => {
  const feeds = allFeeds(archive, site);

  it('includes each organisation feed and each matter feed, at distinct paths', () => {
    const paths = feeds.map((feed) => feed.path);
    expect(paths).toEqual(expect.arrayContaining(['/feeds/organisationen/ifm-bonn.xml', '/feeds/organisationen/zdh.xml', '/feeds/vorgaenge/musternetzwerke.xml']));
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('renders them as valid RSS 2.0 without contact data', async () => {
    for (const feed of feeds.filter((f) => /organisationen|vorgaenge/.test(f.path))) {
      const xml = await getRssString(rssOptions(feed, site));
      expect(XMLValidator.validate(xml), feed.path).toBe(true);
      const rss = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' }).parse(xml).rss;
      expect(rss.channel.item ?? []).toHaveLength(feed.items.length);
      expect(xml).not.toContain('netz@example.org');
    }
  });

  it('names the data licence in <copyright> once it is decided, and leaves it out before', async () => {
    const feed = feeds[0];
    expect(await getRssString(rssOptions(feed, site, { ...siteConfig, dataLicence: null }))).not.toContain('<copyright>');
    const licensed = { ...siteConfig, dataLicence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } };
    const xml = await getRssString(rssOptions(feed, site, licensed));
    expect(new XMLParser().parse(xml).rss.channel.copyright).toBe('Daten: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)');
  });
});

describe('page alternates', () => {
  it('announce an organisation feed only where the feed exists', () => {
    expect(organisationAlternates(archive, 'zdh')).toEqual([{ title: 'ZDH: Sitzungen (RSS)', href: '/feeds/organisationen/zdh.xml', type: 'application/rss+xml' }]);
    const withoutRoles = buildArchiveIndex([], registries(), []);
    expect(organisationAlternates(withoutRoles, 'zdh')).toEqual([]);
  });

  it('announce the matter feed and a person feed only for people with a meeting', () => {
    expect(matterAlternates(archive, 'musternetzwerke')).toEqual([
      { title: 'Vorgang Regionale Musternetzwerke: Beratungen (RSS)', href: '/feeds/vorgaenge/musternetzwerke.xml', type: 'application/rss+xml' },
    ]);
    expect(personPageAlternates(archive, 'annette-icks').map((a) => a.href)).toEqual(['/feeds/personen/annette-icks.xml']);
    expect(personPageAlternates(archive, 'rolf-papenfuss')).toEqual([]);
  });

  it('point at feeds allFeeds actually builds', () => {
    const paths = new Set(allFeeds(archive, site).map((feed) => feed.path));
    const announced = [
      ...organisationAlternates(archive, 'ifm-bonn'),
      ...organisationAlternates(archive, 'zdh'),
      ...matterAlternates(archive, 'musternetzwerke'),
      ...personPageAlternates(archive, 'annette-icks'),
    ];
    for (const alternate of announced) expect(paths, alternate.href).toContain(alternate.href);
  });
});

describe('"In der Suche" links', () => {
  const meta = meetingSearchMeta(archive, april);

  it('set the filter to the very value the meeting pages carry, so the search finds them', () => {
    const person = stateFromUrl(new URL(personSearchLink(archive, 'annette-icks').href, site).search);
    expect(person.filters).toEqual({ person: 'Dr. Annette Icks' });
    expect(meta.people).toContain(person.filters.person);

    const organisation = stateFromUrl(new URL(organisationSearchLink(archive, 'ifm-bonn').href, site).search);
    expect(organisation.filters).toEqual({ organisation: 'IfM Bonn' });
    expect(meta.organisations).toContain(organisation.filters.organisation);

    const topic = stateFromUrl(new URL(topicSearchLink(archive, 'digitalisierung').href, site).search);
    expect(topic.filters).toEqual({ thema: 'Digitalisierung' });
    expect(meta.topics).toContain(topic.filters.thema);

    const committee = stateFromUrl(new URL(committeeSearchLink(archive, 'strategiekreis').href, site).search);
    expect(committee.filters).toEqual({ gremium: 'Strategiekreis' });
    expect(meta.committee).toBe(committee.filters.gremium);
  });

  it('are /suche/ URLs in the search page format, with nothing else set', () => {
    expect(personSearchLink(archive, 'annette-icks')).toEqual({ href: '/suche/?person=Dr.+Annette+Icks', criterion: 'Person', value: 'Dr. Annette Icks' });
    expect(organisationSearchLink(archive, 'ifm-bonn').href).toBe('/suche/?organisation=IfM+Bonn');
  });

  it('search a matter by its title, there being no matter filter', () => {
    const link = matterSearchLink(archive, 'musternetzwerke');
    expect(link).toEqual({ href: '/suche/?q=Regionale+Musternetzwerke', criterion: 'Suchbegriff', value: 'Regionale Musternetzwerke' });
    expect(stateFromUrl(new URL(link.href, site).search)).toEqual({ query: 'Regionale Musternetzwerke', filters: {}, sort: 'relevanz' });
    expect(() => matterSearchLink(archive, 'fehlt')).toThrow('Fix: add content/matters/fehlt.yaml');
  });
});
