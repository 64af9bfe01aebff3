import { describe, expect, it } from 'vitest';
import { absoluteUrl, citationText } from '../../src/lib/views/citation';

describe('citationText', () => {
  it('names committee, meeting date, TOP, kind, what it decides and the URL (the id only inside the URL)', () => {
    expect(
      citationText({
        committee: 'Strategiekreis',
        date: '2021-11-11',
        item: '1',
        kind: 'Beschluss',
        title: 'Lieferantendatenbank als OM-Produkt entwickeln',
        url: 'https://protokolle.example.org/beschluesse/2021-11-11-strategiekreis-b1/',
      }),
    ).toBe(
      'Strategiekreis der Offensive Mittelstand, Sitzung vom 11. November 2021, TOP 1, Beschluss „Lieferantendatenbank als OM-Produkt entwickeln“, https://protokolle.example.org/beschluesse/2021-11-11-strategiekreis-b1/',
    );
  });

  it('nests quotes inside the title as half quotes', () => {
    expect(citationText({ committee: 'Plenum', date: '2021-11-11', kind: 'Beschluss', title: 'Die „Vereinbarung“ gilt', url: 'https://x.org/b/' })).toBe(
      'Plenum der Offensive Mittelstand, Sitzung vom 11. November 2021, Beschluss „Die ‚Vereinbarung‘ gilt“, https://x.org/b/',
    );
  });

  it('leaves out the TOP of a resolution outside any agenda item', () => {
    expect(
      citationText({ committee: 'AG Transfer', date: '2020-10-20', kind: 'Vereinbarung', title: 'Partner vernetzen sich', url: 'https://x.org/b/' }),
    ).toBe('AG Transfer der Offensive Mittelstand, Sitzung vom 20. Oktober 2020, Vereinbarung „Partner vernetzen sich“, https://x.org/b/');
  });
});

describe('absoluteUrl', () => {
  it('uses the site URL from SITE, also with a base path', () => {
    expect(absoluteUrl('/beschluesse/x-b1/', new URL('https://protokolle.example.org'))).toBe('https://protokolle.example.org/beschluesse/x-b1/');
    expect(absoluteUrl('/beschluesse/x-b1/', undefined)).toBe('/beschluesse/x-b1/');
  });
});
