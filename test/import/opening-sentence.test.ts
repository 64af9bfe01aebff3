/** The opening-sentence step (`scripts/import/steps/opening-sentence.ts`): the meeting stated in the first sentence. */
import { describe, expect, it } from 'vitest';
import { readOpeningSentence } from '../../scripts/import/steps/opening-sentence.ts';
import { importText } from './helpers.ts';

const para = (text: string, n = 3) => text.split('\n').map((t, i) => ({ n: n + i, text: t }));

describe('opening sentence', () => {
  it.each([
    ['Die Mitgliederversammlung des Beispiel e. V. findet am 27. März 2021 online statt.', '2021-03-27', 'Die Mitgliederversammlung des Beispiel e. V.'],
    ['Der Vorstand tagte am 7. April 2020 in Kassel.', '2020-04-07', 'Der Vorstand'],
    ['Die Sitzung fand am 14.05.2025 im Raum E 12 statt.', '2025-05-14', 'Die Sitzung'],
    ['Der Arbeitskreis Streuobst traf sich am 17.07.2020 auf der Wiese.', '2020-07-17', 'Der Arbeitskreis Streuobst'],
  ])('reads %j', (text, date, subject) => {
    expect(readOpeningSentence(para(text))).toMatchObject({ date, subject, line: 3 });
  });

  it('reads a sentence wrapped over lines, up to the first blank line', () => {
    expect(readOpeningSentence(para('Die Mitglieder-\nversammlung findet am 27. März 2021\nonline statt.\n\nAm 3. Mai 2021 …'))).toMatchObject({ date: '2021-03-27', subject: 'Die Mitgliederversammlung' });
  });

  it.each([
    'Die Einladung vom 03.02.2023 ist allen Mitgliedern zugegangen.',
    'Die Versammlung findet am 27. März 2021.',
    'Der Vorsitzende eröffnet die Sitzung. Sie fand am 3. Mai 2021 statt.',
  ])('takes no meeting date from %j', (text) => {
    expect(readOpeningSentence(para(text))).toBeNull();
  });

  it('gives a protocol whose header has no date its date and its body, but never a date later in the text', () => {
    const text = '# Protokoll\n\nDer Vorstand des Segelclubs Hohe Kante e. V. tagte am 7. April 2020 im Clubhaus.\n\n## TOP 1: Bericht\n\nAm 3. Mai 2020 beginnt die Saison.\n';
    const r = importText(text, 'vorstand.md');
    expect([r.frontmatter.date, r.meetingId]).toEqual(['2020-04-07', '2020-04-07-vorstand-des-segelclubs-hohe-kante-e-v']);
    expect(() => importText(text.replace(' tagte am 7. April 2020 im Clubhaus', ' berichtet'), 'vorstand.md')).toThrow(/no meeting date found in the header/);
  });
});
