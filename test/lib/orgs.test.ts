import { describe, expect, it } from 'vitest';
import { organisationSchema } from '../../src/lib/model/schema.ts';
import { createOrganisationIndex, looksLikeAbbreviation, orgKey, parseOrganisationMention, type OrganisationEntry } from '../../src/lib/model/organisation-names.ts';

/** A registry entry built through the real schema. */
function organisation(id: string, data: Record<string, unknown>): OrganisationEntry {
  return { id, data: organisationSchema.parse(data) };
}

function registry(): OrganisationEntry[] {
  return [
    organisation('bg-rci', { shortName: 'BG RCI', name: 'Berufsgenossenschaft Rohstoffe und chemische Industrie' }),
    organisation('ba', { shortName: 'BA', name: 'Bundesagentur für Arbeit', aliases: ['Agentur für Arbeit'] }),
    organisation('zdh', { shortName: 'ZDH', name: 'Zentralverband des Deutschen Handwerks' }),
    organisation('dgfp', { shortName: 'DGFP', name: 'Deutsche Gesellschaft für Personalführung e.V.' }),
    organisation('bmbf', { shortName: 'BMBF', name: 'Bundesministerium für Bildung und Forschung' }),
    organisation('itb', { shortName: 'itb', name: 'Institut für Technik der Betriebsführung im Deutschen Handwerksinstitut e.V.' }),
    organisation('ifm-bonn', { shortName: 'IfM Bonn', name: 'Institut für Mittelstandsforschung Bonn' }),
    organisation('den', { shortName: 'DEN', name: 'Deutsches Energieberater Netzwerk' }),
    organisation('stiftung', { shortName: 'Stiftung', name: 'Stiftung „Mittelstand – Gesellschaft – Verantwortung“' }),
  ];
}

describe('looksLikeAbbreviation', () => {
  it('tells abbreviations from names', () => {
    for (const abbreviation of ['ZDH', 'BG RCI', 'IfM Bonn', 'IG BCE', 'KfW', 'itb', 'ifaa']) {
      expect(looksLikeAbbreviation(abbreviation), abbreviation).toBe(true);
    }
    for (const name of ['Institut für Mittelstandsforschung Bonn', 'BKK Akademie', 'INQA-Geschäftsstelle', 'OM-Geschäftsstellenleiter', 'Bonn']) {
      expect(looksLikeAbbreviation(name), name).toBe(false);
    }
  });
});

describe('parseOrganisationMention', () => {
  it('splits "short – long" and "long - short"', () => {
    expect(parseOrganisationMention('ZDH – Zentralverband des Deutschen Handwerks')).toEqual({
      shortName: 'ZDH',
      name: 'Zentralverband des Deutschen Handwerks',
      raw: 'ZDH – Zentralverband des Deutschen Handwerks',
    });
    expect(parseOrganisationMention('Deutsche Gesellschaft für Personalführung e.V. - DGFP')).toMatchObject({
      shortName: 'DGFP',
      name: 'Deutsche Gesellschaft für Personalführung e.V.',
    });
    expect(parseOrganisationMention('BMBF – Bundesministerium für Bildung und Forschung')).toMatchObject({
      shortName: 'BMBF',
      name: 'Bundesministerium für Bildung und Forschung',
    });
    expect(parseOrganisationMention('itb - Institut für Technik der Betriebsführung im Deutschen Handwerksinstitut e.V.')).toMatchObject({
      shortName: 'itb',
      name: 'Institut für Technik der Betriebsführung im Deutschen Handwerksinstitut e.V.',
    });
    expect(parseOrganisationMention('DEN – Deutsches Energieberater Netzwerk')).toMatchObject({
      shortName: 'DEN',
      name: 'Deutsches Energieberater Netzwerk',
    });
  });

  it('keeps a name with inner dashes whole', () => {
    const mention = 'Stiftung „Mittelstand – Gesellschaft – Verantwortung“';
    expect(parseOrganisationMention(mention)).toEqual({ name: mention, raw: mention });
  });

  it('classifies an unsplit mention as short name or name', () => {
    expect(parseOrganisationMention('IfM Bonn')).toEqual({ shortName: 'IfM Bonn', raw: 'IfM Bonn' });
    expect(parseOrganisationMention('Institut für Mittelstandsforschung Bonn')).toEqual({
      name: 'Institut für Mittelstandsforschung Bonn',
      raw: 'Institut für Mittelstandsforschung Bonn',
    });
  });

  it('takes the organisation after a role and a slash', () => {
    expect(parseOrganisationMention('OM-Geschäftsstellenleiter/BG RCI')).toEqual({
      shortName: 'BG RCI',
      role: 'OM-Geschäftsstellenleiter',
      raw: 'OM-Geschäftsstellenleiter/BG RCI',
    });
    expect(parseOrganisationMention('Digitalisierung/Künstliche Intelligenz')).toEqual({
      name: 'Digitalisierung/Künstliche Intelligenz',
      raw: 'Digitalisierung/Künstliche Intelligenz',
    });
  });
});

describe('orgKey', () => {
  it('is equal for spellings that differ in spaces, hyphens, dots, quotes and "e.V."', () => {
    expect(orgKey('BG RCI')).toBe(orgKey('BGRCI'));
    expect(orgKey('Deutsche Gesellschaft für Personalführung e.V.')).toBe(orgKey('Deutsche Gesellschaft fuer Personalführung e. V.'));
    expect(orgKey('Deutsche Gesellschaft für Personalführung')).toBe(orgKey('Deutsche Gesellschaft für Personalführung e.V.'));
    expect(orgKey('Stiftung „Mittelstand – Gesellschaft – Verantwortung“')).toBe(orgKey('Stiftung Mittelstand-Gesellschaft-Verantwortung'));
  });

  it('keeps different abbreviations apart', () => {
    expect(orgKey('BA')).not.toBe(orgKey('BMAS'));
  });
});

describe('createOrganisationIndex', () => {
  const expectations: Array<[string, string, string]> = [
    ['BG RCI', 'bg-rci', 'exact'],
    ['BGRCI', 'bg-rci', 'exact'],
    ['OM-Geschäftsstellenleiter/BG RCI', 'bg-rci', 'part'],
    ['BA', 'ba', 'exact'],
    ['Bundesagentur für Arbeit', 'ba', 'exact'],
    ['Agentur für Arbeit', 'ba', 'alias'],
    ['ZDH', 'zdh', 'exact'],
    ['ZDH – Zentralverband des Deutschen Handwerks', 'zdh', 'part'],
    ['Deutsche Gesellschaft für Personalführung e.V. - DGFP', 'dgfp', 'part'],
    ['BMBF – Bundesministerium für Bildung und Forschung', 'bmbf', 'part'],
    ['itb', 'itb', 'exact'],
    ['itb - Institut für Technik der Betriebsführung im Deutschen Handwerksinstitut e.V.', 'itb', 'part'],
    ['IfM Bonn', 'ifm-bonn', 'exact'],
    ['Institut für Mittelstandsforschung Bonn', 'ifm-bonn', 'exact'],
    ['(IfM Bonn)', 'ifm-bonn', 'exact'],
    ['DEN – Deutsches Energieberater Netzwerk', 'den', 'part'],
    ['Stiftung Mittelstand-Gesellschaft-Verantwortung', 'stiftung', 'exact'],
    ['Stiftung „Mittelstand\n– Gesellschaft – \nVerantwortung“', 'stiftung', 'exact'],
  ];

  it.each(expectations)('resolves %j to %s by rule %s', (mention, id, via) => {
    expect(createOrganisationIndex(registry()).resolve(mention)).toEqual({ kind: 'match', id, via });
  });

  it('answers ambiguous when the two parts name different organisations', () => {
    expect(createOrganisationIndex(registry()).resolve('ZDH – Bundesministerium für Bildung und Forschung')).toMatchObject({
      kind: 'ambiguous',
      ids: ['bmbf', 'zdh'],
    });
  });

  it('answers ambiguous when two entries share a spelling', () => {
    const index = createOrganisationIndex([
      organisation('den', { shortName: 'DEN', name: 'Deutsches Energieberater Netzwerk' }),
      organisation('den-ev', { shortName: 'DEN e.V.', name: 'Deutsches Energieberater-Netzwerk e.V.' }),
    ]);
    expect(index.resolve('DEN')).toMatchObject({ kind: 'ambiguous', ids: ['den', 'den-ev'] });
  });

  it('does not guess from a longer name containing a known one', () => {
    expect(createOrganisationIndex(registry()).resolve('Arbeitgeberservice der Agentur für Arbeit')).toMatchObject({
      kind: 'none',
      parsed: { name: 'Arbeitgeberservice der Agentur für Arbeit' },
    });
  });

  it('registers organisations and aliases added during a run', () => {
    const index = createOrganisationIndex(registry());
    expect(index.resolve('IG BCE')).toMatchObject({ kind: 'none', parsed: { shortName: 'IG BCE' } });
    index.add('ig-bce', organisationSchema.parse({ shortName: 'IG BCE', name: 'Industriegewerkschaft Bergbau, Chemie, Energie' }));
    expect(index.resolve('IGBCE')).toEqual({ kind: 'match', id: 'ig-bce', via: 'exact' });

    index.addAlias('ba', 'Arbeitgeberservice der Agentur für Arbeit');
    expect(index.resolve('Arbeitgeberservice der Agentur für Arbeit')).toEqual({ kind: 'match', id: 'ba', via: 'alias' });
    expect(index.get('ba')?.aliases).toEqual(['Agentur für Arbeit', 'Arbeitgeberservice der Agentur für Arbeit']);
  });

  it('refuses a taken id', () => {
    expect(() => createOrganisationIndex(registry()).add('zdh', organisationSchema.parse({ shortName: 'ZDH', name: 'ZDH' }))).toThrow(
      'Organisation id "zdh" is already registered',
    );
  });
});
