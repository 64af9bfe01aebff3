/**
 * The registries of the synthetic archive (`generate.ts`): the pools of 100 organisations and
 * 500 people protocols draw from, and the matters (Vorgänge) laid over the generated protocols.
 * Pure and deterministic like the rest: each draws from the archive's one PRNG, in the order
 * `generateArchive` calls them.
 */
import { slugify } from '../../src/lib/model/names.ts';
import type { MatterData, OrganisationData, PersonData, ProtocolData } from '../../src/lib/model/schema.ts';
import type { Random } from './random.ts';
import { germanDate, noun } from './text.ts';
import * as words from './words.ts';

const PEOPLE = 500;
const ORGANISATIONS = 100;

/** What a matter needs of a generated protocol (`GeneratedProtocol` in `generate.ts`). */
export interface MatterSource {
  id: string;
  data: Pick<ProtocolData, 'committee' | 'date' | 'agenda'>;
  /** The resolutions in body order, with the TOP number they belong to. */
  resolutions: { id: string; item: string }[];
}

/** A person as the generator keeps them: registry data plus a home organisation. */
export interface PoolPerson {
  id: string;
  data: PersonData;
  organisation: string;
}

/** 100 organisations: the fixed federal bodies, then chambers, Berufsgenossenschaften, institutes, consultancies. */
export function makeOrganisations(random: Random): Map<string, OrganisationData> {
  const organisations = new Map<string, OrganisationData>();
  const add = (shortName: string, name: string) => {
    const id = slugify(shortName);
    if (!organisations.has(id)) organisations.set(id, { shortName, name, aliases: [] });
  };
  for (const [shortName, name] of words.fixedOrganisations) add(shortName, name);
  while (organisations.size < ORGANISATIONS) {
    const city = random.pick(words.cities);
    switch (random.int(0, 4)) {
      case 0:
        add(`HWK ${city}`, `Handwerkskammer ${city}`);
        break;
      case 1:
        add(`IHK ${city}`, `Industrie- und Handelskammer ${city}`);
        break;
      case 2: {
        const branch = random.pick(words.branches);
        add(`BG ${branch.split(' ')[0]}`, `Berufsgenossenschaft ${branch}`);
        break;
      }
      case 3: {
        const name = `Institut für ${random.pick(words.fields)} ${city}`;
        add(name, name);
        break;
      }
      default: {
        const name = `${random.pick(words.familyNames)} & ${random.pick(words.familyNames)} Unternehmensberatung`;
        add(name, name);
      }
    }
  }
  return organisations;
}

/** 500 people with distinct names; some with an academic title or a second spelling. */
export function makePeople(random: Random, organisationIds: readonly string[]): PoolPerson[] {
  const people: PoolPerson[] = [];
  const ids = new Set<string>();
  while (people.length < PEOPLE) {
    const givenName = random.pick(words.givenNames);
    const familyName = random.pick(words.familyNames);
    const name = `${givenName} ${familyName}`;
    const id = slugify(name);
    if (ids.has(id)) continue;
    ids.add(id);
    const data: PersonData = { name, givenName, familyName, aliases: [] };
    if (random.chance(0.15)) data.academicTitle = random.pick(words.academicTitles);
    const folded = name.replace(/ß/g, 'ss').replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');
    if (folded !== name && random.chance(0.5)) data.aliases.push(folded);
    people.push({ id, data, organisation: random.pickSkewed(organisationIds, 1.4) });
  }
  return people;
}

/**
 * Matters (Vorgänge), one per ten protocols: each runs over 2–5 meetings of one
 * committee, on an agenda item with resolutions where there is one, and later
 * meetings state the status of the first meeting's resolutions.
 */
export function makeMatters(random: Random, protocols: readonly MatterSource[]): Map<string, MatterData> {
  const byCommittee = new Map<string, MatterSource[]>();
  for (const protocol of protocols) {
    const list = byCommittee.get(protocol.data.committee) ?? [];
    list.push(protocol);
    byCommittee.set(protocol.data.committee, list);
  }
  const series = [...byCommittee.values()].filter((list) => list.length >= 2);
  const matters = new Map<string, MatterData>();
  const wanted = Math.ceil(protocols.length / 10);
  for (let attempt = 0; matters.size < wanted && series.length > 0 && attempt < wanted * 10; attempt++) {
    const meetings = random.pick(series);
    const first = random.int(0, meetings.length - 2);
    const chosen: MatterSource[] = [];
    for (let i = first; i < meetings.length && chosen.length < random.int(2, 5); i += random.int(1, 3)) chosen.push(meetings[i]);
    if (chosen.length < 2) continue;
    const [word, gender] = noun(random);
    const title = `${word} ${random.pick(words.complements)}`;
    const id = slugify(title);
    if (matters.has(id)) continue;
    const consultations: MatterData['consultations'] = chosen.map((protocol, i) => {
      const withResolutions = protocol.resolutions.length > 0 && random.chance(0.7);
      const item = withResolutions
        ? random.pick(protocol.resolutions).item
        : random.pick(protocol.data.agenda.filter((a) => a.number !== null)).number!;
      return {
        meeting: protocol.id,
        agendaItem: item,
        resolutions: protocol.resolutions.filter((r) => r.item === item).map((r) => r.id),
        note: i === 0 ? 'Vorschlag vorgestellt.' : random.pick(['Bericht über den Stand.', 'Beschlossen.', 'Erneut beraten.']),
      };
    });
    const statuses: MatterData['statuses'] = [];
    const firstResolutions = consultations[0].resolutions;
    for (const later of chosen.slice(1)) {
      if (firstResolutions.length === 0 || !random.chance(0.6)) continue;
      statuses.push({
        resolution: random.pick(firstResolutions),
        status: random.pick(['in-progress', 'implemented', 'postponed'] as const),
        statedIn: later.id,
      });
    }
    const article = gender === 'm' ? 'Der' : gender === 'f' ? 'Die' : 'Das';
    matters.set(id, {
      title,
      description: `${article} ${word} wird in ${chosen.length} Sitzungen beraten, vom ${germanDate(chosen[0].data.date)} bis zum ${germanDate(chosen.at(-1)!.data.date)}.`,
      consultations,
      statuses,
    });
  }
  return matters;
}
