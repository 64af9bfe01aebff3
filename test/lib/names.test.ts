import { describe, expect, it } from 'vitest';
import { personSchema } from '../../src/lib/model/schema.ts';
import { createPersonIndex, displayName, parsePersonName, personIdFromName, splitPersonMentions, type PersonEntry } from '../../src/lib/model/person-names.ts';
import { nameKey, slugify } from '../../src/lib/model/names.ts';

/** A registry entry built through the real schema, so tests can't pass on data the site rejects. */
function person(id: string, data: Record<string, unknown>): PersonEntry {
  return { id, data: personSchema.parse(data) };
}

/** People as they appear in the four sample protocols. */
function registry(): PersonEntry[] {
  return [
    person('annette-icks', { name: 'Annette Icks', givenName: 'Annette', familyName: 'Icks', academicTitle: 'Dr.' }),
    person('oliver-kruse', { name: 'Oliver Kruse', givenName: 'Oliver', familyName: 'Kruse', academicTitle: 'Prof. Dr.' }),
    person('christof-goebel', { name: 'Christof Göbel', givenName: 'Christof', familyName: 'Göbel' }),
    person('wilhelm-heidbrede', { name: 'Wilhelm Heidbrede', givenName: 'Wilhelm', familyName: 'Heidbrede' }),
    person('mantei', { name: 'Mantei', familyName: 'Mantei', academicTitle: 'Dr.' }),
    person('rolf-papenfuss', { name: 'Rolf Papenfuß', givenName: 'Rolf', familyName: 'Papenfuß', aliases: ['Ralph Papenfuß'] }),
    person('norman-weiss', { name: 'Norman Weiss', givenName: 'Norman', familyName: 'Weiss', aliases: ['Norman Weis'] }),
    person('volker-joedecke', { name: 'Volker Jödecke', givenName: 'Volker', familyName: 'Jödecke', aliases: ['Jödicke'] }),
    person('helmut-ehnes', { name: 'Helmut Ehnes', givenName: 'Helmut', familyName: 'Ehnes' }),
    person('aiko-mueller-buchzik', { name: 'Aiko Müller-Buchzik', givenName: 'Aiko', familyName: 'Müller-Buchzik' }),
    person('patrick-f-schneider', { name: 'Patrick F. Schneider', givenName: 'Patrick F.', familyName: 'Schneider' }),
    person('hans-joachim-karp', { name: 'Hans-Joachim Karp', givenName: 'Hans-Joachim', familyName: 'Karp' }),
    person('henning-krassen', { name: 'Henning Krassen', givenName: 'Henning', familyName: 'Krassen', academicTitle: 'Dr.' }),
  ];
}

describe('slugify', () => {
  it('spells umlauts and ß out, in both cases', () => {
    expect(slugify('Jödecke')).toBe('joedecke');
    expect(slugify('Rolf Papenfuß')).toBe('rolf-papenfuss');
    expect(slugify('ÄRGER ÜBER ÖL GROẞ')).toBe('aerger-ueber-oel-gross');
  });

  it('drops other diacritics', () => {
    expect(slugify('Ehnés')).toBe('ehnes');
    expect(slugify('Mitarbeítende')).toBe('mitarbeitende');
  });

  it('folds a decomposed umlaut like a composed one', () => {
    expect(slugify('Mu\u0308ller')).toBe('mueller');
  });

  it('turns every run of other characters into one hyphen and trims', () => {
    expect(slugify('  Hans-Joachim  Karp (ZDH) ')).toBe('hans-joachim-karp-zdh');
    expect(slugify('„Mittelstand – Gesellschaft – Verantwortung“')).toBe('mittelstand-gesellschaft-verantwortung');
  });
});

describe('nameKey', () => {
  it('is equal for the spellings protocols mix up', () => {
    const same: Array<[string, string]> = [
      ['Papenfuß', 'Papenfuss'],
      ['Weiß', 'Weiss'],
      ['Ehnés', 'Ehnes'],
      ['Müller-Buchzik', 'Müller Buchzik'],
      ['Ralph', 'Ralf'],
      ['Müller', 'Mueller'],
    ];
    for (const [a, b] of same) expect(nameKey(a), `${a} vs ${b}`).toBe(nameKey(b));
  });

  it('keeps different names apart', () => {
    expect(nameKey('Rolf')).not.toBe(nameKey('Ralf'));
    expect(nameKey('Jödecke')).not.toBe(nameKey('Jödicke'));
    expect(nameKey('Kruse')).not.toBe(nameKey('Krause'));
    // No doubled-letter collapse and no umlaut dropped: only the documented rules merge.
    expect(nameKey('Weis')).not.toBe(nameKey('Weiss'));
    expect(nameKey('Kühn')).not.toBe(nameKey('Kuhn'));
    expect(nameKey('Meier')).not.toBe(nameKey('Maier'));
  });
});

describe('parsePersonName', () => {
  it('reads honorific, titles and family name of a surname mention', () => {
    expect(parsePersonName('Fr. Dr. Icks')).toEqual({ honorific: 'Frau', academicTitle: 'Dr.', familyName: 'Icks', full: 'Icks' });
    expect(parsePersonName('Hr. Prof. Kruse (HDB)')).toEqual({
      honorific: 'Herr',
      academicTitle: 'Prof.',
      familyName: 'Kruse',
      full: 'Kruse',
      organisation: 'HDB',
    });
    expect(parsePersonName('Herrn Kruse')).toMatchObject({ honorific: 'Herr', familyName: 'Kruse' });
    expect(parsePersonName('Frau Dr. Mantei (INQA-Geschäftsstelle)')).toMatchObject({
      honorific: 'Frau',
      academicTitle: 'Dr.',
      familyName: 'Mantei',
      organisation: 'INQA-Geschäftsstelle',
    });
  });

  it('takes a multi-line organisation with inner dashes off the end', () => {
    expect(parsePersonName('Prof. Dr. Oliver Kruse\n(Stiftung „Mittelstand\n– Gesellschaft – \nVerantwortung“)')).toEqual({
      academicTitle: 'Prof. Dr.',
      givenName: 'Oliver',
      familyName: 'Kruse',
      full: 'Oliver Kruse',
      organisation: 'Stiftung „Mittelstand – Gesellschaft – Verantwortung“',
    });
  });

  it('understands ", (Org)", "( Org)" and "Name – Org"', () => {
    expect(parsePersonName('Birgit Domschke, (BA)')).toMatchObject({ full: 'Birgit Domschke', organisation: 'BA' });
    expect(parsePersonName('Prof. Dr. Oliver Kruse ( FHM)')).toMatchObject({ full: 'Oliver Kruse', organisation: 'FHM' });
    expect(parsePersonName('Sebastian Terstegen - ifaa – Institut für angewandte Arbeitswissenschaft e. V.')).toMatchObject({
      givenName: 'Sebastian',
      familyName: 'Terstegen',
      organisation: 'ifaa – Institut für angewandte Arbeitswissenschaft e. V.',
    });
  });

  it('accepts titles in any order, before or after the honorific', () => {
    expect(parsePersonName('Dr.-Ing. Dipl.-Ing. Herr Max Kettner')).toEqual({
      honorific: 'Herr',
      academicTitle: 'Dr.-Ing. Dipl.-Ing.',
      givenName: 'Max',
      familyName: 'Kettner',
      full: 'Max Kettner',
    });
    expect(parsePersonName('Dr. Prof. Kruse').academicTitle).toBe('Dr. Prof.');
  });

  it('keeps a middle initial with the given name', () => {
    expect(parsePersonName('Patrick F. Schneider')).toMatchObject({ givenName: 'Patrick F.', familyName: 'Schneider' });
  });

  it('keeps hyphenated names whole', () => {
    expect(parsePersonName('Hans-Joachim Karp')).toMatchObject({ givenName: 'Hans-Joachim', familyName: 'Karp' });
    expect(parsePersonName('Aiko Müller-Buchzik')).toMatchObject({ givenName: 'Aiko', familyName: 'Müller-Buchzik' });
  });

  it('gives the last two of three words to the family name', () => {
    expect(parsePersonName('Aiko Müller Buchzik')).toMatchObject({ givenName: 'Aiko', familyName: 'Müller Buchzik' });
  });

  it('refuses a mention with nothing but titles, saying how to fix it', () => {
    expect(() => parsePersonName('Herr Prof. Dr.')).toThrowErrorMatchingInlineSnapshot(
      `[Error: parsePersonName: "Herr Prof. Dr." has no name after its titles and honorifics. Fix: pass a mention that contains at least a family name, e.g. "Herr Mustermann".]`,
    );
  });
});

describe('splitPersonMentions', () => {
  it('splits at "und", commas and semicolons', () => {
    expect(splitPersonMentions('Fr. Dr. Icks und Hr. Göbel')).toEqual(['Fr. Dr. Icks', 'Hr. Göbel']);
    expect(splitPersonMentions('Joachim Berendt, Angelika Braun,  Oleg Cernavin; Anja Cordes')).toEqual([
      'Joachim Berendt',
      'Angelika Braun',
      'Oleg Cernavin',
      'Anja Cordes',
    ]);
  });

  it('keeps organisations in parentheses whole, even with commas and "und"', () => {
    expect(
      splitPersonMentions('Thomas Thier (BDVT - Berufsverband für Training, Beratung und Coaching) und Birgit Domschke, (BA)'),
    ).toEqual(['Thomas Thier (BDVT - Berufsverband für Training, Beratung und Coaching)', 'Birgit Domschke, (BA)']);
  });
});

describe('personIdFromName', () => {
  it('slugs given + family name without titles', () => {
    expect(personIdFromName('Dr. Annette Icks')).toBe('annette-icks');
    expect(personIdFromName('Rolf Papenfuß')).toBe('rolf-papenfuss');
    expect(personIdFromName('Prof. Dr. Oliver Kruse (Stiftung „Mittelstand – Gesellschaft – Verantwortung“)')).toBe('oliver-kruse');
    expect(personIdFromName('Patrick F. Schneider')).toBe('patrick-f-schneider');
  });
});

describe('displayName', () => {
  it('puts the academic title before the name', () => {
    const [, kruse] = registry();
    expect(displayName(kruse.data)).toBe('Prof. Dr. Oliver Kruse');
    expect(displayName(personSchema.parse({ name: 'Christof Göbel', familyName: 'Göbel' }))).toBe('Christof Göbel');
  });
});

describe('createPersonIndex', () => {
  const expectations: Array<[string, string, string]> = [
    // mention, id, rule
    ['Prof. Dr. Oliver Kruse (Stiftung „Mittelstand – Gesellschaft – Verantwortung“)', 'oliver-kruse', 'exact'],
    ['Dr. Annette Icks (IfM Bonn)', 'annette-icks', 'exact'],
    ['Fr. Dr. Icks', 'annette-icks', 'surname'],
    ['Hr. Göbel', 'christof-goebel', 'surname'],
    ['Hr. Prof. Kruse (HDB)', 'oliver-kruse', 'surname'],
    ['Herrn Kruse', 'oliver-kruse', 'surname'],
    ['Herr Heidbrede', 'wilhelm-heidbrede', 'surname'],
    ['Frau Dr. Mantei (INQA-Geschäftsstelle)', 'mantei', 'exact'], // the registry knows no given name,
    ['Dr. Krassen', 'henning-krassen', 'surname'],
    ['Dr. Henning Krassen (BMBF – Bundesministerium für Bildung und Forschung)', 'henning-krassen', 'exact'],
    ['Rolf Papenfuß (ZDH – Zentralverband des Deutschen Handwerks)', 'rolf-papenfuss', 'exact'],
    ['Rolf Papenfuss (ZDH)', 'rolf-papenfuss', 'key'],
    ['Ralph Papenfuß', 'rolf-papenfuss', 'alias'], // recorded in the registry: Ralph ≠ Rolf by the rules
    ['Norman Weiss', 'norman-weiss', 'exact'],
    ['Norman Weis', 'norman-weiss', 'alias'],
    ['Hr. Weis (IG BCE)', 'norman-weiss', 'surname'],
    ['Volker\nJödecke', 'volker-joedecke', 'exact'],
    ['Volker Jödicke', 'volker-joedecke', 'key'], // the alias "Jödicke" with his own given name
    ['Hr. Ehnes', 'helmut-ehnes', 'surname'],
    ['Hr. Ehnés', 'helmut-ehnes', 'surname'],
    ['Herr Ehnes (BGRCI)', 'helmut-ehnes', 'surname'],
    ['Aiko Müller-Buchzik (DEN – Deutsches Energieberater Netzwerk)', 'aiko-mueller-buchzik', 'exact'],
    ['Aiko Müller Buchzik', 'aiko-mueller-buchzik', 'key'],
    ['Patrick F. Schneider', 'patrick-f-schneider', 'exact'],
    ['Patrick Schneider', 'patrick-f-schneider', 'variant'],
    ['P. Schneider', 'patrick-f-schneider', 'variant'],
    ['Hans-Joachim Karp', 'hans-joachim-karp', 'exact'],
    ['H.-J. Karp', 'hans-joachim-karp', 'variant'],
    ['hans-joachim karp', 'hans-joachim-karp', 'exact'],
  ];

  it.each(expectations)('resolves %j to %s by rule %s', (mention, id, via) => {
    expect(createPersonIndex(registry()).resolve(mention)).toEqual({ kind: 'match', id, via });
  });

  it('never merges Ralf Angerstein into Rolf Papenfuß', () => {
    const index = createPersonIndex(registry());
    expect(index.resolve('Ralf Angerstein')).toMatchObject({ kind: 'none', suggestions: [] });

    index.add('ralf-angerstein', personSchema.parse({ name: 'Ralf Angerstein', givenName: 'Ralf', familyName: 'Angerstein' }));
    expect(index.resolve('Ralf Angerstein')).toEqual({ kind: 'match', id: 'ralf-angerstein', via: 'exact' });
    expect(index.resolve('Ralph Papenfuß')).toEqual({ kind: 'match', id: 'rolf-papenfuss', via: 'alias' });
    expect(index.resolve('Ralf Papenfuß')).toEqual({ kind: 'match', id: 'rolf-papenfuss', via: 'key' }); // ph = f, on the alias
  });

  it('does not take a surname one letter off for a match, but suggests it', () => {
    const index = createPersonIndex(registry());
    expect(index.resolve('Herr Jödeke')).toMatchObject({ kind: 'none', suggestions: ['volker-joedecke'] });
    expect(index.resolve('Herr Krause')).toMatchObject({ kind: 'none', suggestions: ['oliver-kruse'] });
  });

  it('does not match a known family name with a different given name', () => {
    expect(createPersonIndex(registry()).resolve('Jan Kruse')).toMatchObject({
      kind: 'none',
      parsed: { givenName: 'Jan', familyName: 'Kruse' },
      suggestions: ['oliver-kruse'],
    });
  });

  describe('with two people of the same family name', () => {
    const muellers = () => [
      ...registry(),
      person('anna-mueller', { name: 'Anna Müller', givenName: 'Anna', familyName: 'Müller' }),
      person('bernd-mueller', { name: 'Bernd Mueller', givenName: 'Bernd', familyName: 'Mueller' }),
    ];

    it('answers ambiguous for the surname alone', () => {
      expect(createPersonIndex(muellers()).resolve('Frau Müller')).toMatchObject({ kind: 'ambiguous', ids: ['anna-mueller', 'bernd-mueller'] });
      expect(createPersonIndex(muellers()).resolve('Hr. Mueller')).toMatchObject({ kind: 'ambiguous', ids: ['anna-mueller', 'bernd-mueller'] });
    });

    it('still matches each by full name', () => {
      const index = createPersonIndex(muellers());
      expect(index.resolve('Anna Mueller')).toEqual({ kind: 'match', id: 'anna-mueller', via: 'key' });
      expect(index.resolve('Bernd Müller')).toEqual({ kind: 'match', id: 'bernd-mueller', via: 'key' });
    });

    it('follows a recorded decision', () => {
      const index = createPersonIndex(muellers());
      index.addAlias('anna-mueller', 'Frau Müller');
      expect(index.resolve('Frau Müller')).toEqual({ kind: 'match', id: 'anna-mueller', via: 'alias' });
      expect(index.get('anna-mueller')?.aliases).toEqual(['Frau Müller']);
    });
  });

  it('keeps family names one letter apart as different people, unless an alias says otherwise', () => {
    const index = createPersonIndex([
      person('max-meier', { name: 'Max Meier', givenName: 'Max', familyName: 'Meier' }),
      person('anna-kuehn', { name: 'Anna Kühn', givenName: 'Anna', familyName: 'Kühn' }),
      person('norman-weiss', { name: 'Norman Weiss', givenName: 'Norman', familyName: 'Weiss' }),
    ]);
    expect(index.resolve('Max Maier')).toMatchObject({ kind: 'none', suggestions: ['max-meier'] });
    expect(index.resolve('Herr Maier')).toMatchObject({ kind: 'none' });
    expect(index.resolve('Anna Kuhn')).toMatchObject({ kind: 'none', suggestions: ['anna-kuehn'] });
    expect(index.resolve('Norman Weis')).toMatchObject({ kind: 'none', suggestions: ['norman-weiss'] });
    // The documented rules still merge: umlaut spelled out, ß/ss, ph/f.
    expect(index.resolve('Anna Kuehn')).toEqual({ kind: 'match', id: 'anna-kuehn', via: 'key' });
    expect(index.resolve('Norman Weiß')).toEqual({ kind: 'match', id: 'norman-weiss', via: 'key' });
    index.addAlias('max-meier', 'Max Maier');
    expect(index.resolve('Max Maier')).toEqual({ kind: 'match', id: 'max-meier', via: 'alias' });
  });

  it('does not merge given names one letter apart', () => {
    const index = createPersonIndex([person('ralf-meier', { name: 'Ralf Meier', givenName: 'Ralf', familyName: 'Meier' })]);
    expect(index.resolve('Rolf Meier')).toMatchObject({ kind: 'none' });
    expect(index.resolve('Ralph Meier')).toEqual({ kind: 'match', id: 'ralf-meier', via: 'key' });
    expect(index.resolve('R. Meier')).toEqual({ kind: 'match', id: 'ralf-meier', via: 'variant' });
  });

  it('lets an alias from the registry decide a spelling the rules would refuse', () => {
    const index = createPersonIndex([
      person('volker-joedecke', { name: 'Volker Jödecke', givenName: 'Volker', familyName: 'Jödecke', aliases: ['Jödicke'] }),
    ]);
    expect(index.resolve('Herr Jödicke')).toEqual({ kind: 'match', id: 'volker-joedecke', via: 'alias' });
  });

  it('prefers an alias equal to the mention over every other rule', () => {
    const index = createPersonIndex([
      person('oliver-kruse', { name: 'Oliver Kruse', givenName: 'Oliver', familyName: 'Kruse' }),
      person('eva-kruse', { name: 'Eva Kruse', givenName: 'Eva', familyName: 'Kruse', aliases: ['Frau Kruse (HDB)'] }),
    ]);
    expect(index.resolve('Frau Kruse (HDB)')).toEqual({ kind: 'match', id: 'eva-kruse', via: 'alias' });
  });

  it('registers people added during a run', () => {
    const index = createPersonIndex(registry());
    expect(index.resolve('Kai Helfritz')).toMatchObject({ kind: 'none' });
    index.add(personIdFromName('Kai Helfritz'), personSchema.parse({ name: 'Kai Helfritz', givenName: 'Kai', familyName: 'Helfritz' }));
    expect(index.resolve('Herr Helfritz')).toEqual({ kind: 'match', id: 'kai-helfritz', via: 'surname' });
  });

  it('refuses a taken id and an alias for an unknown id', () => {
    const index = createPersonIndex(registry());
    expect(() => index.add('annette-icks', personSchema.parse({ name: 'Annette Icks', familyName: 'Icks' }))).toThrow(
      'Person id "annette-icks" is already registered',
    );
    expect(() => index.addAlias('nobody', 'Herr Niemand')).toThrow('no person "nobody"');
  });

  it('leaves the entries it was built from unchanged', () => {
    const entries = registry();
    createPersonIndex(entries).addAlias('annette-icks', 'Frau Icks');
    expect(entries[0].data.aliases).toEqual([]);
  });
});
