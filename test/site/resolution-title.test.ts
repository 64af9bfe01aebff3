/**
 * Resolutions named by what they decide (src/lib/index/resolution-title.ts, issue #25): the
 * link text of every list instead of "2. Beschluss zu TOP 4".
 */
import { describe, expect, it } from 'vitest';
import {
  firstSentence,
  resolutionPosition,
  resolutionTitleLength,
  resolutionTitles,
  shortenTitle,
  stripLeadIn,
  textAfterTitle,
  type TitleSource,
} from '../../src/lib/index/resolution-title';
import { buildArchiveIndex, latestResolutions } from '../../src/lib/index/archive-index';
import { meeting, registries } from './helpers';

const one = (text: string, extra: Partial<TitleSource> = {}) =>
  resolutionTitles([{ id: 'm-b1', kind: 'Beschluss', item: '3', text, ...extra }]).get('m-b1');

describe('resolutionTitles', () => {
  it('leaves out the words that only say a decision was taken', () => {
    expect(one('Der Strategiekreis beschließt, dass die OM ein Transferbüro einrichtet.')).toBe('Die OM ein Transferbüro einrichtet');
    expect(one('Der Strategiekreis befürwortet es, dass mit der Einrichtung ein Transferbüro entsteht.')).toBe('Mit der Einrichtung ein Transferbüro entsteht');
    expect(one('Es wird vereinbart: Alle Partner melden ihren Bedarf bis Mai.')).toBe('Alle Partner melden ihren Bedarf bis Mai');
    expect(one('Das Plenum beschließt einstimmig, dass die Satzung geändert wird.')).toBe('Die Satzung geändert wird');
    expect(one('Der Strategiekreis beschließt die „Vereinbarung zur Zusammenarbeit“ in der angefügten Fassung.')).toBe(
      'Die „Vereinbarung zur Zusammenarbeit“ in der angefügten Fassung',
    );
    expect(one('Beschluss: Die Factsheets werden veröffentlicht.')).toBe('Die Factsheets werden veröffentlicht');
  });

  it('keeps a sentence that has no lead-in, or would have too little left without it', () => {
    expect(one('Die Compliance Regelungen werden in der vorgelegten Form beschlossen')).toBe('Die Compliance Regelungen werden in der vorgelegten Form beschlossen');
    expect(one('Das Plenum beschließt: Ja.')).toBe('Das Plenum beschließt: Ja');
  });

  it('takes the first sentence only, not stopping at abbreviations, ordinals or dates', () => {
    expect(one('Trusted Cloud soll auf der Homepage dargestellt werden (3. Ebene). Danach mehr.')).toBe('Trusted Cloud soll auf der Homepage dargestellt werden (3. Ebene)');
    expect(one('Bis 30.04.2022 gilt z. B. die 2G-Regel. Dann nicht mehr.')).toBe('Bis 30.04.2022 gilt z. B. die 2G-Regel');
    expect(one('Frau Dr. Lotzmann prüft den Abschnitt. Danach die AG.')).toBe('Frau Dr. Lotzmann prüft den Abschnitt');
  });

  it('drops references to attachments', () => {
    expect(one('Der INQA-Check wird verabschiedet – siehe Anlage 12')).toBe('Der INQA-Check wird verabschiedet');
    expect(one('Das Konzept wird angenommen (siehe Anlagen 5 und 6).')).toBe('Das Konzept wird angenommen');
  });

  it('shortens long titles at a word boundary, never on a dangling "und" or "für"', () => {
    const text = 'Alle Partner entwickeln ein Konzept, wie die OM in der eigenen Organisation vom Hauptgeschäftsführer bis zum einzelnen Berater bekannt wird.';
    const title = one(text)!;
    expect(title.length).toBeLessThanOrEqual(resolutionTitleLength);
    // A little over the length: whole, rather than a last word alone in the excerpt.
    expect(one('Die Compliance Regelungen werden in der vorgelegten Form ohne Gegenstimmen beschlossen')).toBe(
      'Die Compliance Regelungen werden in der vorgelegten Form ohne Gegenstimmen beschlossen',
    );
    expect(title).toBe('Alle Partner entwickeln ein Konzept, wie die OM in der eigenen Organisation …');
    expect(text.startsWith(title.replace(/ …$/, ''))).toBe(true);
    expect(shortenTitle('Die Gespräche mit den Partnern und mit den Kammern werden fortgesetzt', 32)).toBe('Die Gespräche mit den Partnern …');
  });

  it('is never empty: the matter’s title, the agenda item’s, or the position stand in', () => {
    expect(one('', { matterTitle: 'Musternetzwerke', itemTitle: 'Netzwerke' })).toBe('Musternetzwerke');
    expect(one('– 42 –', { itemTitle: 'Netzwerke' })).toBe('Netzwerke');
    expect(one('')).toBe('Beschluss zu TOP 3');
  });

  it('tells apart resolutions of one meeting that would read the same', () => {
    const head = 'Die Arbeitsgruppe Qualitätssicherung erarbeitet bis zur nächsten Sitzung des Strategiekreises ein Konzept';
    const titles = resolutionTitles([
      { id: 'm-b1', kind: 'Beschluss', text: `${head} für die Netzwerklotsen.` },
      { id: 'm-b2', kind: 'Beschluss', text: `${head} für die Musternetzwerke.` },
      { id: 'm-b3', kind: 'Beschluss', text: 'Die Sitzung endet.' },
      { id: 'm-b4', kind: 'Beschluss', text: 'Die Sitzung endet.' },
    ]);
    expect(titles.get('m-b1')).not.toBe(titles.get('m-b2'));
    expect(titles.get('m-b1')).toContain('Netzwerklotsen');
    expect([titles.get('m-b3'), titles.get('m-b4')]).toEqual(['Die Sitzung endet (1)', 'Die Sitzung endet (2)']);
  });
});

describe('the pieces', () => {
  it('finds the first sentence and the lead-in', () => {
    expect(firstSentence('Eins ggf. zwei. Drei.')).toBe('Eins ggf. zwei');
    expect(stripLeadIn('Die Mitglieder des Plenums einigen sich darauf, dass die Satzung bleibt')).toBe('die Satzung bleibt');
  });

  it('gives the text beyond the title, so a list does not say it twice', () => {
    expect(textAfterTitle('Die OM wächst', 'Die OM wächst.')).toBe('');
    expect(textAfterTitle('Die OM wächst', 'Die OM wächst. Sie lernt.')).toBe('Sie lernt.');
    expect(textAfterTitle('Die OM wächst …', 'Die OM wächst schnell.')).toBe('… schnell.');
    expect(textAfterTitle('Die OM wächst', 'Der Strategiekreis beschließt, dass die OM wächst.')).toBe('Der Strategiekreis beschließt, dass die OM wächst.');
  });

  it('says where a resolution stands in its meeting, numbering only several of one kind in one TOP', () => {
    const siblings = [
      { id: 'm-b1', kind: 'Beschluss', item: '3' },
      { id: 'm-b2', kind: 'Beschluss', item: '3' },
      { id: 'm-b3', kind: 'Vereinbarung', item: '3' },
      { id: 'm-b4', kind: 'Beschluss' },
    ];
    expect(siblings.map((r) => resolutionPosition(r, siblings))).toEqual(['TOP 3, 1. Beschluss', 'TOP 3, 2. Beschluss', 'TOP 3, Vereinbarung', 'Beschluss']);
  });
});

describe('in the index', () => {
  const r = registries();
  const body = (n: number, texts: string[]) =>
    texts.map((text, i) => `<Resolution id="2021-0${n}-01-plenum-b${i + 1}" kind="Beschluss" item="1">\n\n${text}\n\n</Resolution>`).join('\n\n');
  const meetings = [1, 2, 3].map((n) =>
    meeting(
      { date: `2021-0${n}-01`, committee: 'plenum', agenda: [{ number: '1', title: 'Neues' }] },
      `## TOP 1 – Neues\n\n${body(n, ['Das Plenum beschließt, dass Anfragen an info@example.org gehen.', 'Die zweite Sache wird erledigt.', 'Die dritte Sache wird vertagt.'])}`,
    ),
  );
  const index = buildArchiveIndex(meetings, r);

  it('gives every resolution its title, contact data masked', () => {
    expect(index.resolutions[0].title).toBe('Anfragen an [E-Mail-Adresse entfernt] gehen');
    expect(index.resolutions.every((resolution) => resolution.title.length > 0)).toBe(true);
  });

  it('takes the newest resolutions from several meetings, at most two from one', () => {
    expect(latestResolutions(index, 6).map((resolution) => resolution.id)).toEqual([
      '2021-03-01-plenum-b1',
      '2021-03-01-plenum-b2',
      '2021-02-01-plenum-b1',
      '2021-02-01-plenum-b2',
      '2021-01-01-plenum-b1',
      '2021-01-01-plenum-b2',
    ]);
    expect(latestResolutions(index, 6, 3)).toHaveLength(6);
    expect(new Set(latestResolutions(index, 6, 3).map((resolution) => resolution.meetingId)).size).toBe(2);
  });
});
