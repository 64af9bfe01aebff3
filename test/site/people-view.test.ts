/**
 * What the person, organisation, topic and committee pages show
 * (src/lib/views/people-view.ts), and the protocol text the mentions are found in
 * (src/lib/text/protocol-text.ts).
 */
import { describe, expect, it } from 'vitest';
import { buildArchiveIndex } from '../../src/lib/index/archive-index';
import { createMentionMatcher } from '../../src/lib/text/mention-matcher';
import { buildPeopleIndex } from '../../src/lib/index/people-index';
import { alphabet, germanList, letterGroups, listName, organisationTitle, statedIn } from '../../src/lib/views/entity-page';
import { COMMITTEE_RESOLUTION_MEETINGS, committeeExtras } from '../../src/lib/views/committee';
import { organisationView } from '../../src/lib/views/organisation';
import { personList, personView } from '../../src/lib/views/person';
import { TOPIC_TIMELINE_MEETINGS, topicView } from '../../src/lib/views/topic';
import { protocolText } from '../../src/lib/text/protocol-body';
import { placeOf } from '../../src/lib/text/protocol-text';
import { personSchema } from '../../src/lib/model/schema';
import { meeting, registries } from './helpers';

const text = (segments: { text: string }[]) => segments.map((s) => s.text).join('');

function fixture() {
  const r = registries();
  r.people.set('rolf-papenfuss', {
    ...personSchema.parse({ name: 'Rolf Papenfuß', givenName: 'Rolf', familyName: 'Papenfuß', aliases: ['Ralph Papenfuß'] }),
    id: 'rolf-papenfuss',
  });
  r.people.set('oezlem-oeztuerk', {
    ...personSchema.parse({ name: 'Özlem Öztürk', givenName: 'Özlem', familyName: 'Öztürk', academicTitle: 'Dr.' }),
    id: 'oezlem-oeztuerk',
  });
  const meetings = [
    meeting(
      {
        date: '2021-04-22',
        committee: 'strategiekreis',
        attendees: ['oezlem-oeztuerk'],
        agenda: [{ number: '5', title: 'Beraterdatenbank', presenters: ['rolf-papenfuss'], organizations: ['zdh'], topics: ['digitalisierung'] }],
        memberships: [{ person: 'rolf-papenfuss', organization: 'zdh' }],
      },
      '## TOP 5 – Beraterdatenbank\n\nRolf Papenfuss stellt vor.\n\n<Resolution id="2021-04-22-strategiekreis-b1" kind="Beschluss" item="5">\n\nRalph Papenfuß konkretisiert den Vorschlag.\n\n</Resolution>',
    ),
    meeting(
      {
        date: '2021-11-11',
        committee: 'strategiekreis',
        agenda: [{ number: '6', title: 'Corona', presenters: ['rolf-papenfuss'], organizations: ['zdh'], topics: [] }],
        memberships: [{ person: 'rolf-papenfuss', organization: 'zdh' }],
      },
      'Ralph Papenfuß begrüßt.\n\n## TOP 6 – Corona\n\nRalph Papenfuß stellt Thesen vor.',
    ),
  ];
  const index = buildArchiveIndex(meetings, r);
  return { index, people: buildPeopleIndex(index, createMentionMatcher(r)) };
}

describe('person page', () => {
  const { index, people } = fixture();
  const view = personView(index, people, 'rolf-papenfuss');

  it('names the organisation in words as the protocols state it, with the meetings that say so', () => {
    expect(view.organisations.map((o) => [text(o.who), o.href, text(o.statedIn)])).toEqual([
      ['Rolf Papenfuß für den Zentralverband des Deutschen Handwerks', '/organisationen/zdh/', 'laut den Protokollen vom 11. November 2021 und 22. April 2021'],
    ]);
  });

  it('lists the meetings presented in, linked to the items’ headings, and counts them', () => {
    const presented = view.sections.find((s) => s.id === 'vorgetragen')!;
    expect(presented.count).toBe('2 Sitzungen');
    expect(presented.meetings.map((m) => m.details.map((d) => [d.text, d.href]))).toEqual([
      [['TOP 6 – Corona', '/sitzungen/2021-11-11-strategiekreis/#top-6']],
      [['TOP 5 – Beraterdatenbank', '/sitzungen/2021-04-22-strategiekreis/#top-5']],
    ]);
    // Presenting shows he was there, also where the protocol has no attendance list.
    expect(view.sections.find((s) => s.id === 'teilgenommen')!.meetings.map((m) => text(m.details))).toEqual([
      'Vortrag\u00a0· für den Zentralverband des Deutschen Handwerks',
      'Vortrag\u00a0· für den Zentralverband des Deutschen Handwerks',
    ]);
    expect(view.attendanceUnknown).toBeUndefined();
  });

  it('lists resolutions that name the person, linked to their own page', () => {
    expect(view.resolutions.map((r) => r.href)).toEqual(['/beschluesse/2021-04-22-strategiekreis-b1/']);
    expect(view.topics).toEqual([{ href: '/themen/digitalisierung/', label: 'Digitalisierung' }]);
    expect(view.aliases).toEqual(['Ralph Papenfuß']);
  });

  it('refuses a person who appears nowhere', () => {
    expect(() => personView(index, people, 'annette-icks')).toThrow('"annette-icks" appears in no protocol');
  });
});

describe('A–Z lists', () => {
  const { index, people } = fixture();

  it('sorts people by family name, umlauts under their base letter, with a letter index', () => {
    const groups = personList(index, people);
    expect(groups.map((g) => [g.letter, g.entries.map((e) => e.label)])).toEqual([
      ['O', ['Öztürk, Dr. Özlem']],
      ['P', ['Papenfuß, Rolf']],
    ]);
    expect(groups[1].entries[0]).toEqual({ href: '/personen/rolf-papenfuss/', label: 'Papenfuß, Rolf', meta: 'ZDH · 2 Sitzungen, 2021' });
    const letters = alphabet(groups);
    expect(letters).toHaveLength(26);
    expect(letters.filter((l) => l.href)).toEqual([
      { letter: 'O', href: '#buchstabe-o' },
      { letter: 'P', href: '#buchstabe-p' },
    ]);
  });

  it('puts names without a letter last', () => {
    expect(letterGroups(['Zander', '4iG', 'Abel'], (s) => s).map((g) => g.letter)).toEqual(['A', 'Z', '#']);
    expect(listName({ familyName: 'Mantei', academicTitle: 'Dr.' })).toBe('Mantei, Dr.');
  });
});

describe('organisation, topic and committee pages', () => {
  const { index, people } = fixture();

  it('shows short and full name and the people seen representing the organisation', () => {
    const view = organisationView(index, people, 'zdh');
    expect(view.title).toBe('ZDH — Zentralverband des Deutschen Handwerks');
    expect(organisationTitle({ shortName: 'SAP', name: 'SAP' })).toBe('SAP');
    expect(view.people.map((p) => [p.person.label, text(p.statedIn)])).toEqual([
      ['Rolf Papenfuß', 'laut den Protokollen vom 11. November 2021 und 22. April 2021'],
    ]);
    expect(view.presented.map((p) => [p.label, p.presenters.map((x) => x.label)])).toEqual([
      ['TOP 6 – Corona', ['Rolf Papenfuß']],
      ['TOP 5 – Beraterdatenbank', ['Rolf Papenfuß']],
    ]);
  });

  it('lists a topic’s agenda items with their resolutions, and links the register', () => {
    const view = topicView(index, people, 'digitalisierung');
    const lines = view.timeline[0].entries[0].lines.map((l) => [text(l.segments), l.quote ?? false]);
    expect(lines).toEqual([
      ['TOP 5 – Beraterdatenbank – Rolf Papenfuß', false],
      // The resolution named by what it decides; nothing after it, the title is the whole text.
      ['Ralph Papenfuß konkretisiert den Vorschlag', true],
    ]);
    expect(view.registerHref).toBe('/beschluesse/thema/digitalisierung/');
    expect(view.people).toEqual([{ href: '/personen/rolf-papenfuss/', label: 'Rolf Papenfuß' }]);
  });

  it('counts the people seen in a committee and groups its resolutions by meeting', () => {
    const extras = committeeExtras(index, people, 'strategiekreis');
    expect(extras.people.map((p) => [p.person.label, p.count, p.details])).toEqual([
      ['Rolf Papenfuß', '2 Sitzungen', 'Vortrag · für ZDH'],
      ['Dr. Özlem Öztürk', '1 Sitzung', 'Teilnahme'],
    ]);
    expect(extras.resolutions.map((g) => [g.heading, g.items.length])).toEqual([['Strategiekreis, 22. April 2021', 1]]);
    expect(committeeExtras(index, people, 'plenum')).toEqual({ people: [], resolutions: [] });
  });

  it('lists a topic in its newest meetings only, and counts all of them', () => {
    // One agenda item on the topic in each of TOPIC_TIMELINE_MEETINGS + 3 meetings, one a week from 2020.
    const dates = Array.from({ length: TOPIC_TIMELINE_MEETINGS + 3 }, (_, n) => new Date(Date.UTC(2020, 0, 6 + 7 * n)).toISOString().slice(0, 10));
    const meetings = dates.map((date) =>
      meeting({ date, committee: 'plenum', agenda: [{ number: '1', title: 'Werkzeuge', presenters: [], organizations: [], topics: ['digitalisierung'] }] }, '## TOP 1 – Werkzeuge\n\nAussprache.'),
    );
    const r = registries();
    const many = buildArchiveIndex(meetings, r);
    const view = topicView(many, buildPeopleIndex(many, createMentionMatcher(r)), 'digitalisierung');
    const shown = view.timeline.flatMap((year) => year.entries.map((entry) => entry.date));
    expect(shown).toEqual([...dates].reverse().slice(0, TOPIC_TIMELINE_MEETINGS));
    expect(view.meetingsInAll).toBe(dates.length);
    expect(topicView(index, people, 'digitalisierung').meetingsInAll).toBeUndefined();
  });

  it('lists the resolutions of the newest meetings only, and counts all of them for the register link', () => {
    // Two resolutions in each of COMMITTEE_RESOLUTION_MEETINGS + 2 meetings, one a month in 2020.
    const meetings = Array.from({ length: COMMITTEE_RESOLUTION_MEETINGS + 2 }, (_, n) => {
      const date = `2020-${String(n + 1).padStart(2, '0')}-15`;
      const resolution = (b: number) => `<Resolution id="${date}-plenum-b${b}" kind="Beschluss" item="1">\n\nDas Plenum beschließt Punkt ${b} vom ${date}.\n\n</Resolution>`;
      return meeting({ date, committee: 'plenum', agenda: [{ number: '1', title: 'Anträge', presenters: [], organizations: [], topics: [] }] }, `## TOP 1 – Anträge\n\n${resolution(1)}\n\n${resolution(2)}`);
    });
    const r = registries();
    const many = buildArchiveIndex(meetings, r);
    const extras = committeeExtras(many, buildPeopleIndex(many, createMentionMatcher(r)), 'plenum');
    expect(extras.resolutions.map((g) => g.date)).toEqual(meetings.map((m) => m.date).reverse().slice(0, COMMITTEE_RESOLUTION_MEETINGS));
    expect(extras.resolutions.every((g) => g.items.length === 2)).toBe(true);
    expect(extras.moreInRegister).toEqual({ resolutions: 2 * meetings.length, meetings: meetings.length });
    expect(extras.registerHref).toBe('/beschluesse/gremium/plenum/');
  });
});

describe('german lists', () => {
  it('joins with commas and "und"', () => {
    expect(text(germanList([[{ text: 'A' }], [{ text: 'B' }], [{ text: 'C' }]]))).toBe('A, B und C');
    expect(text(statedIn([{ href: '/x/', label: '22. April 2021' }]))).toBe('laut Protokoll vom 22. April 2021');
  });
});

describe('protocol text', () => {
  const body = [
    '{/* Kopf: Rolf Papenfuß (ZDH) */}',
    '',
    'Vorab **Herr** Kruse.',
    '',
    '## TOP 1 – Neues',
    '',
    '- Punkt `Code Name`',
    '',
    '<Resolution id="m-b1" kind="Beschluss" item="1">',
    '',
    'Beschlossen.',
    '',
    '</Resolution>',
    '',
    '## Anlagen',
    '',
    'Liste.',
  ].join('\n');
  const protocol = protocolText(body);

  it('keeps the visible text: no MDX comments, no code; inline markup joined, blocks apart', () => {
    expect(protocol.text).not.toContain('Papenfuß');
    expect(protocol.text).not.toContain('Code Name');
    expect(protocol.text).toContain('Vorab Herr Kruse.');
    expect(protocol.text).toContain('Beschlossen.');
  });

  it('places offsets in their TOP section and resolution; other headings do not start a section', () => {
    expect(protocol.sections.map((s) => s.topNumber)).toEqual([undefined, '1']);
    expect(placeOf(protocol, protocol.text.indexOf('Vorab'))).toEqual({ topNumber: undefined, resolutionId: undefined });
    expect(placeOf(protocol, protocol.text.indexOf('Beschlossen'))).toEqual({ topNumber: '1', resolutionId: 'm-b1' });
    expect(placeOf(protocol, protocol.text.indexOf('Liste'))).toEqual({ topNumber: '1', resolutionId: undefined });
  });
});
