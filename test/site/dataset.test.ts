import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/publish/csv';
import { archiveJson, codeSpans, datasetDownloads, datasetFiles } from '../../src/lib/publish/dataset';
import { index, meeting } from './helpers';
import { archive, contactData, site } from './open-data-fixture';

const files = datasetFiles(archive, site, '2024-01-02T03:04:05Z');
const file = (name: string) => files.find((f) => f.file === name)!;

/** A CSV file as objects keyed by header. */
function records(name: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(file(name).content);
  return rows.map((row) => Object.fromEntries(header.map((column, i) => [column, row[i]])));
}

describe('datasetFiles', () => {
  it('has four CSV tables and the archive as JSON, each field documented', () => {
    expect(files.map((f) => f.file)).toEqual(['meetings.csv', 'resolutions.csv', 'people.csv', 'organisations.csv', 'archive.json']);
    for (const f of files) {
      expect(f.fields.length, f.file).toBeGreaterThan(0);
      for (const field of f.fields) expect(field.description, `${f.file}: ${field.name}`).toMatch(/\S{3}/);
    }
  });

  it('offers every table also for German Excel: same cells, semicolons, its own download', () => {
    for (const f of files.filter((f) => f.file.endsWith('.csv'))) {
      expect(f.excel?.file, f.file).toBe(f.file.replace(/\.csv$/, '.excel.csv'));
      expect(parseCsv(f.excel!.content, ';'), f.file).toEqual(parseCsv(f.content));
      expect(f.excel!.content.split('\r\n')[0], f.file).toBe(parseCsv(f.content)[0].join(';').replace(/^/, '\uFEFF'));
    }
    expect(file('archive.json').excel).toBeUndefined();
    expect(datasetDownloads(files).map((f) => f.file)).toEqual([
      'meetings.csv', 'meetings.excel.csv', 'resolutions.csv', 'resolutions.excel.csv',
      'people.csv', 'people.excel.csv', 'organisations.csv', 'organisations.excel.csv', 'archive.json',
    ]);
  });

  it('starts every CSV with the UTF-8 byte order mark, once, and no other file', () => {
    for (const f of files) {
      const bytes = Buffer.from(f.content, 'utf8');
      const bom = [...bytes.subarray(0, 3)].join(',') === '239,187,191';
      expect(bom, f.file).toBe(f.file.endsWith('.csv'));
      expect(f.content.indexOf('\uFEFF', 1), f.file).toBe(-1);
    }
  });

  it('neutralises protocol text that a spreadsheet would run as a formula', () => {
    const planted = meeting(
      { date: '2022-01-10', committee: 'plenum', title: '=HYPERLINK("https://example.org/x","Plenum")', location: '@Bonn' },
      '## TOP 1 – Start\n\n<Resolution id="2022-01-10-plenum-b1" kind="Beschluss" item="1">-1 Stimme, sonst angenommen.</Resolution>\n',
    );
    const csv = datasetFiles(index([planted]), site, '2024-01-02T03:04:05Z');
    const rows = (name: string) => {
      const [header, ...rest] = parseCsv(csv.find((f) => f.file === name)!.content);
      return rest.map((row) => Object.fromEntries(header.map((column, i) => [column, row[i]])));
    };
    expect(rows('meetings.csv')[0]).toMatchObject({ title: `'=HYPERLINK("https://example.org/x","Plenum")`, location: "'@Bonn", number: '' });
    expect(rows('resolutions.csv')[0].text).toBe("'-1 Stimme, sonst angenommen.");
  });

  it('documents exactly the columns each CSV has, in order', () => {
    for (const f of files.filter((f) => f.file.endsWith('.csv'))) {
      expect(parseCsv(f.content)[0], f.file).toEqual(f.fields.map((field) => field.name));
    }
  });

  it('writes one meeting per row, newest first, with ids, times and links', () => {
    const meetings = records('meetings.csv');
    expect(meetings.map((m) => m.id)).toEqual(['2022-03-15-strategiekreis', '2021-11-11-plenum', '2021-04-22-strategiekreis']);
    expect(meetings[1]).toMatchObject({
      committee_id: 'plenum',
      committee: 'Plenum',
      number: '25',
      date: '2021-11-11',
      start: '09:00',
      end: '13:00',
      format: 'in-person',
      location: 'bei der DGUV in Bonn (Tel. [Telefonnummer entfernt])',
      participant_count: '13',
      attendee_ids: 'annette-icks;oleg-cernavin',
      moderator_id: 'rolf-papenfuss',
      agenda_items: '3',
      resolutions: '3',
      url: 'https://protokolle.example.org/sitzungen/2021-11-11-plenum/',
      oparl_url: 'https://protokolle.example.org/oparl/1.1/meeting/2021-11-11-plenum.json',
      source_url: 'https://protokolle.example.org/quellen/2021-11-11-plenum.txt',
    });
    expect(meetings[0].source_url).toBe('');
  });

  it('writes resolutions with their TOP, result and masked text; quotes and paragraphs survive the round trip', () => {
    const resolutions = records('resolutions.csv');
    expect(resolutions.map((r) => [r.id, r.kind, r.agenda_item, r.agenda_item_title, r.result])).toEqual([
      ['2021-11-11-plenum-b1', 'Beschluss', '1', 'Begrüßung', 'einstimmig'],
      ['2021-11-11-plenum-b2', 'Vereinbarung', '2', 'Digitalisierung im Handwerk', ''],
      ['2021-11-11-plenum-b3', 'Beschluss', '2', 'Digitalisierung im Handwerk', 'ohne Gegenstimmen'],
    ]);
    expect(resolutions[1].text).toBe('Rückfragen an [E-Mail-Adresse entfernt] oder [Telefonnummer entfernt].');
    expect(resolutions[2].text).toBe('Zweiter Beschluss, mit "Anführungszeichen", Komma\n\nund zweitem Absatz.');
    expect(resolutions[2].url).toBe('https://protokolle.example.org/sitzungen/2021-11-11-plenum/#2021-11-11-plenum-b3');
    // The name the pages give it, masked like the text; the same in archive.json.
    expect(resolutions.map((r) => r.title)).toEqual([
      'Das Protokoll wird genehmigt',
      'Rückfragen an [E-Mail-Adresse entfernt] oder [Telefonnummer entfernt]',
      'Zweiter Beschluss, mit "Anführungszeichen", Komma und zweitem Absatz',
    ]);
    const json = JSON.parse(file('archive.json').content);
    const plenum = json.meetings.find((m: { id: string }) => m.id === '2021-11-11-plenum');
    expect(plenum.resolutions.map((r: { title: string }) => r.title)).toEqual(resolutions.map((r) => r.title));
  });

  it('lists people with their meetings by role, and committees before organisations', () => {
    expect(records('people.csv').find((p) => p.id === 'annette-icks')).toMatchObject({
      name: 'Dr. Annette Icks',
      academic_title: 'Dr.',
      meetings: '2',
      attended: '2021-11-11-plenum',
      presented: '2021-11-11-plenum;2021-04-22-strategiekreis',
      moderated: '',
    });
    expect(records('organisations.csv').map((o) => [o.id, o.type, o.meetings])).toEqual([
      ['strategiekreis', 'gremium', '2'],
      ['plenum', 'gremium', '1'],
      ['ifm-bonn', 'organisation', '0'],
      ['zdh', 'organisation', '1'],
    ]);
  });

  it('publishes no contact data in any file', () => {
    for (const f of files) for (const data of contactData) expect(f.content, f.file).not.toContain(data);
  });
});

describe('archiveJson', () => {
  const json = archiveJson(archive, site, '2024-01-02T03:04:05Z') as {
    meetings: { id: string; agenda: { topics: string[] }[]; resolutions: { id: string }[]; nextMeetings: { note?: string }[] }[];
  };

  it('has every meeting with agenda (incl. topics), resolutions and announcements', () => {
    const plenum = json.meetings.find((m) => m.id === '2021-11-11-plenum')!;
    expect(plenum.agenda.map((item) => item.topics)).toEqual([[], [], ['digitalisierung']]);
    expect(plenum.resolutions.map((r) => r.id)).toEqual(['2021-11-11-plenum-b1', '2021-11-11-plenum-b2', '2021-11-11-plenum-b3']);
    expect(plenum.nextMeetings[0].note).toBe('Voraussichtlich in Berlin. Anmeldung an [E-Mail-Adresse entfernt]');
  });

  it('lists each meeting’s attachments with their status, a URL only for published files', () => {
    const plenum = (json.meetings as unknown as { id: string; attachments: unknown[] }[]).find((m) => m.id === '2021-11-11-plenum')!;
    expect(plenum.attachments).toEqual([
      { number: '1', title: 'Präsentation Handwerk digital', item: '2', file: 'anlage-1.pdf', url: `${site}/anlagen/2021-11-11-plenum/anlage-1.pdf`, status: 'published' },
      { number: '2', title: 'Teilnehmerliste', item: '2', file: 'anlage-2.pdf', url: undefined, status: 'withheld' },
      { number: '3', title: 'Terminübersicht', item: undefined, file: undefined, url: undefined, status: 'missing' },
    ]);
  });

  it('is the content of archive.json, parseable as is', () => {
    expect(JSON.parse(file('archive.json').content)).toEqual(JSON.parse(JSON.stringify(json)));
  });
});

describe('codeSpans', () => {
  it('splits a description at its `code` spans', () => {
    expect(codeSpans('Datum, `2021-11-11`.')).toEqual([{ text: 'Datum, ' }, { code: '2021-11-11' }, { text: '.' }]);
    expect(codeSpans('`online` oder `hybrid`')).toEqual([{ code: 'online' }, { text: ' oder ' }, { code: 'hybrid' }]);
  });
});
