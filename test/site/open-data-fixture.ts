/**
 * A small archive for the feed, calendar, OParl, dataset and JSON-LD tests, built
 * through the real content schema (`helpers.ts`): three meetings in winter and
 * summer time, with resolutions, topics, announced meetings, and contact data in
 * protocol text that no output may publish.
 */
import type { AttachmentFile } from '../../src/lib/text/attachments';
import { index, matter, meeting } from './helpers';

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
    attachments: [
      { number: '1', title: 'Präsentation Handwerk digital', file: 'anlage-1.pdf', item: '2' },
      { number: '2', title: 'Teilnehmerliste', file: 'anlage-2.pdf', item: '2' },
      { number: '3', title: 'Terminübersicht' },
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

/** The plenum's attachment files: a published PDF and one withheld for contact data; Anlage 3 has no file. */
const attachmentFiles = new Map([
  [
    '2021-11-11-plenum',
    new Map<string, AttachmentFile>([
      ['anlage-1.pdf', { name: 'anlage-1.pdf', size: 2048, publishedSize: 2048, sha256: '1'.repeat(64), mediaType: 'application/pdf', publication: 'cleaned' }],
      ['anlage-2.pdf', { name: 'anlage-2.pdf', size: 900, publishedSize: 0, sha256: '2'.repeat(64), mediaType: 'application/pdf', publication: 'withheld', withheldReason: 'nicht veröffentlicht: enthält Kontaktdaten' }],
    ]),
  ],
]);

/** A matter presented in the Strategiekreis (TOP 1) and decided in the plenum's TOP 2. */
export const digitalMatter = matter('handwerk-digital', {
  title: 'Digitalisierung im Handwerk',
  consultations: [
    { meeting: '2021-11-11-plenum', agendaItem: '2', resolutions: ['2021-11-11-plenum-b2'], note: 'Vereinbarung getroffen.' },
    { meeting: '2021-04-22-strategiekreis', agendaItem: '1', note: 'Idee vorgestellt.' },
  ],
});

/** The index over the three meetings (source file of the plenum present), with one matter and the plenum's attachment files. */
export const archive = index([plenum, strategiekreis, march], ['2021-11-11-plenum.txt'], { matters: [digitalMatter], attachmentFiles });
