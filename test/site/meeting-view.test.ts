import { describe, expect, it } from 'vitest';
import { latestResolutions } from '../../src/lib/index/archive-index';
import { jumpLinks, meetingListItems, meetingView, originalLabel, resolutionSummary, sourceView } from '../../src/lib/views/meeting';
import { ORIGINAL_NOTES, type PublishedOriginal } from '../../src/lib/text/originals';
import { index, meeting } from './helpers';

const april = meeting(
  {
    date: '2021-04-22',
    committee: 'strategiekreis',
    title: '4. Treffen des Strategiekreises',
    start: '11:00',
    end: '15:00',
    format: 'online',
    participantCount: 42,
    attendees: ['annette-icks', 'oleg-cernavin'],
    unnamedAttendees: 40,
    moderator: 'annette-icks',
    agenda: [
      { number: null, title: 'Begrüßung', time: '11:00' },
      { number: '1', title: 'Neues', presenters: ['annette-icks'], organizations: ['ifm-bonn'], time: '11:15' },
      { number: '2', title: 'Ohne Überschrift im Text' },
    ],
  },
  `## TOP 1 – Neues

<Resolution id="2021-04-22-strategiekreis-b1" kind="Beschluss" item="1">Erstens.</Resolution>

<Resolution id="2021-04-22-strategiekreis-b2" kind="Vereinbarung" item="1">Zweitens.</Resolution>
`,
);
const november = meeting(
  { date: '2021-11-11', committee: 'strategiekreis' },
  '<Resolution id="2021-11-11-strategiekreis-b1" kind="Beschluss">Neuester.</Resolution>',
);
const plenum = meeting({ date: '2021-12-01', committee: 'plenum' });
const archive = index([april, november, plenum], ['2021-04-22-strategiekreis.txt']);

describe('meetingView', () => {
  const view = meetingView(archive, '2021-04-22-strategiekreis');

  it('shows the facts in German with display names from the registries', () => {
    expect(view.dateLabel).toBe('Donnerstag, 22. April 2021');
    expect(view.timeLabel).toBe('11:00–15:00 Uhr');
    expect(view.formatLabel).toBe('Online (Videokonferenz)');
    expect(view.committee).toEqual({ href: '/gremien/strategiekreis/', label: 'Strategiekreis' });
    expect(view.moderator).toBe('Dr. Annette Icks');
    expect(view.participation).toEqual({ count: 42, named: ['Dr. Annette Icks', 'Oleg Cernavin'], unnamed: 40 });
  });

  it('links agenda items to their TOP heading only when the text has that heading', () => {
    expect(view.agenda.map((item) => item.href)).toEqual([undefined, '#top-1', undefined]);
    expect(view.agenda[1]).toMatchObject({
      presenters: ['Dr. Annette Icks'],
      organisations: [{ short: 'IfM Bonn', full: 'Institut für Mittelstandsforschung Bonn' }],
      time: '11:15',
    });
  });

  it('links the next meeting of the same committee, not the later plenum', () => {
    expect(view.previous).toBeUndefined();
    expect(view.next).toEqual({ href: '/sitzungen/2021-11-11-strategiekreis/', label: '11. November 2021' });
  });

  it('links the original file only when it is in content/sources/', () => {
    expect(view.source.href).toBe('/quellen/2021-04-22-strategiekreis.txt');
    expect(meetingView(archive, '2021-11-11-strategiekreis').source.href).toBeUndefined();
  });

  it('lists its resolutions by what they decide (their title), linking to their place in the text', () => {
    // The texts are one word each: the title says it all, nothing is left for the excerpt.
    expect(view.resolutionLinks).toEqual([
      { label: 'Erstens', joiner: ': ', excerpt: '', href: '#2021-04-22-strategiekreis-b1' },
      { label: 'Zweitens', joiner: ': ', excerpt: '', href: '#2021-04-22-strategiekreis-b2' },
    ]);
  });

  it('offers a jump bar with the sections the page has, in page order', () => {
    expect(view.jumpLinks.map((link) => link.label)).toEqual(['Tagesordnung', 'Beschlüsse', 'Protokoll']);
    expect(jumpLinks({ agenda: false, resolutions: false, nextMeetings: true, attachments: true }).map((link) => link.href)).toEqual(['#protokoll', '#termine', '#anlagen']);
  });

  it('fails loudly for an unknown meeting id', () => {
    expect(() => meetingView(archive, '1999-01-01-plenum')).toThrow('no meeting "1999-01-01-plenum"');
  });
});

describe('resolutions in the index', () => {
  it('lists the newest meeting\'s resolutions first, linking to their anchors', () => {
    expect(latestResolutions(archive, 2).map((r) => r.href)).toEqual([
      '/sitzungen/2021-11-11-strategiekreis/#2021-11-11-strategiekreis-b1',
      '/sitzungen/2021-04-22-strategiekreis/#2021-04-22-strategiekreis-b1',
    ]);
  });

  it('summarises resolutions by kind for meeting lists', () => {
    expect(resolutionSummary([{ kind: 'Beschluss' }, { kind: 'Vereinbarung' }, { kind: 'Beschluss' }])).toBe(
      '2 Beschlüsse, 1 Vereinbarung',
    );
    expect(meetingListItems(archive, [plenum])[0]).toMatchObject({ committee: 'Plenum', resolutionSummary: undefined });
  });
});

describe('the original as readers meet it', () => {
  const published = (kind: PublishedOriginal['kind'], size: number, form: PublishedOriginal['form'], file = 'x'): PublishedOriginal => ({
    source: '001_527d1badff790000.txt',
    kind,
    size,
    file,
    bytes: new Uint8Array(2048),
    form,
  });
  const source = { file: '001_527d1badff790000.txt', sha256: 'ab'.repeat(32) };

  it('names the kind and size, never the file name', () => {
    expect(originalLabel({ kind: 'Text', size: 15_360 })).toBe('Originalprotokoll (Textfassung, 15 KB)');
    expect(originalLabel({ kind: 'Word', size: 48 * 1024 })).toBe('Originalprotokoll (Word, 48 KB)');
    expect(originalLabel({ kind: 'PDF', size: 120 * 1024 })).toBe('Originalprotokoll (PDF, 120 KB)');
    const line = sourceView(source, archive, published('Text', 15_360, 'as-is', source.file));
    expect(line).toEqual({ label: 'Originalprotokoll (Textfassung, 15 KB)', href: `/quellen/${source.file}`, name: source.file, sha256: source.sha256 });
  });

  it('links the masked text of an original with contact data, and says why', () => {
    const line = sourceView(source, archive, { ...published('Word', 48 * 1024, 'text', 'x.docx.txt'), note: ORIGINAL_NOTES.contact });
    expect(line.label).toBe('Text des Originalprotokolls (2 KB)');
    expect(line.href).toBe('/quellen/x.docx.txt');
    expect(line.note).toBe('Originalprotokoll (Word, 48 KB): Die Datei enthält Kontaktdaten und wird deshalb nicht veröffentlicht; veröffentlicht ist ihr Text ohne E-Mail-Adressen und Telefonnummern.');
    expect(line.label).not.toContain(source.file);
  });

  it('says when the original is not in the archive', () => {
    const line = sourceView(source, archive, undefined);
    expect(line.label).toBe('Originalprotokoll: im Archiv nicht abgelegt');
    expect(line.href).toBeUndefined();
  });
});
