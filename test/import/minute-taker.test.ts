/** The minute-taker step (`scripts/import/steps/minute-taker.ts`) and given-name-only people. */
import { describe, expect, it } from 'vitest';
import { importTextIn } from './helpers.ts';
import { personSchema } from '../../src/lib/model/schema.ts';
import { listName } from '../../src/lib/views/entity-page.ts';

const protocol = (header: string, closing = '') => `Protokoll der AG Transfer\n\n12. März 2024, Videokonferenz\n${header}\n\nTagesordnung\n\n1. Bericht\n\n1. Bericht\n\nEs wird berichtet.\n${closing}`;

describe('minute-taker', () => {
  it('takes the name of "Protokoll: Name (Unit)" when the unit is no organisation, without a warning about it', () => {
    const { result } = importTextIn(protocol('Teilnehmende: Erika Neumeister, Henrik Tjaden\nProtokoll: Henrik Tjaden (OM-Geschäftsstelle)'));
    expect(result.frontmatter.minutesBy).toBe('henrik-tjaden');
    expect(result.warnings.filter((w) => w.includes('Henrik Tjaden'))).toEqual([]);
  });

  it('resolves initials on a header label among the attendees, also a hyphenated family name broken at the line end', () => {
    const { result } = importTextIn(protocol('Teilnehmende: Erika Neumeister, Marlene Oltmanns-\nReuter, Henrik Tjaden\nMitschrift: MOR'));
    expect(result.frontmatter.attendees).toEqual(['erika-neumeister', 'marlene-oltmanns-reuter', 'henrik-tjaden']);
    expect(result.frontmatter.minutesBy).toBe('marlene-oltmanns-reuter');
  });

  it('joins a word hyphenated at a header line end like body text', () => {
    const { result } = importTextIn('Protokoll der Mitglieder-\nversammlung des Segelclubs Hohe Kante e. V.\n\n12. März 2024\n\nTOP 1: Bericht\n\nText.\n');
    expect(result.meetingId).toBe('2024-03-12-mitgliederversammlung-des-segelclubs-hohe-kante-e-v');
  });

  it('registers a given-name-only minute-taker with the given name, never as family name, and the site lists the name', () => {
    const { result, registry } = importTextIn(protocol('Teilnehmende: Erika Neumeister\nProtokoll: Jolanda'));
    const person = registry.personIndex.get(result.frontmatter.minutesBy!)!;
    expect(person).toEqual({ name: 'Jolanda', givenName: 'Jolanda', aliases: [] });
    expect(personSchema.parse(person)).toEqual(person);
    expect(listName(person)).toBe('Jolanda');
    // Later mentions of the one word find her.
    expect(registry.personIndex.resolve('Jolanda')).toMatchObject({ kind: 'match', id: result.frontmatter.minutesBy });
  });
});

describe('participant count', () => {
  it('adds up counts by place: "12 Personen vor Ort, 9 online" is 21, hybrid', () => {
    const { result } = importTextIn(protocol('Anwesend: 12 Personen vor Ort, 9 online'));
    expect([result.frontmatter.participantCount, result.frontmatter.format]).toEqual([21, 'hybrid']);
    expect(result.frontmatter.attendees).toEqual([]);
  });
});
