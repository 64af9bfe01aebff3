/**
 * The search page's logic (`src/lib/search/`): URL state, Pagefind options,
 * result views with their deep links, messages, and the metadata pages give
 * Pagefind. The browser side is covered by `test/e2e/search.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { noResultsText, resultCountText, searchTitle } from '../../src/lib/search/messages';
import { bundleFilters, bundleOfPage, bundleOfSearch } from '../../src/lib/search/bundles';
import { dateOrder, sortByDate } from '../../src/lib/search/date-order';
import { filterOptions } from '../../src/lib/search/filter-options';
import { committeeSearchMeta, meetingSearchMeta, searchMetaFilters } from '../../src/lib/search/page-meta';
import { dateLabel, enclosingTop, placeLabel, placeScore, resultView, type Anchor, type ResultData } from '../../src/lib/search/result-view';
import {
  activeFilters,
  emptyState,
  hasCriteria,
  normaliseQuery,
  dateSortDirection,
  pagefindFilters,
  sameState,
  searchUrl,
  sortFilterValues,
  stateFromUrl,
  withoutTitles,
  type SearchState,
} from '../../src/lib/search/url-state';
import { buildPeopleIndex } from '../../src/lib/index/people-index';
import { createMentionMatcher } from '../../src/lib/text/mention-matcher';
import { index, meeting } from './helpers';

const state = (partial: Partial<SearchState>): SearchState => ({ ...emptyState, ...partial });

describe('URL state', () => {
  it('reads query, filters and sort order from the URL', () => {
    expect(stateFromUrl('?q=Pr%C3%A4vention&jahr=2021&gremium=Strategiekreis&art=Beschluss&sortierung=neueste')).toEqual({
      query: 'Prävention',
      filters: { jahr: '2021', gremium: 'Strategiekreis', art: 'Beschluss' },
      sort: 'neueste',
    });
  });

  it('ignores unknown parameters, empty values and unknown sort orders', () => {
    expect(stateFromUrl('?q=&jahr=&foo=bar&sortierung=zufall')).toEqual(emptyState);
    expect(stateFromUrl(new URLSearchParams('q=++Prävention+++4.0+'))).toEqual(state({ query: 'Prävention 4.0' }));
  });

  it('writes a canonical URL: q first, filters in display order, defaults left out', () => {
    expect(searchUrl(state({ query: 'Prävention', filters: { thema: 'Corona', jahr: '2021' }, sort: 'aelteste' }))).toBe(
      '/suche/?q=Pr%C3%A4vention&jahr=2021&thema=Corona&sortierung=aelteste',
    );
    expect(searchUrl(emptyState)).toBe('/suche/');
    expect(searchUrl(state({ filters: { person: 'Dr. Annette Icks' } }))).toBe('/suche/?person=Dr.+Annette+Icks');
  });

  it('round-trips through the URL', () => {
    const original = state({ query: 'Straße & Co.', filters: { gremium: 'AG Transfer', organisation: 'IfM Bonn' }, sort: 'neueste' });
    const url = new URL(searchUrl(original), 'http://localhost');
    expect(stateFromUrl(url.search)).toEqual(original);
    expect(sameState(original, stateFromUrl(url.search))).toBe(true);
    expect(sameState(original, { ...original, sort: 'relevanz' })).toBe(false);
  });

  it('knows when there is something to search for', () => {
    expect(hasCriteria(emptyState)).toBe(false);
    expect(hasCriteria(state({ query: 'x' }))).toBe(true);
    expect(hasCriteria(state({ filters: { jahr: '2021' } }))).toBe(true);
    expect(activeFilters(state({ filters: { thema: 'Corona', art: 'Sitzung' } }))).toEqual([
      ['art', 'Sitzung'],
      ['thema', 'Corona'],
    ]);
  });

  it('normalises typed words', () => {
    expect(normaliseQuery('  Gefährdungs\tbeurteilung  ')).toBe('Gefährdungs beurteilung');
  });
});

describe('Pagefind options', () => {
  it('passes active filters as exact values', () => {
    expect(pagefindFilters(state({ query: 'x', filters: { jahr: '2021', art: 'Beschluss' } }))).toEqual({ art: 'Beschluss', jahr: '2021' });
    expect(pagefindFilters(state({ query: 'x' }))).toEqual({});
  });

  it('sorts by relevance, or by date in either direction', () => {
    expect(dateSortDirection(state({ query: 'x' }))).toBeUndefined();
    expect(dateSortDirection(state({ query: 'x', sort: 'neueste' }))).toBe('desc');
    expect(dateSortDirection(state({ query: 'x', sort: 'aelteste' }))).toBe('asc');
  });

  it('lists newest first when only filters are set (there is no relevance without words)', () => {
    expect(dateSortDirection(state({ filters: { jahr: '2021' } }))).toBe('desc');
    expect(dateSortDirection(state({ filters: { jahr: '2021' }, sort: 'aelteste' }))).toBe('asc');
  });

  it('orders filter values: years newest first, kinds in their fixed order, names alphabetically', () => {
    expect(sortFilterValues('jahr', ['2017', '2021', '2020', '2021'])).toEqual(['2021', '2020', '2017']);
    expect(sortFilterValues('art', ['Person', 'Beschluss', 'Sitzung', 'Unbekannt'])).toEqual(['Sitzung', 'Beschluss', 'Person', 'Unbekannt']);
    expect(sortFilterValues('person', ['Oleg Cernavin', 'Achim Sieker', 'Ärztin Z'])).toEqual(['Achim Sieker', 'Ärztin Z', 'Oleg Cernavin']);
    expect(sortFilterValues('person', ['Prof. Dr. Oliver Kruse', 'Dr. Annette Icks', 'Bruno Schmalen', 'Dr. Lotzmann'])).toEqual([
      'Dr. Annette Icks',
      'Bruno Schmalen',
      'Dr. Lotzmann',
      'Prof. Dr. Oliver Kruse',
    ]);
    expect(withoutTitles('Dipl.-Ing. Dr. rer. nat. Petra Zander')).toBe('Petra Zander');
  });
});

/** Anchors of a meeting page as Pagefind reports them (positions are word counts). */
const anchors: Anchor[] = [
  { element: 'h2', id: 'tagesordnung', text: 'Tagesordnung', location: 27 },
  { element: 'h2', id: 'protokoll', text: 'Protokoll', location: 182 },
  { element: 'h3', id: 'top-1', text: 'TOP 1 – Neues aus der Offensive', location: 238 },
  { element: 'h4', id: '2021-11-11-strategiekreis-b1', text: 'Beschluss', location: 302 },
  { element: 'h3', id: 'top-4', text: 'TOP 4 – Zukünftige Arbeitsweisen der OM', location: 549 },
  { element: 'h4', id: 'zukünftige-wichtige-themen-der-om', text: 'Zukünftige wichtige Themen der OM', location: 770 },
];
const page = '/sitzungen/2021-11-11-strategiekreis/';

function data(partial: Partial<ResultData>): ResultData {
  return {
    url: page,
    excerpt: 'Seitenauszug',
    meta: { title: '5. Treffen des Strategiekreises', date: '2021-11-11' },
    filters: { art: ['Sitzung'], gremium: ['Strategiekreis'], jahr: ['2021'] },
    sub_results: [],
    anchors,
    ...partial,
  };
}

describe('result view', () => {
  it('links the title to the TOP where the words are', () => {
    const view = resultView(
      data({
        sub_results: [{ title: 'TOP 4 – Zukünftige Arbeitsweisen der OM', url: `${page}#top-4`, excerpt: '… <mark>Präsenz</mark> …', locations: [560], anchor: anchors[4] }],
      }),
    );
    expect(view).toEqual({
      href: `${page}#top-4`,
      title: '5. Treffen des Strategiekreises',
      kind: 'Sitzung',
      date: '2021-11-11',
      dateLabel: '11. November 2021',
      committee: 'Strategiekreis',
      places: [{ href: `${page}#top-4`, label: 'TOP 4 – Zukünftige Arbeitsweisen der OM', excerpt: '… <mark>Präsenz</mark> …' }],
    });
  });

  it('prefers a TOP over the agenda that repeats its title', () => {
    const view = resultView(
      data({
        sub_results: [
          { title: 'Tagesordnung', url: `${page}#tagesordnung`, excerpt: 'a', locations: [40], anchor: anchors[0] },
          { title: 'TOP 1 – Neues aus der Offensive', url: `${page}#top-1`, excerpt: 'b', locations: [240], anchor: anchors[2] },
        ],
      }),
    );
    expect(view.href).toBe(`${page}#top-1`);
    expect(view.places.map((place) => place.label)).toEqual(['TOP 1 – Neues aus der Offensive', 'Tagesordnung']);
  });

  it('ranks places by weighted hits and keeps at most three', () => {
    const sub = (id: string, scores: number[]) => ({
      title: id,
      url: `${page}#${id}`,
      excerpt: id,
      locations: scores.map((_, i) => i),
      weighted_locations: scores.map((balanced_score, location) => ({ weight: 1, balanced_score, location })),
      anchor: { element: 'h3', id, text: id, location: 0 },
    });
    const view = resultView(data({ anchors: [], sub_results: [sub('top-1', [1]), sub('top-2', [5, 5]), sub('top-3', [2]), sub('top-4', [1.5])] }));
    expect(view.places.map((place) => place.href.split('#')[1])).toEqual(['top-2', 'top-3', 'top-4']);
  });

  it('labels a resolution or sub-heading with its TOP', () => {
    expect(placeLabel({ title: 'Beschluss', anchor: anchors[3] }, anchors)).toBe('TOP 1 – Neues aus der Offensive › Beschluss');
    expect(placeLabel({ title: 'Zukünftige wichtige Themen der OM', anchor: anchors[5] }, anchors)).toBe(
      'TOP 4 – Zukünftige Arbeitsweisen der OM › Zukünftige wichtige Themen der OM',
    );
    expect(placeLabel({ title: 'Protokoll', anchor: anchors[1] }, anchors)).toBe('Protokoll');
    expect(placeLabel({ title: 'Page' }, anchors)).toBeUndefined();
    expect(enclosingTop(anchors, 100)).toBeUndefined();
    expect(enclosingTop(anchors, 800)?.id).toBe('top-4');
  });

  it('falls back to the page and its excerpt when Pagefind gives no sections', () => {
    const view = resultView(data({ meta: { title: 'Dr. Annette Icks' }, filters: { art: ['Person'] }, anchors: undefined }));
    expect(view).toMatchObject({ href: page, title: 'Dr. Annette Icks', kind: 'Person', date: undefined, dateLabel: undefined });
    expect(view.places).toEqual([{ href: page, excerpt: 'Seitenauszug' }]);
  });

  it('scores broad sections at half', () => {
    expect(placeScore({ locations: [1, 2], anchor: anchors[0] })).toBe(1);
    expect(placeScore({ locations: [1, 2], anchor: anchors[2] })).toBe(2);
    expect(dateLabel('2017-11-09')).toBe('9. November 2017');
    expect(dateLabel('kein Datum')).toBeUndefined();
  });
});

describe('messages', () => {
  it('says how many results there are, for what', () => {
    expect(resultCountText(3, state({ query: 'Prävention' }))).toBe('3 Treffer für „Prävention“');
    expect(resultCountText(1, state({ query: 'KI', filters: { jahr: '2021', art: 'Beschluss' } }))).toBe(
      '1 Treffer für „KI“ (Art: Beschluss, Jahr: 2021)',
    );
  });

  it('has a clear empty state', () => {
    expect(noResultsText(state({ query: 'Xylophon' }))).toBe('Keine Treffer für „Xylophon“');
    expect(noResultsText(state({ filters: { gremium: 'Plenum' } }))).toBe('Keine Treffer mit diesen Filtern (Gremium: Plenum)');
  });

  it('titles the page after the search', () => {
    expect(searchTitle(emptyState)).toBe('Suche');
    expect(searchTitle(state({ query: 'Prävention' }), 3)).toBe('„Prävention“ – 3 Treffer · Suche');
    expect(searchTitle(state({ query: 'KI', filters: { jahr: '2021' } }))).toBe('„KI“, Jahr: 2021 · Suche');
  });
});

describe('search metadata of pages', () => {
  it('turns SearchMeta props into Pagefind filters', () => {
    expect(
      searchMetaFilters({
        kind: 'Sitzung',
        title: 'x',
        date: '2021-11-11',
        committee: 'Strategiekreis',
        people: ['Oleg Cernavin', ' Oleg  Cernavin ', ''],
        organisations: ['IfM Bonn'],
        topics: ['Corona'],
      }),
    ).toEqual([
      ['art', 'Sitzung'],
      ['jahr', '2021'],
      ['gremium', 'Strategiekreis'],
      ['person', 'Oleg Cernavin'],
      ['organisation', 'IfM Bonn'],
      ['thema', 'Corona'],
    ]);
    expect(searchMetaFilters({ kind: 'Person', title: 'Dr. Annette Icks' })).toEqual([['art', 'Person']]);
  });


  it('describes a meeting by its committee, people, organisations and topics', () => {
    const april = meeting({
      date: '2021-04-22',
      committee: 'strategiekreis',
      title: '4. Treffen des Strategiekreises',
      attendees: ['oleg-cernavin'],
      moderator: 'annette-icks',
      agenda: [
        { number: '1', title: 'Neues', presenters: ['annette-icks', 'rolf-papenfuss'], organizations: ['ifm-bonn'], topics: ['digitalisierung'] },
        { number: '2', title: 'Handwerk', presenters: [], organizations: ['zdh', 'ifm-bonn'] },
      ],
    });
    expect(meetingSearchMeta(index([april]), april)).toEqual({
      kind: 'Sitzung',
      title: '4. Treffen des Strategiekreises',
      date: '2021-04-22',
      committee: 'Strategiekreis',
      people: ['Oleg Cernavin', 'Dr. Annette Icks', 'Rolf Papenfuß'],
      organisations: ['IfM Bonn', 'ZDH'],
      topics: ['Digitalisierung'],
    });
    expect(committeeSearchMeta({ name: 'Plenum' })).toEqual({ kind: 'Gremium', title: 'Plenum', committee: 'Plenum' });
  });
});

describe('sorting by date (without Pagefind sort keys)', () => {
  const pages = [
    { id: 'de_plenum17', date: '2017-11-09' },
    { id: 'de_person', date: undefined },
    { id: 'de_sk21b1', date: '2021-11-11' },
    { id: 'de_sk21', date: '2021-11-11' },
    { id: 'de_odd', date: 'November 2021' },
  ];
  const order = dateOrder(pages);

  it('lists the dated pages newest first, same date by id, undated ones left out', () => {
    expect(order).toEqual({ ids: ['de_sk21', 'de_sk21b1', 'de_plenum17'] });
  });

  it('orders results newest or oldest first, undated ones last in relevance order', () => {
    const results = ['de_person', 'de_plenum17', 'de_odd', 'de_sk21b1', 'de_sk21'].map((id) => ({ id }));
    expect(sortByDate(results, order, 'desc').map((r) => r.id)).toEqual(['de_sk21', 'de_sk21b1', 'de_plenum17', 'de_person', 'de_odd']);
    expect(sortByDate(results, order, 'asc').map((r) => r.id)).toEqual(['de_plenum17', 'de_sk21b1', 'de_sk21', 'de_person', 'de_odd']);
    expect(sortByDate([], order, 'desc')).toEqual([]);
  });
});

describe('filter values of the search page', () => {
  const april = meeting({
    date: '2021-04-22',
    committee: 'strategiekreis',
    attendees: ['oleg-cernavin'],
    moderator: 'annette-icks',
    agenda: [{ number: '1', title: 'Neues', presenters: ['rolf-papenfuss'], organizations: ['ifm-bonn'], topics: ['digitalisierung'] }],
  });
  const plenum = meeting({ date: '2017-11-09', committee: 'plenum', agenda: [{ number: '1', title: 'Start', presenters: [], organizations: ['zdh'] }] });
  const archive = index([april, plenum]);
  const options = filterOptions(archive, buildPeopleIndex(archive, createMentionMatcher(archive.registries)));

  it('offers every value a meeting page gives Pagefind', () => {
    for (const m of [april, plenum]) {
      for (const [key, value] of searchMetaFilters(meetingSearchMeta(archive, m))) expect(options[key]).toContain(value);
    }
  });

  it('offers the values in the order the select boxes show them, kinds only where pages exist', () => {
    expect(options.jahr).toEqual(['2021', '2017']);
    expect(options.gremium).toEqual(['Plenum', 'Strategiekreis']);
    expect(options.person).toEqual(['Dr. Annette Icks', 'Oleg Cernavin', 'Rolf Papenfuß']);
    expect(options.organisation).toEqual(['IfM Bonn', 'ZDH']);
    expect(options.thema).toEqual(['Digitalisierung']);
    expect(options.art).toEqual(['Sitzung', 'Person', 'Organisation', 'Thema', 'Gremium']);
  });
});

describe('Pagefind bundles', () => {
  it('puts resolution pages, and only those, in their own bundle', () => {
    expect(bundleOfPage('beschluesse/2021-11-11-strategiekreis-b1/index.html')).toBe('resolutions');
    expect(bundleOfPage('sitzungen/2021-11-11-strategiekreis/index.html')).toBe('main');
    // The register and its facet pages are not resolution pages.
    expect(bundleOfPage('beschluesse/index.html')).toBe('main');
    expect(bundleOfPage('beschluesse/jahr/2021/index.html')).toBe('main');
    expect(bundleOfPage('personen/achim-sieker/index.html')).toBe('main');
  });

  it('searches the resolutions only when a search asks for them', () => {
    expect(bundleOfSearch(state({ query: 'Prävention' }))).toBe('main');
    expect(bundleOfSearch(state({ query: 'Prävention', filters: { art: 'Sitzung', jahr: '2021' } }))).toBe('main');
    expect(bundleOfSearch(state({ query: '', filters: { art: 'Beschluss' } }))).toBe('resolutions');
    expect(bundleOfSearch(state({ query: 'x', filters: { jahr: '2021', person: 'Achim Sieker' } }))).toBe('main');
  });

  it('keeps every filter but the kind, which the resolution bundle answers by itself', () => {
    expect(bundleFilters(state({ query: 'x', filters: { art: 'Beschluss', jahr: '2021', gremium: 'Plenum' } }))).toEqual({ jahr: '2021', gremium: 'Plenum' });
    expect(bundleFilters(state({ query: 'x', filters: { art: 'Person', thema: 'Digitalisierung' } }))).toEqual({ art: 'Person', thema: 'Digitalisierung' });
    expect(bundleFilters(state({ query: 'x' }))).toEqual({});
  });
});
