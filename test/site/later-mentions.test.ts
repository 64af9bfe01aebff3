/**
 * "Später erwähnt in" (src/lib/views/later-mentions.ts): later meetings that take a resolution
 * or matter up, the subject rule, and the statuses a meeting states. Built through the real
 * schemas (helpers.ts); one check on the committed archive.
 */
import { describe, expect, it } from 'vitest';
import {
  laterMentionsOfMatter,
  laterMentionsOfResolution,
  namedTerms,
  phraseTerms,
  quotedNames,
  statusesStatedIn,
  subjectTerms,
} from '../../src/lib/views/later-mentions';
import { index, matter, meeting } from './helpers';
import { realArchive } from './real-archive';

const before = meeting({ date: '2020-05-05', committee: 'plenum', agenda: [{ number: '1', title: 'Ausblick' }] }, '## TOP 1 – Ausblick\n\nIdee: Musternetzwerke in den Regionen.');
const first = meeting(
  { date: '2021-01-10', committee: 'strategiekreis', agenda: [{ number: '1', title: 'Netzwerke' }] },
  '## TOP 1 – Netzwerke\n\n<Resolution id="2021-01-10-strategiekreis-b1" kind="Beschluss" item="1">Der Strategiekreis beschließt den Aufbau regionaler „Musternetzwerke“ bis Ende 2021.</Resolution>',
);
const report = meeting(
  { date: '2021-06-10', committee: 'plenum', agenda: [{ number: '1', title: 'Berichte' }, { number: '2', title: 'Regionen' }] },
  '## TOP 1 – Berichte\n\nDrei Musternetzwerke sind gegründet.\n\n## TOP 2 – Regionen\n\nDie Netzwerke in den Regionen wachsen.',
);
const decision = meeting(
  { date: '2021-11-11', committee: 'strategiekreis', agenda: [{ number: '1', title: 'Begrüßung' }, { number: '2', title: 'Netzwerke' }] },
  '## TOP 1 – Begrüßung\n\nWillkommen.\n\n## TOP 2 – Netzwerke\n\nDie Musternetzwerke berichten.\n\n<Resolution id="2021-11-11-strategiekreis-b1" kind="Beschluss" item="2">Die Musternetzwerke werden verstetigt.</Resolution>',
);
const networks = matter('musternetzwerke', {
  title: 'Regionale Musternetzwerke',
  consultations: [
    { meeting: '2021-01-10-strategiekreis', agendaItem: '1', resolutions: ['2021-01-10-strategiekreis-b1'] },
    { meeting: '2021-11-11-strategiekreis', agendaItem: '2', resolutions: ['2021-11-11-strategiekreis-b1'] },
  ],
  statuses: [
    { resolution: '2021-01-10-strategiekreis-b1', status: 'in-progress', statedIn: '2021-06-10-plenum' },
    { resolution: '2021-01-10-strategiekreis-b1', status: 'implemented', statedIn: '2021-11-11-strategiekreis', note: 'Fünf Netzwerke gegründet.' },
  ],
});
/** Meetings on other things: "Musternetzwerke" stays a term of few meetings (4 of 8). */
const others = ['2022-01-20', '2022-03-15', '2022-05-12', '2022-09-01'].map((date) => meeting({ date, committee: 'plenum' }, 'Haushalt und Termine.'));
const archive = index([before, first, report, decision, ...others], [], { matters: [networks] });

/** What a reader sees of each mention: meeting, TOP, reasons, resolutions. */
const shown = (mentions: ReturnType<typeof laterMentionsOfResolution>) =>
  mentions.map((m) => ({ meeting: m.meeting.href, item: m.agendaItem?.label, reasons: m.reasons, resolutions: m.resolutions.map((r) => r.href) }));

describe('laterMentionsOfResolution', () => {
  it('lists later consultations of the same matter, stated statuses and later text naming the subject, oldest first', () => {
    expect(shown(laterMentionsOfResolution(archive, '2021-01-10-strategiekreis-b1'))).toEqual([
      // The plenum states the status without consulting the matter: the meeting as a whole.
      { meeting: '/sitzungen/2021-06-10-plenum/', item: undefined, reasons: ['Stand: in Umsetzung'], resolutions: [] },
      { meeting: '/sitzungen/2021-06-10-plenum/', item: 'TOP 1 – Berichte', reasons: ['Nennt „Musternetzwerke“'], resolutions: [] },
      {
        meeting: '/sitzungen/2021-11-11-strategiekreis/',
        item: 'TOP 2 – Netzwerke',
        reasons: ['Gleicher Vorgang: „Regionale Musternetzwerke“', 'Stand: umgesetzt', 'Nennt „Musternetzwerke“'],
        resolutions: ['/beschluesse/2021-11-11-strategiekreis-b1/'],
      },
    ]);
  });

  it('lists nothing earlier or of the same meeting, and nothing for the last resolution', () => {
    const mentions = laterMentionsOfResolution(archive, '2021-01-10-strategiekreis-b1');
    expect(mentions.map((m) => m.meeting.href)).not.toContain('/sitzungen/2020-05-05-plenum/');
    expect(mentions.map((m) => m.meeting.href)).not.toContain('/sitzungen/2021-01-10-strategiekreis/');
    expect(laterMentionsOfResolution(archive, '2021-11-11-strategiekreis-b1')).toEqual([]);
    expect(laterMentionsOfResolution(archive, 'gibt-es-nicht-b1')).toEqual([]);
  });
});

describe('laterMentionsOfMatter', () => {
  it('lists TOPs after the first consultation that name the matter, without its own consultations', () => {
    expect(shown(laterMentionsOfMatter(archive, networks))).toEqual([
      { meeting: '/sitzungen/2021-06-10-plenum/', item: 'TOP 1 – Berichte', reasons: ['Nennt „Musternetzwerke“'], resolutions: [] },
    ]);
  });
});

describe('statusesStatedIn', () => {
  it('lists the earlier resolutions whose status a meeting states, as stated there', () => {
    expect(statusesStatedIn(archive, '2021-06-10-plenum').map((s) => [s.resolution.id, s.statusLabel, s.matter.label])).toEqual([
      ['2021-01-10-strategiekreis-b1', 'in Umsetzung', 'Regionale Musternetzwerke'],
    ]);
    expect(statusesStatedIn(archive, '2021-11-11-strategiekreis').map((s) => [s.resolution.id, s.statusLabel, s.note])).toEqual([
      ['2021-01-10-strategiekreis-b1', 'umgesetzt', 'Fünf Netzwerke gegründet.'],
    ]);
    expect(statusesStatedIn(archive, '2021-01-10-strategiekreis')).toEqual([]);
  });
});

describe('the subject rule', () => {
  it('takes nouns, names and abbreviations, not small or common words', () => {
    expect(phraseTerms('Zusatzqualifikation KI als OM-Produkt')).toEqual(['zusatzqualifikation', 'ki', 'om-produkt']);
    expect(phraseTerms('Vereinbarung der OM-Partner zur regionalen Zusammenarbeit')).toEqual(['om-partner']);
    expect(phraseTerms('Wie soll es nach der Bearbeitung weitergehen?')).toEqual(['bearbeitung']);
    expect(quotedNames('beschließt die „Vereinbarung X“ und "Plan B"')).toEqual(['Vereinbarung X', 'Plan B']);
  });

  it('needs two key terms of a longer phrase, at word starts', () => {
    const terms = ['zusatzqualifikation', 'ki', 'om-produkt'];
    expect(namedTerms('Stand der Zusatzqualifikationen zu KI.', terms)).toEqual(['zusatzqualifikation', 'ki']);
    expect(namedTerms('Eine Zusatzqualifikation für Handwerker.', terms)).toEqual([]);
    // "KI" inside "Skiort" is not at a word start.
    expect(namedTerms('Die Zusatzqualifikation im Skiort.', terms)).toEqual([]);
    expect(namedTerms('Die Musternetzwerke.', ['musternetzwerke'])).toEqual(['musternetzwerke']);
  });

  it('drops terms that most meetings use (in more than half, and more than three)', () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      meeting({ date: `2021-0${i + 1}-01`, committee: 'plenum' }, `Die Offensive tagt.${i === 0 ? ' Musternetzwerke.' : ''}`),
    );
    expect(subjectTerms(index(many), 'Offensive Musternetzwerke')).toEqual(['musternetzwerke']);
    // In a small archive nothing is dropped for frequency.
    expect(subjectTerms(index(many.slice(0, 3)), 'Offensive Musternetzwerke')).toEqual(['offensive', 'musternetzwerke']);
  });
});

describe('on the committed archive', () => {
  it('finds where the Strategiekreis takes up its resolution on the Zusatzqualifikation KI', () => {
    expect(shown(laterMentionsOfResolution(realArchive(), '2021-04-22-strategiekreis-b7'))).toEqual([
      {
        meeting: '/sitzungen/2021-11-11-strategiekreis/',
        item: 'TOP 1 – Neues aus der Offensive',
        // "KI" is named by more than half of the five meetings, so it no longer counts as a subject term (subjectTerms).
        reasons: ['Gleicher Vorgang: „Zusatzqualifikation KI als OM-Produkt“', 'Stand: in Umsetzung', 'Nennt „Zusatzqualifikation“'],
        resolutions: [],
      },
    ]);
  });
});
