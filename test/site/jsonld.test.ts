import { describe, expect, it } from 'vitest';
import { berlinDateTime, berlinInstant, timeRange } from '../../src/lib/publish/berlin-time';
import { meetingAlternates, robotsTxt, siteAlternates } from '../../src/lib/publish/discovery';
import { jsonLdScript, meetingEvent } from '../../src/lib/publish/jsonld';
import { archive, march, plenum, site, strategiekreis } from './open-data-fixture';

describe('meetingEvent', () => {
  it('describes an in-person meeting as a schema.org Event with times, place and organizer', () => {
    expect(meetingEvent(archive, plenum, site)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Event',
      '@id': 'https://protokolle.example.org/sitzungen/2021-11-11-plenum/',
      url: 'https://protokolle.example.org/sitzungen/2021-11-11-plenum/',
      name: '25. Plenum der Offensive Mittelstand',
      description: 'Protokoll: 25. Plenum der Offensive Mittelstand (Plenum).',
      startDate: '2021-11-11T09:00:00+01:00',
      endDate: '2021-11-11T13:00:00+01:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', name: 'bei der DGUV in Bonn (Tel. [Telefonnummer entfernt])', address: 'bei der DGUV in Bonn (Tel. [Telefonnummer entfernt])' },
      organizer: { '@type': 'Organization', name: 'Offensive Mittelstand' },
      isAccessibleForFree: true,
      inLanguage: 'de',
    });
  });

  it('uses the attendance mode of online and hybrid meetings, and the date alone without a time', () => {
    expect(meetingEvent(archive, strategiekreis, site)).toMatchObject({
      startDate: '2021-04-22T11:00:00+02:00',
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      location: { '@type': 'VirtualLocation', name: 'Videokonferenz' },
    });
    const hybrid = meetingEvent(archive, march, site);
    expect(hybrid).toMatchObject({ startDate: '2022-03-15', eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode' });
    expect(hybrid.location).toEqual([
      { '@type': 'Place', name: 'Bonn', address: 'Bonn' },
      { '@type': 'VirtualLocation', name: 'Videokonferenz' },
    ]);
    expect(hybrid).not.toHaveProperty('endDate');
  });
});

describe('jsonLdScript', () => {
  it('is JSON that cannot close its script element', () => {
    const text = jsonLdScript({ name: '</script><script>alert(1)</script>' });
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ name: '</script><script>alert(1)</script>' });
  });
});

describe('discovery', () => {
  it('announces the site feeds everywhere and a meeting’s committee and topic feeds on its page', () => {
    expect(siteAlternates.map((a) => a.href)).toEqual(['/feeds/sitzungen.xml', '/feeds/beschluesse.xml', '/kalender/termine.ics']);
    expect(meetingAlternates(archive, plenum)).toEqual([
      { title: 'Plenum: neue Protokolle (RSS)', href: '/feeds/gremien/plenum.xml', type: 'application/rss+xml' },
      { title: 'Plenum: angekündigte Sitzungen (Kalender)', href: '/kalender/plenum.ics', type: 'text/calendar' },
      { title: 'Thema Digitalisierung (RSS)', href: '/feeds/themen/digitalisierung.xml', type: 'application/rss+xml' },
    ]);
  });

  it('writes robots.txt allowing all and naming the sitemap under the site URL', () => {
    expect(robotsTxt(site)).toBe('User-agent: *\nAllow: /\n\nSitemap: https://protokolle.example.org/sitemap-index.xml\n');
  });
});

describe('berlin-time', () => {
  it('gives German wall-clock times their winter or summer offset, also around the switch', () => {
    expect(berlinDateTime('2021-03-28', '01:30')).toBe('2021-03-28T01:30:00+01:00');
    expect(berlinDateTime('2021-03-28', '03:30')).toBe('2021-03-28T03:30:00+02:00');
    expect(berlinDateTime('2021-10-31', '12:00')).toBe('2021-10-31T12:00:00+01:00');
    expect(berlinInstant('2021-07-01', '10:00').toISOString()).toBe('2021-07-01T08:00:00.000Z');
  });

  it('every time of every day of three years, switch days too, denotes the instant whose Berlin wall clock it is', () => {
    const wallClock = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const times = ['00:00', '01:59', '02:00', '02:30', '03:00', '09:15', '23:59'];
    let checked = 0;
    for (let day = Date.UTC(2019, 0, 1); day < Date.UTC(2022, 0, 1); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      for (const time of times) {
        const text = berlinDateTime(date, time);
        expect(Date.parse(text), text).toBe(berlinInstant(date, time).getTime());
        // 02:00–02:59 on the spring switch day does not exist on the clock: no instant shows it.
        if (wallClock.format(Date.parse(text)) !== `${date} ${time}`) expect(time.startsWith('02:') && date.slice(5, 7) === '03', text).toBe(true);
        else checked++;
      }
    }
    expect(checked).toBeGreaterThan(3 * 365 * times.length - 10);
  });

  it('splits agenda times', () => {
    expect(timeRange('13:30–14:00')).toEqual({ start: '13:30', end: '14:00' });
    expect(timeRange('09:10')).toEqual({ start: '09:10', end: undefined });
    expect(timeRange(undefined)).toEqual({});
  });
});
