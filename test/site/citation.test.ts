import { describe, expect, it } from 'vitest';
import { absoluteUrl, citationText } from '../../src/lib/views/citation';

describe('citationText', () => {
  it('names committee, meeting date, TOP, kind, id and URL', () => {
    expect(
      citationText({
        committee: 'Strategiekreis',
        date: '2021-11-11',
        item: '1',
        kind: 'Beschluss',
        id: '2021-11-11-strategiekreis-b1',
        url: 'https://protokolle.example.org/beschluesse/2021-11-11-strategiekreis-b1/',
      }),
    ).toBe(
      'Strategiekreis der Offensive Mittelstand, Sitzung vom 11. November 2021, TOP 1, Beschluss 2021-11-11-strategiekreis-b1, https://protokolle.example.org/beschluesse/2021-11-11-strategiekreis-b1/',
    );
  });

  it('leaves out the TOP of a resolution outside any agenda item', () => {
    expect(
      citationText({ committee: 'AG Transfer', date: '2020-10-20', kind: 'Vereinbarung', id: '2020-10-20-ag-transfer-b1', url: 'https://x.org/b/' }),
    ).toBe('AG Transfer der Offensive Mittelstand, Sitzung vom 20. Oktober 2020, Vereinbarung 2020-10-20-ag-transfer-b1, https://x.org/b/');
  });
});

describe('absoluteUrl', () => {
  it('uses the site URL from SITE, also with a base path', () => {
    expect(absoluteUrl('/beschluesse/x-b1/', new URL('https://protokolle.example.org'))).toBe('https://protokolle.example.org/beschluesse/x-b1/');
    expect(absoluteUrl('/beschluesse/x-b1/', undefined)).toBe('/beschluesse/x-b1/');
  });
});
