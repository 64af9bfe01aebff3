import { describe, expect, it } from 'vitest';
import { announcedEvents, calendarFiles, calendarIcs, nextDay, type AnnouncedEvent } from '../../src/lib/publish/calendar';
import { index, meeting } from './helpers';
import { archive, contactData, site } from './open-data-fixture';

/** The VEVENTs of an iCalendar text as property maps (lines unfolded, RFC 5545 §3.1). */
function vevents(ics: string): Record<string, string>[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const events: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return events;
}

describe('announcedEvents', () => {
  const events = announcedEvents(archive, site);

  it('makes one event per committee and date, however many protocols announce it, sorted by date', () => {
    expect(events.map((event) => event.uid)).toEqual([
      '2021-11-11-plenum@protokolle.example.org',
      '2022-03-15-strategiekreis@protokolle.example.org',
      '2022-05-12-plenum@protokolle.example.org',
    ]);
  });

  it('takes the time from the announcement that states one and keeps every announcement’s words, masked', () => {
    const may = events[2];
    expect(may).toMatchObject({ start: '10:00', end: '15:00' });
    expect(may.announcedIn.map((m) => m.id)).toEqual(['2021-04-22-strategiekreis', '2021-11-11-plenum']);
    expect(may.notes).toEqual(['Plenum im Mai 2022', 'Voraussichtlich in Berlin. Anmeldung an [E-Mail-Adresse entfernt]']);
  });

  it('links the protocol of an announced meeting once the archive has it', () => {
    expect(events[0].protocol?.id).toBe('2021-11-11-plenum');
    expect(events[1].protocol?.id).toBe('2022-03-15-strategiekreis');
    expect(events[2].protocol).toBeUndefined();
  });
});

describe('calendarIcs', () => {
  const [all, ...perCommittee] = calendarFiles(archive, site);
  const ics = calendarIcs(archive, all.events, all, site);
  const events = vevents(ics);

  it('is an iCalendar file with CRLF lines, a name and the Europe/Berlin VTIMEZONE once', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(ics).toContain('X-WR-CALNAME:Offensive Mittelstand: Termine');
    expect(ics.match(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin/g)).toHaveLength(1);
  });

  it('writes a stated time as Europe/Berlin wall-clock time', () => {
    const may = events.find((event) => event.UID === '2022-05-12-plenum@protokolle.example.org')!;
    expect(may['DTSTART;TZID=Europe/Berlin']).toBe('20220512T100000');
    expect(may['DTEND;TZID=Europe/Berlin']).toBe('20220512T150000');
    expect(may.SEQUENCE).toBe('1');
    expect(may.SUMMARY).toBe('Plenum der Offensive Mittelstand');
    expect(may['URL;VALUE=URI']).toBe('https://protokolle.example.org/gremien/plenum/');
  });

  it('makes a meeting without time an all-day event and links its protocol', () => {
    const march = events.find((event) => event.UID === '2022-03-15-strategiekreis@protokolle.example.org')!;
    expect(march['DTSTART;VALUE=DATE']).toBe('20220315');
    expect(march['DTEND;VALUE=DATE']).toBe('20220316');
    expect(march['URL;VALUE=URI']).toBe('https://protokolle.example.org/sitzungen/2022-03-15-strategiekreis/');
    expect(march.DESCRIPTION).toContain('Protokoll der Sitzung: https://protokolle.example.org/sitzungen/2022-03-15-strategiekreis/');
  });

  it('stamps events in UTC with the day of the latest announcement (same in every build)', () => {
    expect(events.map((event) => event.DTSTAMP)).toEqual(['20210422T000000Z', '20211111T000000Z', '20211111T000000Z']);
    expect(calendarIcs(archive, all.events, all, site)).toBe(ics);
  });

  it('puts the announcement into the description, without contact data', () => {
    const may = events.find((event) => event.UID.startsWith('2022-05-12'))!;
    expect(may.DESCRIPTION).toContain('Voraussichtlich in Berlin. Anmeldung an [E-Mail-Adresse entfernt]');
    for (const data of contactData) expect(ics).not.toContain(data);
  });

  it('has one calendar per committee with only its meetings', () => {
    expect(perCommittee.map((file) => [file.path, file.events.map((event) => event.date)])).toEqual([
      ['/kalender/strategiekreis.ics', ['2022-03-15']],
      ['/kalender/plenum.ics', ['2021-11-11', '2022-05-12']],
    ]);
  });
});

describe('calendarFiles', () => {
  it('refuses a committee whose calendar would replace the one for all', () => {
    const termine = index([meeting({ date: '2021-01-01', committee: 'plenum' })]);
    termine.committees.push({ id: 'termine', name: 'Termine', aliases: [] });
    expect(() => calendarFiles(termine, site)).toThrow(
      'calendarFiles: content/committees/termine.yaml: the id "termine" is taken by /kalender/termine.ics. Fix: rename the committee file.',
    );
  });
});

describe('nextDay', () => {
  it('crosses month and year ends', () => {
    expect(nextDay('2021-12-31')).toBe('2022-01-01');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
  });
});
