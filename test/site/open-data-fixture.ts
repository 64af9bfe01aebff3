/**
 * A small archive for the feed, calendar, OParl, dataset and JSON-LD tests, built
 * through the real content schema (`helpers.ts`): three meetings in winter and
 * summer time, with resolutions, topics, announced meetings, and contact data in
 * protocol text that no output may publish.
 */
import { index, meeting } from './helpers';

/** The site URL the tests build absolute URLs with. */
export const site = 'https://protokolle.example.org';

/** Contact data planted in protocol text (must not appear in any output). */
export const contactData = ['anna@example.org', '0228 123456', 'info@example.org'];

/** 25. Plenum: winter time, in person, three resolutions, announces two meetings. */
export const plenum = meeting(
  {
    date: '2021-11-11',
    committee: 'plenum',
    title: '25. Plenum der Offensive Mittelstand',
    number: 25,
    start: '09:00',
    end: '13:00',
    format: 'in-person',
    location: 'bei der DGUV in Bonn (Tel. 0228 123456)',
    attendees: ['annette-icks', 'oleg-cernavin'],
    unnamedAttendees: 11,
    moderator: 'rolf-papenfuss',
    minutesBy: 'oleg-cernavin',
    agenda: [
      { number: '1', title: 'Begrüßung', presenters: ['annette-icks'], time: '09:00' },
      { number: null, title: 'Pause', time: '10:00' },
      { number: '2', title: 'Digitalisierung im Handwerk', organizations: ['zdh'], topics: ['digitalisierung'], time: '10:30–11:00' },
    ],
    nextMeetings: [
      { date: '2022-05-12', start: '10:00', end: '15:00', committee: 'plenum', note: 'Voraussichtlich in Berlin. Anmeldung an info@example.org' },
      { date: '2022-03-15', committee: 'strategiekreis' },
    ],
  },
  `## TOP 1 – Begrüßung

<Resolution id="2021-11-11-plenum-b1" kind="Beschluss" item="1" result="einstimmig">Das Protokoll wird genehmigt.</Resolution>

## TOP 2 – Digitalisierung im Handwerk

<Resolution id="2021-11-11-plenum-b2" kind="Vereinbarung" item="2">Rückfragen an anna@example.org oder 0228 123456.</Resolution>

<Resolution id="2021-11-11-plenum-b3" kind="Beschluss" item="2" result="ohne Gegenstimmen">
Zweiter Beschluss, mit "Anführungszeichen", Komma

und zweitem Absatz.
</Resolution>
`,
);

/** 4. Strategiekreis: summer time, online; announces the plenum (which has a protocol) and the May plenum without time. */
export const strategiekreis = meeting({
  date: '2021-04-22',
  committee: 'strategiekreis',
  title: '4. Treffen des Strategiekreises',
  start: '11:00',
  end: '15:00',
  format: 'online',
  participantCount: 42,
  agenda: [{ number: '1', title: 'Neues aus der Offensive', presenters: ['annette-icks'], topics: ['digitalisierung'] }],
  nextMeetings: [
    { date: '2021-11-11', committee: 'plenum', note: 'Das nächste Plenum findet am 11. November statt.' },
    { date: '2022-05-12', committee: 'plenum', note: 'Plenum im Mai 2022' },
  ],
});

/** A Strategiekreis meeting without times, hybrid: the day the plenum announced it. */
export const march = meeting({ date: '2022-03-15', committee: 'strategiekreis', format: 'hybrid', location: 'Bonn' });

/** The index over the three meetings (source file of the plenum present). */
export const archive = index([plenum, strategiekreis, march], ['2021-11-11-plenum.txt']);
