/**
 * The site's in-memory shapes of the archive, with every reference flattened to
 * its plain id string. `src/lib/archive.ts` builds them from the content
 * collections; everything else in `src/lib` works on these shapes only, so it
 * runs in vitest without Astro.
 */
import type { ProtocolBody } from './body-shape.ts';
import type { CommitteeData, MatterData, NameDecision, OrganisationData, PersonData, ProtocolData, TopicData } from './schema.ts';

/** What Astro's `reference()` leaves in entry data: `{ id, collection }`; the importer writes plain ids. */
export type IdRef = string | { id: string; collection?: string };

/**
 * One meeting (OParl Meeting): a protocol's frontmatter plus where it came from.
 * Shape: `ProtocolData` with ids as strings, and
 * - `id`: the meeting id, `"2021-04-22-strategiekreis"` (the MDX file name)
 * - `file`: path of the MDX file relative to the project, `"content/protocols/2021-04-22-strategiekreis.mdx"`
 * - `body`: the raw MDX body (protocol text with `<Resolution>` elements)
 * - `parsedBody`: what the content loader read from the body (`src/lib/text/protocol-loader.ts`);
 *   absent outside a site build. Read it with `protocolBodyOf(meeting)`, which parses when absent.
 */
export type Meeting = ProtocolData & { id: string; file: string; body: string; parsedBody?: ProtocolBody };

/** A registry entry with its id (the YAML file name). */
export type WithId<T> = T & { id: string };
export type Person = WithId<PersonData>;
export type Organisation = WithId<OrganisationData>;
export type Committee = WithId<CommitteeData>;
export type Topic = WithId<TopicData>;
/** A matter (Vorgang) with its consultations' meeting ids as plain strings. */
export type Matter = WithId<MatterData>;

/** The registries, keyed by id, plus the editors' name decisions. */
export interface Registries {
  people: Map<string, Person>;
  organisations: Map<string, Organisation>;
  committees: Map<string, Committee>;
  topics: Map<string, Topic>;
  matters: Map<string, Matter>;
  /** `content/name-decisions.yaml`: which person an ambiguous mention in one protocol means. */
  nameDecisions: NameDecision[];
}

/** Reads the id out of a reference or a plain id (e.g. `{ id: 'zdh', collection: 'organisations' }` => `'zdh'`). */
export function refId(ref: IdRef): string {
  return typeof ref === 'string' ? ref : ref.id;
}

/** Like `refId`, but passes `undefined` through (for optional fields such as `moderator`). */
export function optionalRefId(ref: IdRef | undefined | null): string | undefined {
  return ref == null ? undefined : refId(ref);
}

/** Protocol frontmatter as found in a content entry: same as `ProtocolData`, but id fields may be references. */
export type ProtocolEntryData = Omit<ProtocolData, 'committee' | 'attendees' | 'moderator' | 'minutesBy' | 'agenda' | 'nextMeetings' | 'memberships'> & {
  committee: IdRef;
  attendees: IdRef[];
  moderator?: IdRef;
  minutesBy?: IdRef;
  agenda: (Omit<ProtocolData['agenda'][number], 'presenters' | 'organizations' | 'topics'> & {
    presenters: IdRef[];
    organizations: IdRef[];
    topics?: IdRef[];
  })[];
  nextMeetings: (Omit<ProtocolData['nextMeetings'][number], 'committee'> & { committee: IdRef })[];
  memberships?: { person: IdRef; organization: IdRef; role?: string }[];
};

/**
 * Turns a protocol content entry into a `Meeting` with plain id strings.
 * @param entry `{ id, filePath, body, data }` as returned by `getCollection('protocols')`, plus
 *   `parsedBody` when the content loader already read the body
 * @example toMeeting({ id: '2021-04-22-strategiekreis', filePath: 'content/protocols/2021-04-22-strategiekreis.mdx', body, data }).committee // => 'strategiekreis'
 */
export function toMeeting(entry: { id: string; filePath?: string; body?: string; parsedBody?: ProtocolBody; data: ProtocolEntryData }): Meeting {
  const { data } = entry;
  return {
    ...data,
    id: entry.id,
    file: entry.filePath ?? `content/protocols/${entry.id}.mdx`,
    body: entry.body ?? '',
    ...(entry.parsedBody ? { parsedBody: entry.parsedBody } : {}),
    committee: refId(data.committee),
    attendees: data.attendees.map(refId),
    moderator: optionalRefId(data.moderator),
    minutesBy: optionalRefId(data.minutesBy),
    agenda: data.agenda.map((item) => ({
      ...item,
      presenters: item.presenters.map(refId),
      organizations: item.organizations.map(refId),
      topics: (item.topics ?? []).map(refId),
    })),
    nextMeetings: data.nextMeetings.map((next) => ({ ...next, committee: refId(next.committee) })),
    memberships: (data.memberships ?? []).map((m) => ({ ...m, person: refId(m.person), organization: refId(m.organization) })),
  };
}

/**
 * Builds an id-keyed map from registry entries (`{ id, data }` from `getCollection`).
 * @example registryMap([{ id: 'zdh', data: { shortName: 'ZDH', ... } }]).get('zdh')?.shortName // => 'ZDH'
 */
export function registryMap<T extends object>(entries: { id: string; data: T }[]): Map<string, WithId<T>> {
  return new Map(entries.map((entry) => [entry.id, { ...entry.data, id: entry.id }]));
}

/**
 * Turns matter entries into `Matter`s with plain meeting ids (their
 * `consultations[].meeting` and `statuses[].statedIn` are references on the site).
 */
export function toMatters(entries: { id: string; data: unknown }[]): Map<string, Matter> {
  return new Map(
    entries.map((entry) => {
      const data = entry.data as Omit<MatterData, 'consultations' | 'statuses'> & {
        consultations: (Omit<MatterData['consultations'][number], 'meeting'> & { meeting: IdRef })[];
        statuses: (Omit<MatterData['statuses'][number], 'statedIn'> & { statedIn: IdRef })[];
      };
      return [
        entry.id,
        {
          ...data,
          id: entry.id,
          consultations: data.consultations.map((c) => ({ ...c, meeting: refId(c.meeting) })),
          statuses: data.statuses.map((s) => ({ ...s, statedIn: refId(s.statedIn) })),
        },
      ];
    }),
  );
}
