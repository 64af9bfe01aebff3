/**
 * The resolution register (src/lib/index/resolutions.ts): status, related
 * resolutions, titles, list grouping, facets and the resolution page's view.
 */
import { describe, expect, it } from 'vitest';
import type { Matter } from '../../src/lib/model/model';
import { currentStatuses, statusView } from '../../src/lib/index/resolutions';
import { facetPageView, registerChips, registerFacets, registerFront, registerGroups, resolutionFacetPaths, resolutionsInFacet, yearCommitteePaths, yearCommitteeView } from '../../src/lib/views/register';
import { selectionHref, selectionOf } from '../../src/lib/views/register-selection';
import { groupByMeeting, relatedResolutions, resolutionBox, resolutionListItems, resolutionPaths, resolutionView } from '../../src/lib/views/resolution';
import { fixtureArchive } from './resolutions-fixture';

const archive = fixtureArchive();

describe('currentStatuses', () => {
  const dates: Record<string, string> = { m1: '2021-01-01', m2: '2021-06-01', m3: '2022-01-01' };
  const matter = (id: string, statuses: Matter['statuses']): Matter => ({ id, title: id, description: id, consultations: [], statuses });

  it('takes the statement of the latest stating meeting, whatever the file order', () => {
    const statuses = currentStatuses(
      [
        matter('a', [
          { resolution: 'x-b1', status: 'implemented', statedIn: 'm3' },
          { resolution: 'x-b1', status: 'adopted', statedIn: 'm1' },
        ]),
        matter('b', [{ resolution: 'x-b1', status: 'postponed', statedIn: 'm2' }]),
      ],
      (id) => dates[id],
    );
    expect(statuses.get('x-b1')).toMatchObject({ status: 'implemented', matterId: 'a' });
  });

  it('lets the later entry of the same meeting win (file order)', () => {
    const statuses = currentStatuses(
      [matter('a', [
        { resolution: 'x-b1', status: 'adopted', statedIn: 'm2' },
        { resolution: 'x-b1', status: 'in-progress', statedIn: 'm2' },
      ])],
      (id) => dates[id],
    );
    expect(statuses.get('x-b1')?.status).toBe('in-progress');
  });
});

describe('statusView', () => {
  it('labels a superseded resolution with its replacement and the stating meeting', () => {
    expect(statusView(archive, '2021-04-22-strategiekreis-b1')).toEqual({
      code: 'superseded',
      label: 'ersetzt durch',
      statedIn: { href: '/sitzungen/2021-11-11-strategiekreis/', label: '11. November 2021' },
      supersededBy: { href: '/beschluesse/2021-11-11-strategiekreis-b1/', label: '„Die Vereinbarung wird beschlossen“ vom 11. November 2021' },
      note: undefined,
      matter: { href: '/vorgaenge/vereinbarung/', label: 'Vereinbarung zur regionalen Zusammenarbeit' },
    });
  });

  it('uses the German label and keeps the note', () => {
    expect(statusView(archive, '2021-04-22-strategiekreis-b3')).toMatchObject({ label: 'vertagt', note: 'Kein Geld.' });
  });

  it('is undefined where no protocol states a status', () => {
    expect(statusView(archive, '2021-04-22-strategiekreis-b2')).toBeUndefined();
  });
});

describe('relatedResolutions', () => {
  it('says why each is related, strongest relation first', () => {
    const related = relatedResolutions(archive, '2021-04-22-strategiekreis-b1').map((r) => [r.resolution.id, r.reasons]);
    expect(related).toEqual([
      [
        '2021-11-11-strategiekreis-b1',
        ['Ersetzt diesen Beschluss', 'Gleicher Vorgang: „Vereinbarung zur regionalen Zusammenarbeit“', 'Gemeinsames Thema: Regionale Netzwerke'],
      ],
      ['2020-10-20-plenum-b1', ['Gleicher Vorgang: „Vereinbarung zur regionalen Zusammenarbeit“', 'Gemeinsames Thema: Regionale Netzwerke']],
      ['2021-04-22-strategiekreis-b2', ['Gleicher TOP 3 dieser Sitzung', 'Gemeinsame Themen: Regionale Netzwerke, Digitalisierung']],
      ['2021-04-22-strategiekreis-b3', ['Gemeinsames Thema: Digitalisierung']],
    ]);
  });

  it('names the other direction of a replacement', () => {
    expect(relatedResolutions(archive, '2021-11-11-strategiekreis-b1')[0]).toMatchObject({
      resolution: { id: '2021-04-22-strategiekreis-b1' },
      reasons: ['Wird durch diesen Beschluss ersetzt', expect.any(String), expect.any(String)],
    });
  });

  it('caps resolutions related only by topic', () => {
    expect(relatedResolutions(archive, '2021-04-22-strategiekreis-b3', 0).map((r) => r.resolution.id)).toEqual([]);
    expect(relatedResolutions(archive, '2021-04-22-strategiekreis-b3', 5).map((r) => r.resolution.id)).toEqual([
      '2021-04-22-strategiekreis-b1',
      '2021-04-22-strategiekreis-b2',
    ]);
  });
});

describe('register lists', () => {
  it('groups list lines by meeting, newest first, keeping protocol order inside; names each by what it decides', () => {
    const groups = groupByMeeting(resolutionListItems(archive, archive.resolutions));
    expect(groups.map((g) => [g.heading, g.href, g.items.map((i) => [i.title, i.position])])).toEqual([
      ['Strategiekreis, 11. November 2021', '/sitzungen/2021-11-11-strategiekreis/', [['Die Vereinbarung wird beschlossen', 'TOP 3, Beschluss']]],
      [
        'Strategiekreis, 22. April 2021',
        '/sitzungen/2021-04-22-strategiekreis/',
        [
          ['Die Vereinbarung wird weiterentwickelt', 'TOP 3, 1. Beschluss'],
          ['Musternetzwerke werden aufgebaut', 'TOP 3, 2. Beschluss'],
          ['Ein Feinkonzept wird beauftragt', 'TOP 5, Beschluss'],
          ['Ohne Überschrift', 'TOP 6, Beschluss'],
        ],
      ],
      ['Plenum, 20. Oktober 2020', '/sitzungen/2020-10-20-plenum/', [['Die Partner vernetzen sich regional', 'TOP 2, Vereinbarung']]],
    ]);
  });

  it('links each line to the resolution page and shows status and the rest of the masked text', () => {
    const [line] = resolutionListItems(archive, [archive.resolutions[1]]);
    expect(line).toMatchObject({
      href: '/beschluesse/2021-04-22-strategiekreis-b1/',
      anchorHref: '/sitzungen/2021-04-22-strategiekreis/#2021-04-22-strategiekreis-b1',
      itemTitle: 'Entwicklungsphase',
      result: 'ohne Gegenstimmen',
      status: { code: 'superseded', label: 'ersetzt durch „Die Vereinbarung wird beschlossen“ vom 11. November 2021' },
    });
    // The title's sentence is not printed twice: the excerpt goes on after it.
    expect(line.excerpt).toBe('Frau Dr. Icks berichtet, Kontakt: [E-Mail-Adresse entfernt]. Zweiter Absatz mit ZDH.');
  });

  it('offers every facet value that has resolutions, with counts', () => {
    const facets = registerFacets(archive);
    expect(facets.jahr.map((v) => `${v.label}:${v.count}`)).toEqual(['2021:5', '2020:1']);
    expect(facets.gremium.map((v) => `${v.value}:${v.count}`)).toEqual(['strategiekreis:5', 'plenum:1']);
    expect(facets.art.map((v) => [v.label, v.href])).toEqual([
      ['Beschlüsse', '/beschluesse/art/beschluss/'],
      ['Vereinbarungen', '/beschluesse/art/vereinbarung/'],
    ]);
    expect(facets.thema.map((v) => `${v.label}:${v.count}`)).toEqual(['Digitalisierung:3', 'Regionale Netzwerke:4']);
    expect(resolutionFacetPaths(archive)).toHaveLength(2 + 2 + 2 + 2);
  });

  it('filters by facet; a topic is that of the agenda item', () => {
    expect(resolutionsInFacet(archive, 'thema', 'digitalisierung').map((r) => r.id)).toEqual([
      '2021-04-22-strategiekreis-b1',
      '2021-04-22-strategiekreis-b2',
      '2021-04-22-strategiekreis-b3',
    ]);
    expect(facetPageView(archive, 'art', 'vereinbarung')).toMatchObject({ title: 'Vereinbarungen', count: 1 });
    expect(facetPageView(archive, 'thema', 'digitalisierung').title).toBe('Beschlüsse und Vereinbarungen zum Thema Digitalisierung');
    expect(() => facetPageView(archive, 'jahr', '1999')).toThrow('no resolutions for jahr "1999"');
  });

  it('counts a chosen facet only at its chosen value, so a page does not change with every new resolution (issue #24)', () => {
    const counted = (chips: { value: string; count?: number }[]) => chips.filter((c) => c.count !== undefined).map((c) => c.value);
    // A year's page: the other years are links without a count (the year-2021 count changes with every 2021 resolution) …
    const year2020 = registerChips(archive, { jahr: '2020' });
    expect(year2020.jahr.map((c) => c.value)).toEqual(['', '2021', '2020']);
    expect(counted(year2020.jahr)).toEqual(['2020']);
    // … while the facets it has not chosen are counted within the year.
    expect(year2020.gremium.map((c) => [c.value, c.count])).toEqual([['', undefined], ['plenum', 1]]);
    // The register's first page chooses nothing and counts every value.
    expect(counted(registerChips(archive, {}).jahr)).toEqual(['2021', '2020']);
  });

  it('combines the facets: each chip keeps the other choices (issue #25)', () => {
    const chip = (c: { label: string; href: string; count?: number; current: boolean }) => `${c.label}${c.count === undefined ? '' : `:${c.count}`} ${c.href}${c.current ? ' *' : ''}`;
    // On a year's page the committees lead to that year's page of each, and back to the year.
    expect(registerChips(archive, { jahr: '2021' }).gremium.map(chip)).toEqual([
      'Alle Gremien /beschluesse/jahr/2021/ *',
      'Strategiekreis:5 /beschluesse/jahr/2021/gremium/strategiekreis/',
    ]);
    // On a committee's page the years lead to that committee's page of each year.
    expect(registerChips(archive, { gremium: 'plenum' }).jahr.map(chip)).toEqual(['Alle Jahre /beschluesse/gremium/plenum/ *', '2020:1 /beschluesse/jahr/2020/gremium/plenum/']);
    const both = registerChips(archive, { jahr: '2021', gremium: 'strategiekreis' });
    expect(both.jahr.map(chip)).toEqual(['Alle Jahre /beschluesse/gremium/strategiekreis/', '2021:5 /beschluesse/jahr/2021/gremium/strategiekreis/ *']);
    expect(both.gremium.map(chip)).toEqual(['Alle Gremien /beschluesse/jahr/2021/', 'Strategiekreis:5 /beschluesse/jahr/2021/gremium/strategiekreis/ *']);
    // A kind or topic opens its own page and keeps year and committee in the query, counted within them.
    const kinds = registerFacets(archive).art.map((v) => v.value);
    const inBoth = archive.resolutions.filter((r) => r.meeting.date.startsWith('2021') && r.meeting.committee === 'strategiekreis');
    expect(both.art.map(chip)).toEqual([
      'Alle Arten /beschluesse/jahr/2021/gremium/strategiekreis/ *',
      ...kinds
        .map((kind) => [kind, inBoth.filter((r) => resolutionsInFacet(archive, 'art', kind).includes(r)).length] as const)
        .filter(([, count]) => count > 0)
        .map(([kind, count]) => `${registerFacets(archive).art.find((v) => v.value === kind)!.label}:${count} /beschluesse/art/${kind}/?jahr=2021&gremium=strategiekreis`),
    ]);
    // Four facets: a topic chip keeps year, committee and kind; "Alle Themen" drops only the topic.
    const four = registerChips(archive, { jahr: '2021', gremium: 'strategiekreis', art: 'beschluss', thema: 'digitalisierung' });
    expect(four.thema.map(chip)).toEqual([
      'Alle Themen /beschluesse/jahr/2021/gremium/strategiekreis/?art=beschluss',
      `Digitalisierung:3 /beschluesse/thema/digitalisierung/?jahr=2021&gremium=strategiekreis&art=beschluss *`,
      // The page has chosen a topic: the other topics are linked, but not counted.
      'Regionale Netzwerke /beschluesse/thema/regionale-netzwerke/?jahr=2021&gremium=strategiekreis&art=beschluss',
    ]);
    expect(four.jahr.map(chip)).toEqual(['Alle Jahre /beschluesse/gremium/strategiekreis/?art=beschluss&thema=digitalisierung', '2021:3 /beschluesse/jahr/2021/gremium/strategiekreis/?art=beschluss&thema=digitalisierung *']);
    expect(yearCommitteePaths(archive)).toEqual(expect.arrayContaining([{ year: '2021', committee: 'strategiekreis' }, { year: '2020', committee: 'plenum' }]));
    expect(yearCommitteePaths(archive)).toHaveLength(2);
    expect(yearCommitteeView(archive, '2020', 'plenum')).toMatchObject({ title: 'Beschlüsse und Vereinbarungen 2020: Plenum', count: '1 Eintrag' });
    expect(() => yearCommitteeView(archive, '2020', 'strategiekreis')).toThrow('no resolutions of "strategiekreis" in 2020');
  });

  it('gives each register line its facet values for the page\'s filter', () => {
    const groups = registerGroups(archive, archive.resolutions);
    for (const group of groups) {
      expect(group.attributes).toEqual({ 'data-jahr': group.date.slice(0, 4), 'data-gremium': archive.resolutions.find((r) => r.id === group.items[0].id)!.meeting.committee });
      for (const item of group.items) {
        const topics = resolutionsInFacet(archive, 'thema', 'digitalisierung').some((r) => r.id === item.id);
        expect(item.attributes['data-thema'].split(' ').includes('digitalisierung')).toBe(topics);
        expect(resolutionsInFacet(archive, 'art', item.attributes['data-art']).some((r) => r.id === item.id)).toBe(true);
      }
    }
  });
});

describe('register selections as addresses', () => {
  it('puts a selection on the narrowest static page, the rest in the query', () => {
    expect(selectionHref({})).toBe('/beschluesse/');
    expect(selectionHref({ thema: 'digitalisierung' })).toBe('/beschluesse/thema/digitalisierung/');
    expect(selectionHref({ jahr: '2021', gremium: 'plenum', art: 'wahl' })).toBe('/beschluesse/jahr/2021/gremium/plenum/?art=wahl');
    // The clicked facet's page, so that without JavaScript the link shows what was clicked.
    expect(selectionHref({ jahr: '2021', gremium: 'plenum', art: 'wahl' }, 'art')).toBe('/beschluesse/art/wahl/?jahr=2021&gremium=plenum');
  });

  it('reads the query only for facets the page does not fix, and only slugs', () => {
    expect(selectionOf({ art: 'wahl' }, '?art=beschluss&jahr=2021&thema=%3Cscript%3E')).toEqual({ art: 'wahl', jahr: '2021' });
    expect(selectionOf({}, '')).toEqual({});
  });
});

describe('resolutionView', () => {
  const view = resolutionView(archive, '2021-04-22-strategiekreis-b1', 'https://protokolle.example.org');

  it('has the permalink and the citation', () => {
    expect(view.url).toBe('https://protokolle.example.org/beschluesse/2021-04-22-strategiekreis-b1/');
    expect(view.citation).toBe(
      'Strategiekreis der Offensive Mittelstand, Sitzung vom 22. April 2021, TOP 3, Beschluss „Die Vereinbarung wird weiterentwickelt“, https://protokolle.example.org/beschluesse/2021-04-22-strategiekreis-b1/',
    );
    expect(view.citation).not.toContain('strategiekreis-b1,');
    expect(view.title).toBe('Die Vereinbarung wird weiterentwickelt');
    expect(view.position).toBe('TOP 3, 1. Beschluss');
    expect(view.itemTitle).toBe('Entwicklungsphase');
  });

  it('links its anchor, its TOP heading, its matters and topics', () => {
    expect(view.anchorHref).toBe('/sitzungen/2021-04-22-strategiekreis/#2021-04-22-strategiekreis-b1');
    expect(view.agendaItem).toEqual({ number: '3', label: 'TOP 3 – Entwicklungsphase', href: '/sitzungen/2021-04-22-strategiekreis/#top-3' });
    expect(view.matters).toEqual([{ href: '/vorgaenge/vereinbarung/', label: 'Vereinbarung zur regionalen Zusammenarbeit' }]);
    expect(view.topics.map((t) => t.href)).toEqual(['/beschluesse/thema/regionale-netzwerke/', '/beschluesse/thema/digitalisierung/']);
  });

  it('lists the people and organisations the text names, and masks contact data', () => {
    expect(view.people).toEqual([{ href: '/personen/annette-icks/', label: 'Dr. Annette Icks' }]);
    expect(view.organisations).toEqual([{ href: '/organisationen/zdh/', label: 'ZDH', title: 'Zentralverband des Deutschen Handwerks' }]);
    expect(view.paragraphs).toEqual([
      'Die Vereinbarung wird weiterentwickelt. Frau Dr. Icks berichtet, Kontakt: [E-Mail-Adresse entfernt].',
      'Zweiter Absatz mit ZDH.',
    ]);
  });

  it('does not link a TOP that has no heading in the text', () => {
    expect(resolutionView(archive, '2021-04-22-strategiekreis-b4').agendaItem).toEqual({
      number: '6',
      label: 'TOP 6 – Ohne Überschrift im Text',
      href: undefined,
    });
  });

  it('links its chronological neighbours', () => {
    expect(view.newer?.href).toBe('/beschluesse/2021-04-22-strategiekreis-b2/');
    expect(view.older?.href).toBe('/beschluesse/2020-10-20-plenum-b1/');
    expect(resolutionView(archive, '2020-10-20-plenum-b1').older).toBeUndefined();
    expect(resolutionView(archive, '2021-04-22-strategiekreis-b4').newer?.href).toBe('/beschluesse/2021-11-11-strategiekreis-b1/');
  });

  it('fails with the id and the fix for an unknown resolution', () => {
    expect(() => resolutionView(archive, '2021-04-22-strategiekreis-b9')).toThrow(
      'resolutionView: no <Resolution id="2021-04-22-strategiekreis-b9"> in content/protocols/. Fix: link an existing resolution id.',
    );
  });

  it('gives every resolution a route and the meeting box a link to it', () => {
    expect(resolutionPaths(archive).map((p) => p.params.id)).toHaveLength(6);
    expect(resolutionBox(archive, '2021-04-22-strategiekreis-b3')).toMatchObject({
      pageHref: '/beschluesse/2021-04-22-strategiekreis-b3/',
      status: { label: 'vertagt' },
    });
  });
});

describe('registerFront', () => {
  it('lists whole meetings, the newest first, and says how many it leaves to the other pages', () => {
    const all = registerFront(archive);
    expect(all).toMatchObject({ total: archive.resolutions.length, shown: archive.resolutions.length });
    expect(all.meetings).toBeUndefined();
    const meetings = [...new Set(archive.resolutions.map((r) => r.meetingId))];
    expect(meetings.length).toBeGreaterThan(1);
    // With room for one meeting: every resolution of the newest meeting, and nothing else.
    const one = registerFront(archive, 1);
    const newest = archive.resolutions.filter((r) => r.meetingId === meetings[0]);
    expect(one.groups.map((g) => g.meetingId)).toEqual([meetings[0]]);
    expect(one.groups[0].items.map((item) => item.id)).toEqual(newest.map((r) => r.id));
    expect(one).toMatchObject({ total: archive.resolutions.length, shown: newest.length, meetings: 1 });
  });
});
