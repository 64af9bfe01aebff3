/**
 * The archive as open data under `/daten/`: four CSV tables (meetings,
 * resolutions, people, organisations) and the whole archive as one JSON file.
 * Column and field descriptions live here, next to the code that fills them,
 * and the dataset page (`src/pages/daten/index.astro`) prints them from here.
 *
 * CSV: RFC 4180 (`src/lib/publish/csv.ts`), UTF-8 with byte order mark (for German Excel),
 * each table also as `<name>.excel.csv` for a double-click in German Excel (`;`, decimal comma),
 * header row, lists inside a cell separated by `;`, text cells starting with `=`, `+`,
 * `-`, `@` neutralised by a leading `'` (formula injection). Protocol text is masked (`maskContactData`);
 * the protocol bodies themselves are not part of the dataset, only the resolutions.
 */
import { publishedSourcePath, type ArchiveIndex, type ResolutionInMeeting } from '../index/archive-index';
import { excelCsv, rfc4180Csv, toCsvFiles, type CsvColumn } from './csv';
import { meetingsByOrganisation, personRoles } from './feed-roles';
import { committeeName, personLabel } from '../model/labels';
import type { Committee, Meeting, Organisation, Person } from '../model/model';
import { oparlPaths } from './oparl';
import { attachmentPath, compareAttachmentNumbers } from '../text/attachments';
import { committeePath, meetingPath, resolutionPath } from '../model/paths';
import { maskContactData } from '../text/privacy';
import { siteConfig, type SiteConfig } from '../../site-config';
import { reviewRecord, UNREVIEWED_LABEL } from '../model/review';

/** Where the dataset lives. */
export const datasetPath = '/daten/';

/** Joins ids for one CSV cell. @example list(['a', 'b']) // => 'a;b' */
function list(values: readonly string[]): string {
  return values.join(';');
}

/** Columns of `meetings.csv`, one row per meeting (protocol). */
export function meetingColumns(index: ArchiveIndex, site: URL | string): CsvColumn<Meeting>[] {
  const url = (path: string) => new URL(path, site).href;
  const resolutions = (meeting: Meeting) => index.bodies.get(meeting.id)?.resolutions ?? [];
  return [
    { name: 'id', description: 'Kennung der Sitzung, `JJJJ-MM-TT-<gremium>`; zugleich der Name der Protokolldatei.', value: (m) => m.id },
    { name: 'title', description: 'Titel wie im Protokoll („25. Plenum der Offensive Mittelstand“).', value: (m) => maskContactData(m.title) },
    { name: 'committee_id', description: 'Kennung des Gremiums (siehe `organisations.csv`, Typ `gremium`).', value: (m) => m.committee },
    { name: 'committee', description: 'Name des Gremiums.', value: (m) => committeeName(index.registries, m.committee) },
    { name: 'number', description: 'Laufende Nummer der Sitzung, wo das Protokoll sie nennt (25 für „25. Plenum“); sonst leer.', value: (m) => m.number },
    { name: 'date', description: 'Datum, ISO 8601 (`2021-11-11`).', value: (m) => m.date },
    { name: 'start', description: 'Beginn, `HH:MM`, Ortszeit Deutschland (Europe/Berlin); leer, wenn nicht angegeben.', value: (m) => m.start },
    { name: 'end', description: 'Ende, `HH:MM`, Ortszeit; leer, wenn nicht angegeben.', value: (m) => m.end },
    { name: 'format', description: 'Form der Sitzung: `online` (Videokonferenz), `in-person` (Präsenz) oder `hybrid`; leer, wenn nicht angegeben.', value: (m) => m.format },
    { name: 'location', description: 'Ort, wie im Protokoll angegeben („bei der DGUV in Bonn“).', value: (m) => m.location && maskContactData(m.location) },
    { name: 'participant_count', description: 'Zahl der Teilnehmenden: wie angegeben, sonst namentlich genannte plus weitere.', value: (m) => m.participantCount ?? (m.attendees.length + (m.unnamedAttendees ?? 0) || undefined) },
    { name: 'attendee_ids', description: 'Kennungen der namentlich genannten Teilnehmenden (siehe `people.csv`), durch `;` getrennt, in Protokollreihenfolge.', value: (m) => list(m.attendees) },
    { name: 'unnamed_attendees', description: 'Teilnehmende, die das Protokoll nicht namentlich nennt („plus 11 weitere“).', value: (m) => m.unnamedAttendees },
    { name: 'moderator_id', description: 'Kennung der Person, die moderiert hat.', value: (m) => m.moderator },
    { name: 'minutes_by_id', description: 'Kennung der Person, die das Protokoll geschrieben hat.', value: (m) => m.minutesBy },
    { name: 'agenda_items', description: 'Zahl der Punkte der Tagesordnung (auch unnummerierte wie „Pause“).', value: (m) => m.agenda.length },
    { name: 'resolutions', description: 'Zahl der Beschlüsse und Vereinbarungen im Protokoll (siehe `resolutions.csv`).', value: (m) => resolutions(m).length },
    { name: 'url', description: 'Seite der Sitzung im Archiv.', value: (m) => url(meetingPath(m.id)) },
    { name: 'oparl_url', description: 'Dieselbe Sitzung als OParl-Objekt (`Meeting`).', value: (m) => url(oparlPaths.meeting(m.id)) },
    { name: 'source_file', description: 'Name der Originaldatei, aus der das Protokoll übernommen wurde.', value: (m) => m.source.file },
    { name: 'source_sha256', description: 'SHA-256-Prüfsumme der Originaldatei (hexadezimal); belegt, dass die Datei unverändert ist.', value: (m) => m.source.sha256 },
    { name: 'source_url', description: 'Adresse der Originaldatei im Archiv; leer, wenn sie nicht vorliegt.', value: (m) => { const path = publishedSourcePath(index, m.source.file); return path && url(path); } },
    { name: 'review_status', description: `Redaktionelle Prüfung: \`reviewed\` (von der Redaktion mit dem Original verglichen) oder \`imported\` (${UNREVIEWED_LABEL}; der Text kann Lesefehler des Imports enthalten).`, value: (m) => reviewRecord(m).status },
    { name: 'reviewed_by', description: 'Wer das Protokoll geprüft hat („Redaktion“); leer, solange es nicht geprüft ist.', value: (m) => reviewRecord(m).by },
    { name: 'reviewed_on', description: 'Datum der Prüfung, ISO 8601; leer, solange es nicht geprüft ist.', value: (m) => reviewRecord(m).date },
    { name: 'importer_version', description: 'Version des Importprogramms, das die Datei geschrieben hat, wo vermerkt.', value: (m) => reviewRecord(m).importer },
  ];
}

/** Columns of `resolutions.csv`, one row per resolution (Beschluss, Vereinbarung, Wahl, Entlastung, Vertagung). */
export function resolutionColumns(index: ArchiveIndex, site: URL | string): CsvColumn<ResolutionInMeeting>[] {
  const agendaTitle = (r: ResolutionInMeeting) => r.meeting.agenda.find((item) => r.item && item.number === r.item)?.title;
  return [
    { name: 'id', description: 'Kennung, `<sitzung>-b<n>`; zugleich der Anker auf der Sitzungsseite.', value: (r) => r.id },
    { name: 'meeting_id', description: 'Kennung der Sitzung (siehe `meetings.csv`).', value: (r) => r.meetingId },
    { name: 'date', description: 'Datum der Sitzung, ISO 8601.', value: (r) => r.meeting.date },
    { name: 'committee_id', description: 'Kennung des Gremiums.', value: (r) => r.meeting.committee },
    { name: 'kind', description: '`Beschluss` oder `Vereinbarung`, wie im Protokoll bezeichnet; `Wahl`, `Entlastung` oder `Vertagung` für eine Entscheidung, die das Protokoll in einem Satz festhält („… wird einstimmig zur Vorsitzenden gewählt“).', value: (r) => r.kind },
    { name: 'title', description: 'Kurztitel: was beschlossen wurde, aus dem Anfang des Wortlauts gebildet (ohne „Der Strategiekreis beschließt, dass“), höchstens etwa 100 Zeichen; so heißt der Beschluss auf den Seiten des Archivs.', value: (r) => r.title },
    { name: 'agenda_item', description: 'Nummer des Tagesordnungspunkts (TOP), unter dem er gefasst wurde; leer, wenn außerhalb eines TOP.', value: (r) => r.item },
    { name: 'agenda_item_title', description: 'Titel dieses Tagesordnungspunkts.', value: (r) => { const title = agendaTitle(r); return title && maskContactData(title); } },
    { name: 'result', description: 'Ergebnis, wo angegeben („ohne Gegenstimmen“, „7/0/1“); `abgelehnt` für einen abgelehnten Antrag, `vertagt` für eine Vertagung.', value: (r) => r.result && maskContactData(r.result) },
    { name: 'votes_yes', description: 'Ja-Stimmen, wo das Protokoll sie zählt; sonst leer.', value: (r) => r.vote?.yes },
    { name: 'votes_no', description: 'Nein-Stimmen, wo das Protokoll sie zählt; sonst leer.', value: (r) => r.vote?.no },
    { name: 'votes_abstain', description: 'Enthaltungen, wo das Protokoll sie zählt; sonst leer.', value: (r) => r.vote?.abstain },
    { name: 'unanimous', description: '`true`, wenn das Protokoll „einstimmig“ sagt; sonst leer.', value: (r) => (r.vote?.unanimous ? 'true' : undefined) },
    { name: 'text', description: 'Wortlaut als reiner Text, Absätze durch eine Leerzeile getrennt; E-Mail-Adressen und Telefonnummern entfernt.', value: (r) => maskContactData(r.text) },
    { name: 'url', description: 'Direkter Link auf den Beschluss im Protokoll.', value: (r) => new URL(resolutionPath(r.meetingId, r.id), site).href },
    { name: 'review_status', description: 'Prüfstand des Protokolls, aus dem der Beschluss stammt: `reviewed` oder `imported` (siehe `meetings.csv`).', value: (r) => reviewRecord(r.meeting).status },
  ];
}

/** A person with the meetings they appear in. */
export interface PersonRow {
  person: Person;
  /** Meeting ids by role, newest first. */
  attended: string[];
  presented: string[];
  moderated: string[];
  minuted: string[];
  meetings: string[];
}

/** The people of the registry with their meetings. */
export function personRows(index: ArchiveIndex): PersonRow[] {
  const rows = new Map([...index.registries.people.values()].map((person) => [person.id, { person, attended: [], presented: [], moderated: [], minuted: [], meetings: [] } as PersonRow]));
  const field = { Teilnahme: 'attended', Vortrag: 'presented', Moderation: 'moderated', Protokoll: 'minuted' } as const;
  for (const meeting of index.meetings) {
    for (const [personId, roles] of personRoles(meeting)) {
      const row = rows.get(personId);
      if (!row) continue;
      row.meetings.push(meeting.id);
      for (const role of roles) row[field[role]].push(meeting.id);
    }
  }
  return [...rows.values()];
}

/** Columns of `people.csv`, one row per person in the registry. Names only: no contact data. */
export const personColumns: CsvColumn<PersonRow>[] = [
  { name: 'id', description: 'Kennung der Person (aus dem Namen gebildet, `annette-icks`).', value: (r) => r.person.id },
  { name: 'name', description: 'Name, wie ihn das Archiv anzeigt, mit akademischem Titel.', value: (r) => personLabel(r.person) },
  { name: 'given_name', description: 'Vorname(n).', value: (r) => r.person.givenName },
  { name: 'family_name', description: 'Nachname.', value: (r) => r.person.familyName },
  { name: 'academic_title', description: 'Akademischer Titel, wie in den Protokollen („Dr.“).', value: (r) => r.person.academicTitle },
  { name: 'meetings', description: 'Zahl der Sitzungen, bei denen die Person teilgenommen, vorgetragen, moderiert oder protokolliert hat.', value: (r) => r.meetings.length },
  { name: 'attended', description: 'Kennungen der Sitzungen, bei denen sie in der Teilnehmerliste steht, durch `;` getrennt.', value: (r) => list(r.attended) },
  { name: 'presented', description: 'Sitzungen, bei denen sie einen Tagesordnungspunkt vorgetragen hat.', value: (r) => list(r.presented) },
  { name: 'moderated', description: 'Sitzungen, die sie moderiert hat.', value: (r) => list(r.moderated) },
  { name: 'minuted', description: 'Sitzungen, deren Protokoll sie geschrieben hat.', value: (r) => list(r.minuted) },
];

/** A committee or an organisation of the registries. */
export type OrganisationRow = { kind: 'gremium'; committee: Committee } | { kind: 'organisation'; organisation: Organisation };

/** Columns of `organisations.csv`: first the committees (Gremien), then the organisations named in protocols. */
export function organisationColumns(index: ArchiveIndex, site: URL | string): CsvColumn<OrganisationRow>[] {
  // Counted in one pass over the meetings (per row, it was quadratic in the archive, issue #24).
  const perCommittee = new Map<string, number>();
  for (const meeting of index.meetings) perCommittee.set(meeting.committee, (perCommittee.get(meeting.committee) ?? 0) + 1);
  // An organisation's meetings: named at an agenda item (`agenda[].organizations`) or represented (`memberships`).
  const perOrganisation = meetingsByOrganisation(index);
  const meetingsOf = (row: OrganisationRow) =>
    row.kind === 'gremium' ? (perCommittee.get(row.committee.id) ?? 0) : (perOrganisation.get(row.organisation.id)?.length ?? 0);
  return [
    { name: 'id', description: 'Kennung (`plenum`, `bmas`).', value: (r) => (r.kind === 'gremium' ? r.committee.id : r.organisation.id) },
    { name: 'type', description: '`gremium`: ein Gremium der OM, das Sitzungen abhält; `organisation`: eine in Protokollen genannte Organisation (Partner, Ministerium, Verband).', value: (r) => r.kind },
    { name: 'short_name', description: 'Kurzname oder Abkürzung („BMAS“); bei Gremien der Name.', value: (r) => (r.kind === 'gremium' ? r.committee.name : r.organisation.shortName) },
    { name: 'name', description: 'Voller Name.', value: (r) => (r.kind === 'gremium' ? r.committee.name : r.organisation.name) },
    { name: 'description', description: 'Was das Gremium ist und tut (nur Gremien).', value: (r) => (r.kind === 'gremium' ? r.committee.description : undefined) },
    { name: 'meetings', description: 'Gremium: Zahl seiner Sitzungen im Archiv; Organisation: Zahl der Sitzungen, in denen sie bei einem Tagesordnungspunkt oder als vertretene Organisation genannt ist.', value: meetingsOf },
    { name: 'url', description: 'Seite des Gremiums im Archiv (nur Gremien).', value: (r) => (r.kind === 'gremium' ? new URL(committeePath(r.committee.id), site).href : undefined) },
  ];
}

/** The fields of `archive.json`, for the dataset page (field path and meaning). */
export const archiveJsonFields: { field: string; description: string }[] = [
  { field: 'generatedAt', description: 'Zeitpunkt der Erzeugung (ISO 8601, UTC).' },
  { field: 'site', description: 'Basisadresse des Archivs.' },
  { field: 'publisher', description: 'Wer das Archiv herausgibt (Name des Betreibers); `null`, solange die OM das nicht festgelegt hat.' },
  { field: 'licence', description: 'Lizenz der Daten: `name` und `url` des Lizenztexts; `null`, solange die OM sie nicht festgelegt hat.' },
  { field: 'committees[]', description: 'Gremien: `id`, `name`, `description`, `url`.' },
  { field: 'organisations[]', description: 'In Protokollen genannte Organisationen: `id`, `shortName`, `name`.' },
  { field: 'people[]', description: 'Personen: `id`, `name` (mit Titel), `givenName`, `familyName`, `academicTitle`. Keine Kontaktdaten.' },
  { field: 'topics[]', description: 'Themen: `id`, `name`, `description`.' },
  { field: 'meetings[]', description: 'Sitzungen, neueste zuerst, mit denselben Angaben wie `meetings.csv` (Kennungen als Listen) und außerdem:' },
  { field: 'meetings[].agenda[]', description: 'Tagesordnung in Protokollreihenfolge: `number` (TOP-Nummer oder `null`), `title`, `details`, `time` (`09:10` oder `13:30–14:00`), `presenters` und `organizations` (Kennungen), `topics` (Themen-Kennungen).' },
  { field: 'meetings[].resolutions[]', description: 'Beschlüsse, Vereinbarungen, Wahlen, Entlastungen und Vertagungen wie in `resolutions.csv`: `id`, `kind`, `title`, `item`, `result`, `votes` (`yes`, `no`, `abstain`: Zahlen, wo gezählt, sonst `null`; `null`, wenn keine Abstimmung angegeben ist), `unanimous` (`true`, wenn „einstimmig“, sonst `false`), `text`, `url`.' },
  { field: 'meetings[].nextMeetings[]', description: 'Im Protokoll angekündigte Sitzungen: `date`, `start`, `end`, `committee`, `note` (Wortlaut der Ankündigung).' },
  { field: 'meetings[].memberships[]', description: 'Wer bei dieser Sitzung welche Organisation vertrat: `person`, `organization`, `role`.' },
  { field: 'meetings[].attachments[]', description: 'Anlagen, nach Nummer: `number` („3“ für „Anlage 3“), `title`, `item` (TOP-Nummer), `file` (Dateiname), `url` (nur wenn die Datei veröffentlicht ist), `status`: `published`, `withheld` (enthält Kontaktdaten oder ist nicht prüfbar) oder `missing` (Datei liegt nicht vor).' },
  { field: 'meetings[].source', description: 'Originaldatei: `file`, `sha256`, `url`.' },
  { field: 'meetings[].review', description: `Redaktionelle Prüfung: \`status\` (\`reviewed\` oder \`imported\`: ${UNREVIEWED_LABEL}), \`by\` und \`date\` der Prüfung, \`importer\` (Version des Importprogramms).` },
];

/** A meeting's attachments for `archive.json` (see `archiveJsonFields`). */
function attachmentEntries(index: ArchiveIndex, meeting: Meeting, url: (path: string) => string) {
  const files = index.attachmentFiles.get(meeting.id);
  return [...(meeting.attachments ?? [])]
    .sort((a, b) => compareAttachmentNumbers(a.number, b.number))
    .map((attachment) => {
      const file = attachment.file ? files?.get(attachment.file) : undefined;
      const status = !file ? 'missing' : file.publication === 'withheld' ? 'withheld' : 'published';
      return {
        number: attachment.number,
        title: maskContactData(attachment.title),
        item: attachment.item,
        file: attachment.file,
        url: status === 'published' ? url(attachmentPath(meeting.id, file!.name)) : undefined,
        status,
      };
    });
}

/** The whole archive as one JSON document (see `archiveJsonFields`). */
export function archiveJson(index: ArchiveIndex, site: URL | string, generatedAt: string, config: SiteConfig = siteConfig): Record<string, unknown> {
  const url = (path: string) => new URL(path, site).href;
  const mask = (text: string | undefined) => (text === undefined ? undefined : maskContactData(text));
  const byId = new Map(index.resolutions.map((r) => [r.id, r]));
  return {
    generatedAt,
    site: url('/'),
    // null (not left out) while undecided, so a reader sees the licence is open, not forgotten.
    publisher: config.operator.name,
    licence: config.dataLicence,
    committees: index.committees.map((c) => ({ id: c.id, name: c.name, description: c.description, url: url(committeePath(c.id)) })),
    organisations: [...index.registries.organisations.values()].map((o) => ({ id: o.id, shortName: o.shortName, name: o.name })),
    people: [...index.registries.people.values()].map((p) => ({ id: p.id, name: personLabel(p), givenName: p.givenName, familyName: p.familyName, academicTitle: p.academicTitle })),
    topics: [...(index.registries.topics?.values() ?? [])].map((t) => ({ id: t.id, name: t.name, description: t.description })),
    meetings: index.meetings.map((m) => ({
      id: m.id,
      url: url(meetingPath(m.id)),
      title: mask(m.title),
      committee: m.committee,
      number: m.number,
      date: m.date,
      start: m.start,
      end: m.end,
      format: m.format,
      location: mask(m.location),
      participantCount: m.participantCount,
      attendees: m.attendees,
      unnamedAttendees: m.unnamedAttendees,
      moderator: m.moderator,
      minutesBy: m.minutesBy,
      agenda: m.agenda.map((item) => ({
        number: item.number,
        title: mask(item.title),
        details: mask(item.details),
        time: item.time,
        presenters: item.presenters,
        organizations: item.organizations,
        topics: (item as { topics?: string[] }).topics ?? [],
      })),
      resolutions: (index.bodies.get(m.id)?.resolutions ?? []).map((r) => ({
        id: r.id,
        kind: r.kind,
        title: byId.get(r.id)?.title,
        item: r.item,
        result: mask(r.result),
        votes: r.vote && (r.vote.yes ?? r.vote.no ?? r.vote.abstain) !== undefined ? { yes: r.vote.yes ?? null, no: r.vote.no ?? null, abstain: r.vote.abstain ?? null } : null,
        unanimous: r.vote?.unanimous === true,
        text: maskContactData(r.text),
        url: url(resolutionPath(m.id, r.id)),
      })),
      nextMeetings: m.nextMeetings.map((next) => ({ ...next, note: mask(next.note) })),
      memberships: (m.memberships ?? []).map((ms) => ({ ...ms, role: mask(ms.role) })),
      attachments: attachmentEntries(index, m, url),
      source: { file: m.source.file, sha256: m.source.sha256, url: ((path) => path && url(path))(publishedSourcePath(index, m.source.file)) },
      review: reviewRecord(m),
    })),
  };
}

/** One downloadable file of the dataset. */
export interface DatasetFile {
  /** File name under `/daten/`. */
  file: string;
  /** German title for the page. */
  title: string;
  description: string;
  mediaType: string;
  /** Column (CSV) or field (JSON) documentation. */
  fields: { name: string; description: string }[];
  content: string;
  /** A CSV table's copy for German Excel (`excelCsv`: `;`, decimal comma), same columns: `meetings.excel.csv`. */
  excel?: { file: string; content: string };
}

/** The media type of every CSV file of the dataset. */
const csvMediaType = 'text/csv; charset=utf-8; header=present';

/**
 * The file name of a table's copy for German Excel.
 * @example excelFileName('meetings.csv') // => 'meetings.excel.csv'
 */
export function excelFileName(file: string): string {
  return file.replace(/\.csv$/, '.excel.csv');
}

/**
 * Every file served under `/daten/`: the dataset's files and the Excel copies of its tables.
 * @example datasetDownloads(datasetFiles(index, site, generatedAt)).map((f) => f.file) // => ['meetings.csv', 'meetings.excel.csv', …, 'archive.json']
 */
export function datasetDownloads(files: readonly DatasetFile[]): { file: string; content: string; mediaType: string }[] {
  return files.flatMap(({ file, content, mediaType, excel }) => [{ file, content, mediaType }, ...(excel ? [{ ...excel, mediaType: csvMediaType }] : [])]);
}

/**
 * All files of the dataset with their content and documentation; computed once per index, site and
 * `generatedAt` (the result is shared: do not change it).
 * @example datasetFiles(index, site, generatedAt).map((f) => f.file) // => ['meetings.csv', 'resolutions.csv', 'people.csv', 'organisations.csv', 'archive.json']
 */
export function datasetFiles(index: ArchiveIndex, site: URL | string, generatedAt: string): DatasetFile[] {
  let byStamp = datasets.get(index);
  if (!byStamp) datasets.set(index, (byStamp = new Map()));
  const key = `${String(site)}\u0000${generatedAt}`;
  let files = byStamp.get(key);
  if (!files) byStamp.set(key, (files = makeDatasetFiles(index, site, generatedAt)));
  return files;
}

/** `datasetFiles` per index, site and export time: the dataset page shows each file's size, the route serves it (issue #24). */
const datasets = new WeakMap<ArchiveIndex, Map<string, DatasetFile[]>>();

/** What `datasetFiles` returns, computed. */
function makeDatasetFiles(index: ArchiveIndex, site: URL | string, generatedAt: string): DatasetFile[] {
  const csv = <T>(file: string, title: string, description: string, columns: CsvColumn<T>[], rows: readonly T[]): DatasetFile => {
    const [content, excel] = toCsvFiles(columns, rows, [rfc4180Csv, excelCsv]);
    return {
      file,
      title,
      description,
      mediaType: csvMediaType,
      fields: columns.map(({ name, description: text }) => ({ name, description: text })),
      content,
      excel: { file: excelFileName(file), content: excel },
    };
  };
  const meetings = meetingColumns(index, site);
  const resolutions = resolutionColumns(index, site);
  const organisations = organisationColumns(index, site);
  const organisationRows: OrganisationRow[] = [
    ...index.committees.map((committee) => ({ kind: 'gremium' as const, committee })),
    ...[...index.registries.organisations.values()].map((organisation) => ({ kind: 'organisation' as const, organisation })),
  ];
  return [
    csv('meetings.csv', 'Sitzungen', 'Eine Zeile je Sitzung (Protokoll), neueste zuerst.', meetings, index.meetings),
    csv('resolutions.csv', 'Beschlüsse und Vereinbarungen', 'Eine Zeile je Beschluss oder Vereinbarung, neueste Sitzung zuerst, innerhalb einer Sitzung in Protokollreihenfolge.', resolutions, index.resolutions),
    csv('people.csv', 'Personen', 'Eine Zeile je Person, die in einem Protokoll genannt ist. Nur Namen und Sitzungen, keine Kontaktdaten.', personColumns, personRows(index)),
    csv('organisations.csv', 'Gremien und Organisationen', 'Die Gremien der OM und die in Protokollen genannten Organisationen.', organisations, organisationRows),
    {
      file: 'archive.json',
      title: 'Gesamtes Archiv (JSON)',
      description: 'Alle Sitzungen mit Tagesordnung, Beschlüssen und angekündigten Terminen sowie alle Register in einer Datei.',
      mediaType: 'application/json',
      fields: archiveJsonFields.map(({ field, description }) => ({ name: field, description })),
      content: `${JSON.stringify(archiveJson(index, site, generatedAt), null, 2)}\n`,
    },
  ];
}

/**
 * Splits a field description at its `code` spans, for the page to render them as `<code>`.
 * @example codeSpans('Datum, `2021-11-11`.') // => [{ text: 'Datum, ' }, { code: '2021-11-11' }, { text: '.' }]
 */
export function codeSpans(text: string): ({ text: string } | { code: string })[] {
  return text
    .split(/`([^`]+)`/)
    .map((part, i) => (i % 2 === 1 ? { code: part } : { text: part }))
    .filter((part) => ('code' in part ? true : part.text !== ''));
}
