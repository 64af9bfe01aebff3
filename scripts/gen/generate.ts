/**
 * Generates a synthetic archive for benchmarks and tests: N protocols in the
 * importer's MDX format with their registries (people, organisations,
 * committees, topics) and a small original source file per protocol. Pure and
 * deterministic: the same options give the same archive, byte for byte.
 * `write.ts` puts it on disk; `cli.ts` is `npm run gen`; `registries.ts` makes the
 * organisation and people pools and the matters.
 *
 * Shape per protocol, like the imported ones: about 8 agenda items (one "Pause"),
 * about 6 resolutions, 20 named people drawn from a pool of 500 (some attend far
 * more often than others), organisations from a pool of 100, 10 topics, dates
 * spread over 30 years (1996–2025), at most one meeting per committee and day.
 */
import { createHash } from 'node:crypto';
import { Document, isScalar, visit } from 'yaml';
import { slugify } from '../../src/lib/model/names.ts';
import type { CommitteeData, MatterData, OrganisationData, PersonData, ProtocolData, TopicData } from '../../src/lib/model/schema.ts';
import { createRandom, type Random } from './random.ts';
import { makeMatters, makeOrganisations, makePeople, type PoolPerson } from './registries.ts';
import { bulletList, capitalize, germanDate, noun, nounPhrase, paragraph, resolutionText, zuArticle, type Speakers } from './text.ts';
import * as words from './words.ts';

/** Version stamped into every generated MDX. */
export const GENERATOR_VERSION = '1.0.0';

export interface GenerateOptions {
  /** Number of protocols. */
  protocols: number;
  /** PRNG seed; the same seed gives the same archive. */
  seed: number;
}

export interface GeneratedProtocol {
  /** Meeting id, `YYYY-MM-DD-<committee>`; the MDX file name. */
  id: string;
  /** The frontmatter, as the importer writes it (ids as strings). */
  data: ProtocolData;
  /** The whole MDX file. */
  mdx: string;
  /** File name under `sources/`. */
  sourceName: string;
  /** The "original" source text (header and agenda as plain text). */
  sourceText: string;
  /** The resolutions in body order, with the TOP number they belong to. */
  resolutions: { id: string; item: string }[];
}

export interface GeneratedArchive {
  protocols: GeneratedProtocol[];
  people: Map<string, PersonData>;
  organisations: Map<string, OrganisationData>;
  committees: Map<string, CommitteeData>;
  topics: Map<string, TopicData>;
  matters: Map<string, MatterData>;
}

const PEOPLE_PER_PROTOCOL = 20;
const FIRST_DAY = Date.UTC(1996, 0, 1);
const LAST_DAY = Date.UTC(2025, 11, 31);
const DAY = 86_400_000;

/** ISO date of a UTC timestamp. @example isoDay(Date.UTC(2021, 10, 11)) // => '2021-11-11' */
function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Minutes since midnight as "HH:MM". @example clock(545) // => '09:05' */
function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The committee's name with its article, for sentences ("der Strategiekreis", "das Plenum"). */
function committeeWithArticle(name: string): string {
  if (name === 'Plenum') return 'das Plenum';
  if (name.startsWith('AG ') || name.startsWith('Regionalgruppe')) return `die ${name}`;
  return `der ${name}`;
}

/** A meeting's place in the archive before its content is written. */
interface Slot {
  id: string;
  date: string;
  committee: (typeof words.committees)[number];
  number: number;
}

/** N distinct (committee, weekday) slots over 30 years, numbered per committee in date order. */
function makeSlots(random: Random, count: number): Slot[] {
  const weighted = words.committees.flatMap((committee) => Array<typeof committee>(committee.weight).fill(committee));
  const taken = new Set<string>();
  const slots: Omit<Slot, 'number'>[] = [];
  while (slots.length < count) {
    let day = FIRST_DAY + random.int(0, (LAST_DAY - FIRST_DAY) / DAY) * DAY;
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0) day += DAY; // Sunday -> Monday
    if (weekday === 6) day -= DAY; // Saturday -> Friday
    const committee = random.pick(weighted);
    const id = `${isoDay(day)}-${committee.id}`;
    if (taken.has(id)) continue;
    taken.add(id);
    slots.push({ id, date: isoDay(day), committee });
  }
  slots.sort((a, b) => a.id.localeCompare(b.id));
  const counters = new Map<string, number>();
  return slots.map((slot) => {
    const number = (counters.get(slot.committee.id) ?? 0) + 1;
    counters.set(slot.committee.id, number);
    return { ...slot, number };
  });
}

/** The protocol title as the committee's protocols print it. */
function meetingTitle(slot: Slot): string {
  const { committee, number } = slot;
  if (committee.id === 'plenum') return `${number}. Plenum der Offensive Mittelstand`;
  if (committee.name.startsWith('AG ') || committee.name.startsWith('Regionalgruppe')) {
    return `${number}. Sitzung der ${committee.name} der Offensive Mittelstand`;
  }
  return `${number}. Treffen des ${committee.genitive} der Offensive Mittelstand (OM)`;
}

/** A middle agenda item's title. */
function agendaTitle(random: Random, topicName: string): string {
  const head = noun(random)[0];
  switch (random.int(0, 4)) {
    case 0:
      return `${topicName}: ${capitalize(nounPhrase(random, 'nom'))}`;
    case 1:
      return `${head} – Stand und nächste Schritte`;
    case 2:
      return `Bericht aus der ${random.pick(words.committees.filter((c) => c.id.startsWith('ag-'))).name}`;
    case 3:
      return `${head} ${random.pick(words.complements)}`;
    default:
      return `Neue Entwicklungen: ${topicName}`;
  }
}

/** Quotes the strings YAML would misread (times, dates, numbers, hashes), like the importer does. */
function frontmatterYaml(data: ProtocolData): string {
  const doc = new Document(data);
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && /^[\d:.–-]+$|^[0-9a-f]{64}$/.test(node.value)) {
        node.type = 'QUOTE_DOUBLE';
      }
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** Context for writing one protocol. */
interface ProtocolContext {
  random: Random;
  slot: Slot;
  pool: PoolPerson[];
  organisations: Map<string, OrganisationData>;
  topicIds: string[];
  topics: Map<string, TopicData>;
  seed: number;
  index: number;
  total: number;
}

/** How a person appears in text: "Dr. Anna Müller (BMAS)". */
function mention(person: PoolPerson, organisations: Map<string, OrganisationData>, withOrganisation: boolean): string {
  const name = `${person.data.academicTitle ? `${person.data.academicTitle} ` : ''}${person.data.name}`;
  return withOrganisation ? `${name} (${organisations.get(person.organisation)!.shortName})` : name;
}

/** Generates one protocol: frontmatter, body, source text. */
function makeProtocol(context: ProtocolContext): GeneratedProtocol {
  const { random, slot, pool, organisations, topics } = context;
  const byId = new Map(pool.map((person) => [person.id, person]));
  // 20 people; the pool's first people attend far more often (skew), like a real network's core.
  const chosen = new Set<string>();
  while (chosen.size < PEOPLE_PER_PROTOCOL) chosen.add(random.pickSkewed(pool, 1.8).id);
  const attendees = [...chosen];
  const [moderator, minutesBy] = random.sample(attendees, 2);
  const speakers: Speakers = {
    people: attendees.map((id) => mention(byId.get(id)!, organisations, random.chance(0.4))),
    committee: committeeWithArticle(slot.committee.name),
  };
  const year = Number(slot.date.slice(0, 4));

  // Agenda: opening, middle items with a pause among them, closing.
  const itemCount = random.int(7, 9);
  const numbered = itemCount - 1;
  const pauseAfter = random.int(2, numbered - 2);
  let minutes = random.pick([9 * 60, 9 * 60 + 30, 10 * 60, 13 * 60]);
  const start = minutes;
  const agenda: ProtocolData['agenda'] = [];
  for (let n = 1; n <= numbered; n++) {
    const opening = n === 1;
    const closing = n === numbered;
    const topicIds = opening || closing ? [] : random.sample(context.topicIds, random.int(1, 2));
    const presenters = opening ? [moderator] : closing ? [] : random.sample(attendees, random.int(0, 2));
    const duration = random.pick([10, 15, 20, 30, 40]);
    const item: ProtocolData['agenda'][number] = {
      number: String(n),
      title: opening
        ? random.pick(words.openingTitles)
        : closing
          ? random.pick(words.closingTitles)
          : agendaTitle(random, topics.get(topicIds[0])!.name),
      presenters,
      organizations: [...new Set(presenters.map((id) => byId.get(id)!.organisation))],
      topics: topicIds,
      time: random.chance(0.3) ? `${clock(minutes)}–${clock(minutes + duration)}` : clock(minutes),
    };
    if (!opening && !closing && random.chance(0.5)) item.details = random.pick(['Inkl. Diskussion', `Vorstellung und Aussprache`, capitalize(nounPhrase(random, 'nom'))]);
    agenda.push(item);
    minutes += duration;
    if (n === pauseAfter) {
      agenda.push({ number: null, title: 'Pause', presenters: [], organizations: [], topics: [], time: clock(minutes) });
      minutes += 20;
    }
  }
  const end = Math.min(minutes + 10, 23 * 60);

  // Who represented which organisation: presenters and moderator, and some others named with theirs.
  const represented = new Set([moderator, ...agenda.flatMap((item) => item.presenters)]);
  for (const id of attendees) if (random.chance(0.3)) represented.add(id);
  const memberships: ProtocolData['memberships'] = attendees
    .filter((id) => represented.has(id))
    .map((id) => ({
      person: id,
      organization: byId.get(id)!.organisation,
      ...(random.chance(0.2) ? { role: random.pick(words.roles) } : {}),
    }));

  const format = year < 2020
    ? random.pick(['in-person', 'in-person', 'in-person', 'online'] as const)
    : random.pick(['online', 'online', 'hybrid', 'in-person'] as const);
  const city = random.pick(words.cities);
  const unnamed = random.chance(0.5) ? random.int(1, 25) : 0;

  const nextMeetings: ProtocolData['nextMeetings'] = [];
  let nextDay = Date.parse(slot.date);
  for (let i = random.int(0, 2); i > 0; i--) {
    nextDay += random.int(60, 200) * DAY;
    const date = isoDay(nextDay);
    nextMeetings.push({ date, committee: slot.committee.id, note: `am ${germanDate(date)}${random.chance(0.3) ? ` in ${random.pick(words.cities)}` : ''}` });
  }

  // The "original": header, agenda and attendance as plain text, like a PDF extract.
  const sourceLines = [
    'Protokoll',
    meetingTitle(slot),
    '',
    `${germanDate(slot.date)}, ${format === 'online' ? 'Videokonferenz' : city}, ${clock(start)} - ${clock(end)} Uhr`,
    `${PEOPLE_PER_PROTOCOL + unnamed} Teilnehmerinnen und Teilnehmer`,
    '',
    `Moderation: ${mention(byId.get(moderator)!, organisations, true)}`,
    '',
    ...agenda.flatMap((item) => [
      `${item.number ? `${item.number}. ` : ' '}${item.title}  ${item.time} Uhr`,
      ...(item.details ? [` ${item.details}`] : []),
      ...item.presenters.map((id) => mention(byId.get(id)!, organisations, true)),
      '',
    ]),
    `Teilnehmer: ${attendees.map((id) => byId.get(id)!.data.name).join(', ')}${unnamed ? ` plus ${unnamed} weitere Personen` : ''}`,
    '',
    `Mitschrift ${byId.get(minutesBy)!.data.name}`,
    '',
  ];
  const sourceText = sourceLines.join('\n');
  const sourceName = `${slot.id}.txt`;

  // Resolutions: about 6, on middle items, numbered b1, b2, … in body order.
  const perItem = new Map<number, number>();
  for (let i = random.int(4, 8); i > 0; i--) {
    const n = random.int(2, numbered - 1);
    perItem.set(n, (perItem.get(n) ?? 0) + 1);
  }
  let resolutionNumber = 0;
  const resolutions: GeneratedProtocol['resolutions'] = [];
  const deadlineOf = () => germanDate(isoDay(Date.parse(slot.date) + random.int(30, 300) * DAY));

  const body: string[] = [
    `{/*\nErzeugt mit om-gen ${GENERATOR_VERSION} (Seed ${context.seed}, Protokoll ${context.index + 1} von ${context.total}): synthetische Testdaten für den Benchmark, kein echtes Protokoll.\n*/}`,
    `{/*\nKopf und Tagesordnung des Originals, zur Prüfung (auf der Website aus dem Frontmatter dargestellt):\n${sourceText.trimEnd()}\n*/}`,
    paragraph(random, speakers, 1, 3),
  ];
  agenda.forEach((item) => {
    if (item.number === null) return;
    const n = Number(item.number);
    body.push(`## TOP ${n} – ${item.title}`);
    const paragraphs = random.int(2, 4);
    for (let p = 0; p < paragraphs; p++) {
      body.push(random.chance(0.25) ? bulletList(random, speakers) : paragraph(random, speakers));
    }
    for (let r = perItem.get(n) ?? 0; r > 0; r--) {
      resolutionNumber += 1;
      resolutions.push({ id: `${slot.id}-b${resolutionNumber}`, item: String(n) });
      const kind = random.chance(0.8) ? 'Beschluss' : 'Vereinbarung';
      const subject = noun(random);
      const result = random.chance(0.3) ? ` result="${random.pick(['einstimmig', 'ohne Gegenstimmen', 'bei zwei Enthaltungen'])}"` : '';
      body.push(
        `${kind} ${zuArticle(subject)} ${subject[0]}:`,
        `<Resolution id="${slot.id}-b${resolutionNumber}" kind="${kind}" item="${n}"${result}>`,
        resolutionText(random, speakers, kind, deadlineOf()),
        '</Resolution>',
      );
    }
  });

  const data: ProtocolData = {
    title: meetingTitle(slot),
    committee: slot.committee.id,
    number: slot.number,
    date: slot.date,
    start: clock(start),
    end: clock(end),
    format,
    ...(format === 'online' ? {} : { location: random.chance(0.5) ? city : `bei der ${random.pick([...organisations.values()]).shortName} in ${city}` }),
    participantCount: PEOPLE_PER_PROTOCOL + unnamed,
    attendees,
    ...(unnamed ? { unnamedAttendees: unnamed } : {}),
    moderator,
    minutesBy,
    agenda,
    nextMeetings,
    memberships,
    attachments: [],
    source: { file: sourceName, sha256: createHash('sha256').update(sourceText).digest('hex') },
    // Synthetic protocols stand for importer output nobody has reviewed.
    review: { status: 'imported' },
  };
  const mdx = `---\n${frontmatterYaml(data)}---\n\n${body.join('\n\n')}\n`;
  return { id: slot.id, data, mdx, sourceName, sourceText, resolutions };
}

/**
 * Generates the whole archive.
 * @example generateArchive({ protocols: 50, seed: 1 }).protocols.length // => 50
 */
export function generateArchive(options: GenerateOptions): GeneratedArchive {
  const random = createRandom(options.seed);
  const organisations = makeOrganisations(random);
  const pool = makePeople(random, [...organisations.keys()]);
  const committees = new Map<string, CommitteeData>(
    words.committees.map((c) => [c.id, { name: c.name, description: c.description, aliases: c.genitive === c.name ? [] : [c.genitive] }]),
  );
  const topics = new Map<string, TopicData>(
    words.topics.map(([name, description, keywords]) => [slugify(name), { name, description, keywords: [...keywords] }]),
  );
  const topicIds = [...topics.keys()];
  const slots = makeSlots(random, options.protocols);
  const protocols = slots.map((slot, index) =>
    makeProtocol({ random, slot, pool, organisations, topicIds, topics, seed: options.seed, index, total: slots.length }),
  );
  return {
    protocols,
    people: new Map(pool.map((person) => [person.id, person.data])),
    organisations,
    committees,
    topics,
    matters: makeMatters(random, protocols),
  };
}
