/**
 * A static OParl 1.1 export of the archive (https://oparl.org/spec/1.1), so
 * council-information clients and other systems can read it: System → Body (the
 * OM) → external lists of Organization (the committees), Person, Meeting and Paper; each
 * Meeting embeds its AgendaItems (with the texts of the TOP's `<Resolution>`s as
 * `resolutionText`), its Location, its original protocol as `resultsProtocol` and its
 * published attachments (Anlagen) as `auxiliaryFile` (an AgendaItem lists those of its
 * TOP). Each matter (Vorgang, `content/matters/`) is a Paper with its consultations
 * embedded as Consultation objects; the AgendaItem they took place in points back
 * (`consultation`). Attachments without a published file have no File object (a File
 * needs an `accessUrl`).
 *
 * Every object's `id` is an absolute URL under the site that is also the path of
 * the file it is served from (`/oparl/1.1/meeting/<meeting-id>.json`), so every id
 * resolves (spec "URLs": each object must be retrievable under its id). Served by
 * `src/pages/oparl/1.1/[...path].ts`; required fields: `src/lib/publish/oparl-schema.ts`.
 *
 * Known limits of a static export: lists ignore the `created_since`/`modified_since`
 * filters, and `created`/`modified` are the export time (the archive keeps no edit
 * history). Free text from protocols is masked (`maskContactData`).
 */
import type { ArchiveIndex } from '../index/archive-index';
import { topAnchorId } from '../model/anchors';
import { berlinDateTime, timeRange } from './berlin-time';
import { agendaTopics, personRoles, topicName } from './feed-roles';
import { personLabel } from '../model/labels';
import type { Matter, Meeting } from '../model/model';
import { oparlType, oparlVersion } from './oparl-schema';
import { attachmentPath, compareAttachmentNumbers } from '../text/attachments';
import { committeePath, matterPath, meetingPath, sourcePath } from '../model/paths';
import { maskContactData } from '../text/privacy';
import { siteConfig, type SiteConfig } from '../../site-config';
import { isReviewed, UNREVIEWED_LABEL } from '../model/review';
import { resultWithVote } from '../model/votes';

/** Where the export lives. */
export const oparlRoot = '/oparl/1.1/';

/** The entry point (OParl System object). */
export const oparlSystemPath = `${oparlRoot}system.json`;

/** The one Body: the Offensive Mittelstand. */
export const bodyId = 'om';

/** Objects per list page (the spec recommends paginating lists of more than 100). */
export const elementsPerPage = 100;

/** One file of the export. */
export interface OparlFile {
  /** Site path, `"/oparl/1.1/meeting/2021-11-11-plenum.json"`. */
  path: string;
  /** The JSON content. */
  data: Record<string, unknown>;
}

/**
 * The export's `created`/`modified` time: `SOURCE_DATE_EPOCH` (seconds; the reproducible-builds
 * convention, https://reproducible-builds.org/specs/source-date-epoch/) if set, else `now`.
 * @example exportTimestamp({ SOURCE_DATE_EPOCH: '1700000000' }) // => '2023-11-14T22:13:20Z'
 */
export function exportTimestamp(env: { SOURCE_DATE_EPOCH?: string } = {}, now = new Date()): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const date = env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : now;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `exportTimestampOf` by index: the time its first caller asked. */
const indexStamps = new WeakMap<object, string>();

/**
 * `exportTimestamp(env)` once per archive index: what a build's OParl objects, dataset files and
 * dataset page share, so the page and the routes use one computation of the dataset (`datasetFiles`
 * is memoised by index and time) and one time.
 * @example exportTimestampOf(index, process.env) === exportTimestampOf(index, process.env) // => true, even a second later
 */
export function exportTimestampOf(index: object, env: { SOURCE_DATE_EPOCH?: string } = {}): string {
  let stamp = indexStamps.get(index);
  if (stamp === undefined) indexStamps.set(index, (stamp = exportTimestamp(env)));
  return stamp;
}

/** Site paths of the export's objects and lists (`.json` files, so path = URL). */
export const oparlPaths = {
  system: oparlSystemPath,
  bodies: `${oparlRoot}bodies.json`,
  body: `${oparlRoot}body/${bodyId}.json`,
  bodyList: (name: 'organization' | 'person' | 'meeting' | 'paper') => `${oparlRoot}body/${bodyId}/${name}.json`,
  organization: (committeeId: string) => `${oparlRoot}organization/${committeeId}.json`,
  organizationMeetings: (committeeId: string) => `${oparlRoot}organization/${committeeId}/meeting.json`,
  person: (personId: string) => `${oparlRoot}person/${personId}.json`,
  meeting: (meetingId: string) => `${oparlRoot}meeting/${meetingId}.json`,
  agendaItem: (meetingId: string, order: number) => `${oparlRoot}agendaitem/${meetingId}-${order}.json`,
  location: (meetingId: string) => `${oparlRoot}location/${meetingId}.json`,
  file: (meetingId: string) => `${oparlRoot}file/${meetingId}.json`,
  attachmentFile: (meetingId: string, number: string) => `${oparlRoot}file/${meetingId}-anlage-${number}.json`,
  paper: (matterId: string) => `${oparlRoot}paper/${matterId}.json`,
  consultation: (matterId: string, order: number) => `${oparlRoot}consultation/${matterId}-${order}.json`,
};

/** Media types of original protocol files by extension (OParl File `mimeType`). */
const mediaTypes: Record<string, string> = {
  txt: 'text/plain',
  md: 'text/markdown',
  html: 'text/html',
  htm: 'text/html',
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  rtf: 'application/rtf',
};

/**
 * Paths of the pages of a list: `<base>.json`, `<base>-2.json`, …
 * @example listPagePath('/oparl/1.1/body/om/meeting.json', 2) // => '/oparl/1.1/body/om/meeting-2.json'
 */
export function listPagePath(firstPage: string, page: number): string {
  return page === 1 ? firstPage : firstPage.replace(/\.json$/, `-${page}.json`);
}

/**
 * An external object list, split into pages of `elementsPerPage` (spec "Objektlisten und Paginierung").
 * @example listPages('/oparl/1.1/body/om/paper.json', [], url)[0].data // => { data: [], pagination: { totalElements: 0, … }, links: { … } }
 */
export function listPages(firstPage: string, objects: readonly Record<string, unknown>[], url: (path: string) => string, perPage = elementsPerPage): OparlFile[] {
  const totalPages = Math.max(1, Math.ceil(objects.length / perPage));
  return Array.from({ length: totalPages }, (_, i) => {
    const page = i + 1;
    const link = (n: number) => url(listPagePath(firstPage, n));
    return {
      path: listPagePath(firstPage, page),
      data: {
        data: objects.slice(i * perPage, page * perPage),
        pagination: { totalElements: objects.length, elementsPerPage: perPage, currentPage: page, totalPages },
        links: {
          first: link(1),
          ...(page > 1 && { prev: link(page - 1) }),
          self: link(page),
          ...(page < totalPages && { next: link(page + 1) }),
          last: link(totalPages),
        },
      },
    };
  });
}

/**
 * The whole export: every object and list page, each with its path.
 * @param generatedAt `created`/`modified` of every object (`exportTimestamp()`)
 * @example oparlExport(index, 'https://example.org', '2024-01-01T00:00:00Z')[0].path // => '/oparl/1.1/system.json'
 */
export function oparlExport(index: ArchiveIndex, site: URL | string, generatedAt: string): OparlFile[] {
  const url = (path: string) => new URL(path, site).href;
  const stamp = { created: generatedAt, modified: generatedAt };
  const files: OparlFile[] = [];
  const own = (path: string, data: Record<string, unknown>) => {
    files.push({ path, data });
    return data;
  };
  const bodyUrl = url(oparlPaths.body);

  const organizations = index.committees.map((committee) =>
    own(oparlPaths.organization(committee.id), {
      id: url(oparlPaths.organization(committee.id)),
      type: oparlType('Organization'),
      body: bodyUrl,
      name: committee.name,
      organizationType: 'Gremium',
      classification: 'Gremium',
      meeting: url(oparlPaths.organizationMeetings(committee.id)),
      web: url(committeePath(committee.id)),
      ...stamp,
    }),
  );

  const people = [...index.registries.people.values()].map((person) =>
    own(oparlPaths.person(person.id), {
      id: url(oparlPaths.person(person.id)),
      type: oparlType('Person'),
      body: bodyUrl,
      name: personLabel(person),
      familyName: person.familyName,
      ...(person.givenName && { givenName: person.givenName }),
      ...(person.academicTitle && { title: [person.academicTitle] }),
      ...stamp,
    }),
  );

  // Consultations first: the AgendaItems point back to them.
  const consultationOf = new Map<string, string>();
  const papers = [...index.registries.matters.values()]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((matter) => own(oparlPaths.paper(matter.id), paperObject(index, matter, url, stamp, own, consultationOf)));
  const meetings = index.meetings.map((meeting) => own(oparlPaths.meeting(meeting.id), meetingObject(index, meeting, url, stamp, own, consultationOf)));

  const system = own(oparlPaths.system, {
    id: url(oparlPaths.system),
    type: oparlType('System'),
    oparlVersion,
    body: url(oparlPaths.bodies),
    name: siteConfig.siteName,
    website: url('/'),
    web: url('/'),
    ...licenseField(siteConfig),
    ...stamp,
  });
  const body = own(oparlPaths.body, {
    id: bodyUrl,
    type: oparlType('Body'),
    system: url(oparlPaths.system),
    shortName: index.registries.organisations.get(bodyId)?.shortName ?? 'OM',
    name: index.registries.organisations.get(bodyId)?.name ?? 'Offensive Mittelstand',
    organization: url(oparlPaths.bodyList('organization')),
    person: url(oparlPaths.bodyList('person')),
    meeting: url(oparlPaths.bodyList('meeting')),
    paper: url(oparlPaths.bodyList('paper')),
    legislativeTerm: [],
    web: url('/'),
    ...licenseField(siteConfig),
    ...stamp,
  });

  return [
    { path: oparlPaths.system, data: system },
    ...listPages(oparlPaths.bodies, [body], url),
    ...files.filter((file) => file.path !== oparlPaths.system),
    ...listPages(oparlPaths.bodyList('organization'), organizations, url),
    ...listPages(oparlPaths.bodyList('person'), people, url),
    ...listPages(oparlPaths.bodyList('meeting'), meetings, url),
    ...listPages(oparlPaths.bodyList('paper'), papers, url),
    ...index.committees.flatMap((committee) =>
      listPages(
        oparlPaths.organizationMeetings(committee.id),
        meetings.filter((_, i) => index.meetings[i].committee === committee.id),
        url,
      ),
    ),
  ];
}

/** The key of a TOP in `consultationOf`: `"<meeting-id> <TOP number>"`. */
function itemKey(meetingId: string, number: string): string {
  return `${meetingId} ${number}`;
}

/**
 * A matter as an OParl Paper, its consultations embedded as Consultation objects (oldest
 * first, in file order on the same day). Records each consultation's URL under its TOP in
 * `consultationOf` (the first one per TOP), for the AgendaItem's back reference.
 */
function paperObject(
  index: ArchiveIndex,
  matter: Matter,
  url: (path: string) => string,
  stamp: { created: string; modified: string },
  own: (path: string, data: Record<string, unknown>) => Record<string, unknown>,
  consultationOf: Map<string, string>,
): Record<string, unknown> {
  const paperUrl = url(oparlPaths.paper(matter.id));
  const consultations = matter.consultations
    .map((consultation, order) => ({ consultation, order, meeting: index.meetingById.get(consultation.meeting) }))
    .filter((entry): entry is typeof entry & { meeting: Meeting } => entry.meeting !== undefined)
    .sort((a, b) => a.meeting.date.localeCompare(b.meeting.date) || a.order - b.order);
  const consultation = consultations.map(({ consultation: c, meeting }, i) => {
    const position = c.agendaItem === undefined ? -1 : meeting.agenda.findIndex((item) => item.number === c.agendaItem);
    const consultationUrl = url(oparlPaths.consultation(matter.id, i + 1));
    if (position >= 0 && !consultationOf.has(itemKey(meeting.id, c.agendaItem!))) consultationOf.set(itemKey(meeting.id, c.agendaItem!), consultationUrl);
    return own(oparlPaths.consultation(matter.id, i + 1), {
      id: consultationUrl,
      type: oparlType('Consultation'),
      paper: paperUrl,
      meeting: url(oparlPaths.meeting(meeting.id)),
      ...(position >= 0 && { agendaItem: url(oparlPaths.agendaItem(meeting.id, position + 1)) }),
      organization: [url(oparlPaths.organization(meeting.committee))],
      // A consultation with resolutions on the matter decided something (spec: "authoritative").
      authoritative: c.resolutions.length > 0,
      ...(c.note && { role: maskContactData(c.note) }),
      ...stamp,
    });
  });
  const first = consultations[0]?.meeting.date;
  return {
    id: paperUrl,
    type: oparlType('Paper'),
    body: url(oparlPaths.body),
    name: maskContactData(matter.title),
    reference: matter.id,
    ...(first && { date: first }),
    paperType: 'Vorgang',
    consultation,
    web: url(matterPath(matter.id)),
    ...stamp,
  };
}

/**
 * The published attachments of a meeting as OParl File objects, by number (only those with
 * a published file: a File needs an `accessUrl`).
 */
function attachmentFiles(
  index: ArchiveIndex,
  meeting: Meeting,
  url: (path: string) => string,
  stamp: { created: string; modified: string },
  own: (path: string, data: Record<string, unknown>) => Record<string, unknown>,
): { item?: string; file: Record<string, unknown> }[] {
  const files = index.attachmentFiles.get(meeting.id);
  return [...(meeting.attachments ?? [])]
    .sort((a, b) => compareAttachmentNumbers(a.number, b.number))
    .flatMap((attachment) => {
      const file = attachment.file ? files?.get(attachment.file) : undefined;
      if (!file || file.publication === 'withheld') return [];
      const path = oparlPaths.attachmentFile(meeting.id, attachment.number);
      const position = attachment.item === undefined ? -1 : meeting.agenda.findIndex((item) => item.number === attachment.item);
      const fileUrl = url(attachmentPath(meeting.id, file.name));
      return [
        {
          item: attachment.item,
          file: own(path, {
            id: url(path),
            type: oparlType('File'),
            name: `Anlage ${attachment.number}: ${maskContactData(attachment.title)}`,
            fileName: file.name,
            ...(file.mediaType && { mimeType: file.mediaType }),
            size: file.publishedSize,
            accessUrl: fileUrl,
            downloadUrl: fileUrl,
            meeting: [url(oparlPaths.meeting(meeting.id))],
            ...(position >= 0 && { agendaItem: [url(oparlPaths.agendaItem(meeting.id, position + 1))] }),
            ...stamp,
          }),
        },
      ];
    });
}

/** A Meeting with its embedded AgendaItems, Location and Files; registers each embedded object's own file via `own`. */
function meetingObject(
  index: ArchiveIndex,
  meeting: Meeting,
  url: (path: string) => string,
  stamp: { created: string; modified: string },
  own: (path: string, data: Record<string, unknown>) => Record<string, unknown>,
  consultationOf: ReadonlyMap<string, string> = new Map(),
): Record<string, unknown> {
  const meetingUrl = url(oparlPaths.meeting(meeting.id));
  const body = index.bodies.get(meeting.id) ?? { topNumbers: [], resolutions: [] };
  const headings = new Set(body.topNumbers);
  const auxiliaryFile = attachmentFiles(index, meeting, url, stamp, own);
  const agendaItem = meeting.agenda.map((item, i) => {
    const order = i + 1;
    const resolutions = item.number ? body.resolutions.filter((resolution) => resolution.item === item.number) : [];
    // OParl has no vote field: the vote goes into the result text ("abgelehnt (2 Ja, 4 Nein, 1 Enthaltung)").
    const results = [...new Set(resolutions.map((resolution) => resultWithVote(resolution.result, resolution.vote)).filter((result): result is string => !!result))];
    const { start, end } = timeRange(item.time);
    const keywords = agendaTopics(item).map((topicId) => topicName(index, topicId));
    const itemFiles = item.number ? auxiliaryFile.filter((entry) => entry.item === item.number).map((entry) => entry.file) : [];
    return own(oparlPaths.agendaItem(meeting.id, order), {
      id: url(oparlPaths.agendaItem(meeting.id, order)),
      type: oparlType('AgendaItem'),
      meeting: meetingUrl,
      ...(item.number && { number: item.number }),
      order,
      name: maskContactData(item.title),
      ...(results.length > 0 && { result: maskContactData(results.join('; ')) }),
      ...(resolutions.length > 0 && { resolutionText: resolutions.map((resolution) => maskContactData(resolution.text)).join('\n\n') }),
      ...(start && { start: berlinDateTime(meeting.date, start) }),
      ...(end && { end: berlinDateTime(meeting.date, end) }),
      ...(keywords.length > 0 && { keyword: keywords }),
      ...(item.number && consultationOf.has(itemKey(meeting.id, item.number)) && { consultation: consultationOf.get(itemKey(meeting.id, item.number)) }),
      ...(itemFiles.length > 0 && { auxiliaryFile: itemFiles }),
      web: url(`${meetingPath(meeting.id)}${item.number && headings.has(item.number) ? `#${topAnchorId(item.number)}` : ''}`),
      ...stamp,
    });
  });
  const location =
    meeting.location &&
    own(oparlPaths.location(meeting.id), {
      id: url(oparlPaths.location(meeting.id)),
      type: oparlType('Location'),
      description: maskContactData(meeting.location),
      meeting: [meetingUrl],
      ...stamp,
    });
  // The original as published: a PDF/Word original with contact data only as its masked text.
  const sourceFile = index.publishedSourceFiles.get(meeting.source.file) ?? meeting.source.file;
  const extension = /\.([a-z0-9]+)$/i.exec(sourceFile)?.[1]?.toLowerCase() ?? '';
  const resultsProtocol =
    index.sourceFiles.has(meeting.source.file) &&
    own(oparlPaths.file(meeting.id), {
      id: url(oparlPaths.file(meeting.id)),
      type: oparlType('File'),
      name: `Originalprotokoll: ${maskContactData(meeting.title)}`,
      fileName: sourceFile,
      ...(mediaTypes[extension] && { mimeType: mediaTypes[extension] }),
      accessUrl: url(sourcePath(sourceFile)),
      downloadUrl: url(sourcePath(sourceFile)),
      meeting: [meetingUrl],
      ...stamp,
    });
  return {
    id: meetingUrl,
    type: oparlType('Meeting'),
    name: maskContactData(meeting.title),
    meetingState: 'durchgeführt',
    // xsd:dateTime needs a time: a protocol without one gets midnight (documented on /daten/).
    start: berlinDateTime(meeting.date, meeting.start ?? '00:00'),
    ...(meeting.end && { end: berlinDateTime(meeting.date, meeting.end) }),
    ...(location && { location }),
    organization: [url(oparlPaths.organization(meeting.committee))],
    participant: [...personRoles(meeting).keys()].map((personId) => url(oparlPaths.person(personId))),
    ...(resultsProtocol && { resultsProtocol }),
    ...(auxiliaryFile.length > 0 && { auxiliaryFile: auxiliaryFile.map((entry) => entry.file) }),
    agendaItem,
    // OParl has no review field; the standard `keyword` list carries the status (documented on /daten/).
    ...(!isReviewed(meeting) && { keyword: [UNREVIEWED_LABEL] }),
    web: url(meetingPath(meeting.id)),
    ...stamp,
  };
}

/**
 * OParl's `license` (System and Body: the URL of the licence of the data, spec 1.1 "System", "Body")
 * from `src/site-config.ts`; left out while the OM has not decided a licence (the field is optional,
 * and a placeholder is no URL).
 * @example licenseField({ ...siteConfig, dataLicence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } }) // => { license: 'https://creativecommons.org/licenses/by/4.0/' }
 * @example licenseField({ ...siteConfig, dataLicence: null }) // => {}
 */
export function licenseField(config: SiteConfig): { license?: string } {
  return config.dataLicence ? { license: config.dataLicence.url } : {};
}
