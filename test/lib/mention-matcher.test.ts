/**
 * Mentions of people and organisations in protocol text, with the spellings
 * met in the OM protocols; ambiguous surnames are never resolved silently.
 */
import { describe, expect, it } from 'vitest';
import { createMentionMatcher } from '../../src/lib/text/mention-matcher';
import { registryMap } from '../../src/lib/model/model';
import { organisationSchema, personSchema, type NameDecision } from '../../src/lib/model/schema';

const people = registryMap([
  { id: 'annette-icks', data: personSchema.parse({ name: 'Annette Icks', givenName: 'Annette', familyName: 'Icks', academicTitle: 'Dr.' }) },
  { id: 'rolf-papenfuss', data: personSchema.parse({ name: 'Rolf Papenfuß', givenName: 'Rolf', familyName: 'Papenfuß', aliases: ['Ralph Papenfuß'] }) },
  { id: 'ralf-angerstein', data: personSchema.parse({ name: 'Ralf Angerstein', givenName: 'Ralf', familyName: 'Angerstein' }) },
  { id: 'norman-weiss', data: personSchema.parse({ name: 'Norman Weiss', givenName: 'Norman', familyName: 'Weiss', aliases: ['Norman Weis'] }) },
  { id: 'aiko-mueller-buchzik', data: personSchema.parse({ name: 'Aiko Müller-Buchzik', givenName: 'Aiko', familyName: 'Müller-Buchzik' }) },
  { id: 'anna-mueller', data: personSchema.parse({ name: 'Anna Müller', givenName: 'Anna', familyName: 'Müller' }) },
  { id: 'peter-mueller', data: personSchema.parse({ name: 'Peter Müller', givenName: 'Peter', familyName: 'Müller' }) },
]);
const organisations = registryMap([
  { id: 'zdh', data: organisationSchema.parse({ shortName: 'ZDH', name: 'Zentralverband des Deutschen Handwerks' }) },
  { id: 'den', data: organisationSchema.parse({ shortName: 'DEN', name: 'Deutsches Energieberater Netzwerk' }) },
  { id: 'om', data: organisationSchema.parse({ shortName: 'OM', name: 'Offensive Mittelstand' }) },
]);

function ids(text: string, decisions: NameDecision[] = []) {
  return createMentionMatcher({ people, organisations, nameDecisions: decisions })
    .find(text, '2021-11-11-strategiekreis')
    .map((m) => `${m.text}=${m.id}`);
}

describe('mention matcher', () => {
  it('finds every spelling of a person', () => {
    expect(ids('Rolf Papenfuss (ZDH) und Ralph Papenfuß sowie Rolf Papenfuß')).toEqual([
      'Rolf Papenfuss=rolf-papenfuss',
      'ZDH=zdh',
      'Ralph Papenfuß=rolf-papenfuss',
      'Rolf Papenfuß=rolf-papenfuss',
    ]);
  });

  it('resolves honorifics and titles with a surname', () => {
    expect(ids('Fr. Dr. Icks und Hr. Weis, dann Herrn Müller-Buchzik')).toEqual([
      'Fr. Dr. Icks=annette-icks',
      'Hr. Weis=norman-weiss',
      'Herrn Müller-Buchzik=aiko-mueller-buchzik',
    ]);
  });

  it('reads a family name of two words without hyphen', () => {
    expect(ids('bei Aiko Müller Buchzik melden')).toEqual(['Aiko Müller Buchzik=aiko-mueller-buchzik']);
  });

  it('never takes Ralf Angerstein for Rolf Papenfuß', () => {
    expect(ids('beauftragt Ralf Angerstein und Achim Sieker')).toEqual(['Ralf Angerstein=ralf-angerstein']);
  });

  it('leaves an ambiguous surname unresolved until an editor decides', () => {
    const matcher = createMentionMatcher({ people, organisations, nameDecisions: [] });
    const a = matcher.analyse('Herr Müller berichtet.', '2021-11-11-strategiekreis');
    expect(a.found).toEqual([]);
    expect(a.ambiguous.map((m) => [m.text, m.ids])).toEqual([['Herr Müller', ['anna-mueller', 'peter-mueller']]]);
    expect(ids('Herr Müller berichtet.', [{ mention: 'Herr Müller', meeting: '2021-11-11-strategiekreis', person: 'peter-mueller' }])).toEqual(['Herr Müller=peter-mueller']);
  });

  it('matches organisations as whole words, by case, not inside compounds', () => {
    expect(ids('Die OM-Partner und den Partnern der OM; das DEN berät.')).toEqual(['OM=om', 'DEN=den']);
  });

  it('reports people named with Herr/Frau that the registry does not know, with near matches', () => {
    const a = createMentionMatcher({ people, organisations, nameDecisions: [] }).analyse('Herr Weiß und Frau Laabs', 'm');
    expect(a.found.map((m) => m.id)).toEqual(['norman-weiss']);
    expect(a.unknown.map((m) => [m.text, m.ids])).toEqual([['Frau Laabs', []]]);
  });
});

describe('mention matcher edge cases', () => {
  it('leaves a sentence-final dot out of the mention', () => {
    const found = createMentionMatcher({ people, organisations, nameDecisions: [] }).find('Es berichtet Rolf Papenfuß. Dann Fr. Dr. Icks.', 'm');
    expect(found.map((m) => m.text)).toEqual(['Rolf Papenfuß', 'Fr. Dr. Icks']);
  });

  it('uses the words of name when no given name is recorded', () => {
    const only = registryMap([{ id: 'kai-helfritz', data: personSchema.parse({ name: 'Kai Helfritz', familyName: 'Helfritz' }) }]);
    const found = createMentionMatcher({ people: only, organisations, nameDecisions: [] }).find('Kai Helfritz berichtet', 'm');
    expect(found.map((m) => m.id)).toEqual(['kai-helfritz']);
  });
});
