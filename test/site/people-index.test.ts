/**
 * The people index (src/lib/index/people-index.ts): a reader who meets a name in one
 * protocol finds every meeting of that person, under any spelling, on one page.
 * Meetings are built through the real schema (test/site/helpers.ts), mentions
 * found by the real matcher.
 */
import { describe, expect, it } from 'vitest';
import { buildArchiveIndex, type ArchiveIndex } from '../../src/lib/index/archive-index';
import { createMentionMatcher } from '../../src/lib/text/mention-matcher';
import type { Registries } from '../../src/lib/model/model';
import { buildPeopleIndex, committeeMembers, committeeResolutions, peopleIndex } from '../../src/lib/index/people-index';
import { organisationSchema, personSchema, topicSchema, type NameDecision } from '../../src/lib/model/schema';
import { meeting, registries as baseRegistries } from './helpers';

/** The helpers' registries plus spelling variants, a namesake and more organisations and topics. */
function registries(nameDecisions: NameDecision[] = []): Registries {
  const r = baseRegistries();
  const person = (id: string, data: Record<string, unknown>) => r.people.set(id, { ...personSchema.parse(data), id });
  person('rolf-papenfuss', { name: 'Rolf Papenfuß', givenName: 'Rolf', familyName: 'Papenfuß', aliases: ['Ralph Papenfuß'] });
  person('oleg-cernavin', { name: 'Oleg Cernavin', givenName: 'Oleg', familyName: 'Cernavin' });
  person('norman-weiss', { name: 'Norman Weiss', givenName: 'Norman', familyName: 'Weiss' });
  person('oliver-kruse', { name: 'Oliver Kruse', givenName: 'Oliver', familyName: 'Kruse', academicTitle: 'Prof. Dr.' });
  person('anna-mueller', { name: 'Anna Müller', givenName: 'Anna', familyName: 'Müller' });
  person('peter-mueller', { name: 'Peter Müller', givenName: 'Peter', familyName: 'Müller' });
  r.organisations.set('ig-bce', { ...organisationSchema.parse({ shortName: 'IG BCE', name: 'Industriegewerkschaft Bergbau, Chemie, Energie' }), id: 'ig-bce' });
  r.topics.set('corona', { ...topicSchema.parse({ name: 'Corona', description: 'Die Pandemie.', keywords: ['Corona'] }), id: 'corona' });
  r.nameDecisions = nameDecisions;
  return r;
}

const plenum2017 = meeting(
  {
    date: '2017-11-09',
    committee: 'plenum',
    agenda: [{ number: '3', title: 'Prävention 4.0', presenters: [], organizations: [] }],
    memberships: [{ person: 'norman-weiss', organization: 'ig-bce' }],
  },
  [
    '{/* Kopf des Originals: Rolf Papenfuß (ZDH) */}',
    '',
    '## TOP 3 – Prävention 4.0',
    '',
    'Hr. Weis (IG BCE) unterstreicht, dass Hr. Prof. Kruse recht hat.',
  ].join('\n'),
);

const april2021 = meeting(
  {
    date: '2021-04-22',
    committee: 'strategiekreis',
    minutesBy: 'oleg-cernavin',
    agenda: [
      { number: '5', title: 'Beraterdatenbank', presenters: ['rolf-papenfuss'], organizations: ['zdh'], topics: ['digitalisierung'] },
    ],
    memberships: [{ person: 'rolf-papenfuss', organization: 'zdh' }],
  },
  [
    '## TOP 5 – Beraterdatenbank',
    '',
    'Rolf Papenfuss stellt die Idee vor. Die Idee wurde mit Oliver Kruse entwickelt.',
    '',
    '<Resolution id="2021-04-22-strategiekreis-b1" kind="Beschluss" item="5">',
    '',
    'Die OM soll den Vorschlag konkretisieren.',
    '',
    '</Resolution>',
  ].join('\n'),
);

const november2021 = meeting(
  {
    date: '2021-11-11',
    committee: 'strategiekreis',
    moderator: 'annette-icks',
    attendees: ['oleg-cernavin'],
    agenda: [
      { number: '1', title: 'Neues', presenters: [], organizations: [], topics: [] },
      { number: '6', title: 'Corona', presenters: ['rolf-papenfuss'], organizations: ['zdh'], topics: ['corona', 'digitalisierung'] },
    ],
  },
  [
    'Frau Müller eröffnet.',
    '',
    '## TOP 1 – Neues',
    '',
    '<Resolution id="2021-11-11-strategiekreis-b1" kind="Beschluss" item="1">',
    '',
    'Der Strategiekreis beauftragt Ralf Angerstein, Oleg Cernavin und Frau Dr. Icks.',
    '',
    '</Resolution>',
    '',
    '## TOP 6 – Corona',
    '',
    'Ralph Papenfuß stellt neun Thesen vor. Der ZDH unterstützt.',
    '',
    '<Resolution id="2021-11-11-strategiekreis-b2" kind="Beschluss" item="6">',
    '',
    'Die Thesen werden diskutiert.',
    '',
    '</Resolution>',
  ].join('\n'),
);

function build(nameDecisions: NameDecision[] = []) {
  const index: ArchiveIndex = buildArchiveIndex([plenum2017, april2021, november2021], registries(nameDecisions));
  return { index, people: buildPeopleIndex(index, createMentionMatcher(index.registries)) };
}

const meetingsOf = (people: ReturnType<typeof build>['people'], id: string) =>
  people.people.get(id)?.appearances.map((a) => a.meeting.id);

describe('people index', () => {
  const { index, people } = build();

  it('finds a person under every spelling, newest meeting first', () => {
    // "Ralph Papenfuß" (text), "Rolf Papenfuss" (text) and the frontmatter; the hidden header of 2017 does not count.
    expect(meetingsOf(people, 'rolf-papenfuss')).toEqual(['2021-11-11-strategiekreis', '2021-04-22-strategiekreis']);
    // "Hr. Weis" is Norman Weiss; "Hr. Prof. Kruse" and "Oliver Kruse" are the same person.
    expect(meetingsOf(people, 'norman-weiss')).toEqual(['2017-11-09-plenum']);
    expect(meetingsOf(people, 'oliver-kruse')).toEqual(['2021-04-22-strategiekreis', '2017-11-09-plenum']);
  });

  it('records how a person took part: roles, presented items, stated organisations, text sections', () => {
    const [november, april] = people.people.get('rolf-papenfuss')!.appearances;
    expect(april.roles).toEqual(['presenter', 'member', 'mentioned']);
    expect(april.memberships).toEqual([{ id: 'zdh' }]);
    expect(april.presented.map((item) => item.number)).toEqual(['5']);
    expect(november.mentionedIn).toEqual(['6']);
    const oleg = people.people.get('oleg-cernavin')!.appearances;
    expect(oleg.map((a) => a.roles)).toEqual([['attendee', 'mentioned'], ['minutesBy']]);
    expect(people.people.get('annette-icks')!.appearances[0].roles).toEqual(['moderator', 'mentioned']);
  });

  it('lists the resolutions whose text names a person, and only those', () => {
    const named = (id: string) => people.people.get(id)?.appearances.flatMap((a) => a.resolutions.map((r) => r.id));
    expect(named('oleg-cernavin')).toEqual(['2021-11-11-strategiekreis-b1']);
    expect(named('annette-icks')).toEqual(['2021-11-11-strategiekreis-b1']);
    expect(named('rolf-papenfuss')).toEqual([]);
    // Ralf Angerstein is not in the registry: no page, no guess.
    expect(people.people.has('ralf-angerstein')).toBe(false);
  });

  it('never merges an ambiguous surname silently, but follows an editor decision', () => {
    expect(meetingsOf(people, 'anna-mueller')).toBeUndefined();
    expect(meetingsOf(people, 'peter-mueller')).toBeUndefined();
    const decided = build([{ mention: 'Frau Müller', meeting: '2021-11-11-strategiekreis', person: 'anna-mueller' }]).people;
    expect(meetingsOf(decided, 'anna-mueller')).toEqual(['2021-11-11-strategiekreis']);
    expect(meetingsOf(decided, 'peter-mueller')).toBeUndefined();
    const none = build([{ mention: 'Ralph Papenfuß', meeting: '2021-11-11-strategiekreis', person: null }]).people;
    expect(none.people.get('rolf-papenfuss')!.appearances[0].mentionedIn).toEqual([]);
  });

  it('fails with the decisions file and a fix when a decision names an unknown person', () => {
    expect(() => build([{ mention: 'Frau Müller', meeting: '2021-11-11-strategiekreis', person: 'anna-mueler' }])).toThrow(
      'content/name-decisions.yaml: the decision for "Frau Müller" in meeting 2021-11-11-strategiekreis names the unknown person "anna-mueler". Fix: add content/people/anna-mueler.yaml or correct the person id.',
    );
  });

  it('gives organisations their representatives, presented items and text mentions', () => {
    const zdh = people.organisations.get('zdh')!;
    expect(zdh.appearances.map((a) => [a.meeting.id, a.roles])).toEqual([
      ['2021-11-11-strategiekreis', ['presenter', 'mentioned']],
      ['2021-04-22-strategiekreis', ['presenter', 'member']],
    ]);
    expect(zdh.appearances[1].memberships).toEqual([{ id: 'rolf-papenfuss' }]);
    expect(people.organisations.get('ig-bce')!.appearances[0].roles).toEqual(['member', 'mentioned']);
    expect(people.organisations.has('ifm-bonn')).toBe(false);
  });

  it('collects every agenda item of a topic with the resolutions taken under it', () => {
    const digital = people.topics.get('digitalisierung')!;
    expect(digital.items.map((i) => [i.meeting.id, i.item.number, i.resolutions.map((r) => r.id)])).toEqual([
      ['2021-11-11-strategiekreis', '6', ['2021-11-11-strategiekreis-b2']],
      ['2021-04-22-strategiekreis', '5', ['2021-04-22-strategiekreis-b1']],
    ]);
    expect(people.topics.get('corona')!.items).toHaveLength(1);
  });

  it('counts the people of a committee by meetings taken part in, not by mentions', () => {
    const members = committeeMembers(people, 'strategiekreis').map((m) => [m.person.id, m.meetings.length, m.roles]);
    expect(members).toEqual([
      ['oleg-cernavin', 2, ['attendee', 'minutesBy']],
      ['rolf-papenfuss', 2, ['presenter', 'member']],
      ['annette-icks', 1, ['moderator']],
    ]);
    expect(committeeResolutions(index, 'plenum')).toEqual([]);
  });

  it('is built once per archive index', () => {
    expect(peopleIndex(index)).toBe(peopleIndex(index));
  });
});
