/**
 * The importer pipeline for one protocol: the order of the steps. Bytes → text →
 * front matter → reader (PDF text or Word export) → header, opening sentence, committee
 * and date → attendance, agenda, mentions, listed names, topics → body and resolutions →
 * next meetings and appointments → minute-taker → frontmatter + MDX. Each step is its own
 * file under `steps/`; this file holds no reading rule. Pure apart from the registry it
 * extends; `cli.ts` does the file writing.
 */
import { createHash } from 'node:crypto';
import { Document, isScalar, visit } from 'yaml';
import { z } from 'zod';
import { protocolSchema, type ProtocolData } from '../../src/lib/model/schema.ts';
import { resolveAgendaItem, type MembershipOut } from './steps/agenda.ts';
import { listAttachments } from './steps/attachments.ts';
import { renderBody, type ResolutionOut } from './steps/body.ts';
import { decodeSource } from './readers/decode.ts';
import { ImportError, LineError } from './errors.ts';
import { readAttendanceTable } from './steps/attendance.ts';
import { readHeader, type HeaderFacts } from './steps/header.ts';
import { readFrontMatter } from './steps/front-matter.ts';
import { listedNames } from './steps/listed-names.ts';
import { chooseCommittee, chooseDate, type MeetingOptions } from './steps/meeting-committee.ts';
import { findMinutesBy, labelMinuteTaker } from './steps/minute-taker.ts';
import { findNextMeetings } from './steps/next-meetings.ts';
import { readOpeningSentence, type OpeningSentence } from './steps/opening-sentence.ts';
import { findMentions } from './steps/mentions.ts';
import { unpublishedLinks } from './steps/links.ts';
import { parseOrganisationMention } from '../../src/lib/model/organisation-names.ts';
import type { BodyBlock, ReadProtocol, SourceLine } from './model.ts';
import { readPdfText } from './readers/pdf-text.ts';
import type { SourceKind } from './readers/sniff.ts';
import { plainBlock } from './readers/text.ts';
import { isWordExport, readWordExport } from './readers/word-export.ts';
import type { Registry, RegistryNote } from './registry/registry.ts';
import { markSubheadings } from './steps/subheadings.ts';
import { suggestMatters, suggestTopics } from './steps/topics.ts';

/** Version stamped into every MDX the importer writes. */
export const IMPORTER_VERSION = '1.2.0';

/** The outcome of importing one protocol. */
export interface ImportResult {
  meetingId: string;
  frontmatter: ProtocolData;
  /** The complete MDX file text. */
  mdx: string;
  resolutions: ResolutionOut[];
  /** `file:line: …` warnings for the reviewer (contradictions, ambiguous names, dropped page furniture). */
  warnings: string[];
  /** Existing matters an agenda item may belong to, for the reviewer ("TOP 6: zusatzqualifikation-ki"). */
  matterSuggestions: { agendaItem: string; matters: string[] }[];
}

const frontmatterSchema = protocolSchema(() => z.string().min(1));

/**
 * Reads the decoded text (or its source lines, numbered as in the file) with the reader its
 * style needs; the text a reader made of a .docx or .pdf (`kind`) is always in the
 * Word-export form (`read-original.ts`), never PDF-extracted text.
 */
export function readProtocol(text: string | SourceLine[], kind: SourceKind = 'text'): ReadProtocol {
  const lines: SourceLine[] = typeof text === 'string' ? text.split('\n').map((t, i) => ({ n: i + 1, text: t })) : text;
  return kind !== 'text' || isWordExport(lines) ? readWordExport(lines) : readPdfText(lines);
}

/** What the importer is told beside the file (`cli.ts` flags), and what it asks of the target. */
export interface ImportOptions extends MeetingOptions {
  /** The kind of file the text was read from (`readOriginal(…).kind`); default: text. */
  kind?: SourceKind;
  /**
   * The source file an existing meeting id holds (`protocols/<id>.mdx`), undefined when the
   * id is free: a second meeting of a committee on the same day gets `<date>-<committee>-2`.
   */
  meetingSource?: (meetingId: string) => string | undefined;
}

/**
 * Imports one protocol.
 * @param bytes the source file's bytes
 * @param file path shown in messages ("../shared/protocols/001_….txt")
 * @param sourceName file name under `content/sources/`
 * @param text the protocol as text when a reader made it from a .docx/.pdf (`read-original.ts`); default: the decoded bytes
 * @param options `--committee`, `--committee-name`, `--date`, and the lookup of meeting ids already taken
 * @throws ImportError for empty/binary input, or when no date or committee is found
 */
export function importProtocol(bytes: Uint8Array, file: string, sourceName: string, registry: Registry, text?: string, options: ImportOptions = {}): ImportResult {
  try {
    return importChecked(bytes, file, sourceName, registry, text ?? decodeSource(bytes, file), options);
  } catch (error) {
    // Steps that know the line but not the file throw LineError; the user sees file:line.
    if (error instanceof LineError) throw new ImportError({ file, line: error.line, problem: error.problem, fix: error.fix });
    throw error;
  }
}

function importChecked(bytes: Uint8Array, file: string, sourceName: string, registry: Registry, text: string, options: ImportOptions): ImportResult {
  const lines: SourceLine[] = text.split('\n').map((t, i) => ({ n: i + 1, text: t }));
  // A Jekyll/Hugo/Astro front matter is header, not text: its keys become header lines, its lines stay in the review comment.
  const front = readFrontMatter(lines);
  // The readers see the text after it, its lines numbered as in the file.
  const read = readProtocol(front ? lines.slice(front.lines[front.lines.length - 1].n) : lines, options.kind);
  const notes: RegistryNote[] = [];
  const warnings: string[] = [];
  const warn = (line: number, message: string) => warnings.push(`${file}:${line}: ${message}`);

  const headerLines = [...(front?.header ?? []), ...read.header];
  const header = readHeader(headerLines, registry.committeeMatchers(), registry.isOrganisation);
  const first = headerLines.find((l) => l.text.trim())?.n ?? 1;
  const headerEnd = headerLines.length ? headerLines[headerLines.length - 1].n : 1;
  const opening = openingSentence(header, read);
  const date = chooseDate(header, opening, options, warn);
  if (!date) {
    // Never a date from the text after the header: the meeting date is the header's or the import fails.
    throw new ImportError({ file, line: first, problem: `no meeting date found in the header (lines ${first}–${Math.min(headerEnd, header.dateWindowEnd)}) or the opening sentence; dates later in the text are not taken for the meeting date.`, fix: 'write the meeting date on the title line or the line after it, e.g. "11. November 2021", "11.11.2021" or "2021-11-11", or run the import again with --date YYYY-MM-DD.' });
  }
  const chosen = chooseCommittee(header, opening, options, registry.committeeMatchers(), registry.isOrganisation, first, headerEnd, front?.committee);
  const committee = chosen.isNew ? registry.addCommittee(chosen.name, chosen.line, chosen.id) : chosen.id;
  const meetingId = freeMeetingId(`${date}-${committee}`, sourceName, options.meetingSource);
  if (meetingId !== `${date}-${committee}`) warn(header.date?.line ?? first, `${date}-${committee} holds another protocol of the same day; this meeting is ${meetingId}. Fix: if it is the same meeting, import it with the other file's name.`);

  // A Set keeps the protocol order and stays linear for long lists (12,000 names: issue #12).
  // The minute-taker of a header label first: "Protokoll: Paul" registers Paul, so that
  // "Paul" at the end of the attendance list before it resolves to the same person.
  const headerMinutes = labelMinuteTaker({ label: header.minutesBy }, registry, notes);
  const attendeeIds = new Set<string>();
  // No attendance list in the header: an attendance table before the agenda ("Name | … | anwesend").
  const agendaAt = lines.findIndex((l) => /^\s*(?:#+\s*)?(?:Tagesordnung|TOP\b)/i.test(l.text));
  const listed = header.attendees.length ? header.attendees : readAttendanceTable(agendaAt >= 0 ? lines.slice(0, agendaAt) : []);
  for (const a of listed) {
    const id = registry.resolvePersonWithOrganisation(a.text, a.note, notes, a.line, true).person;
    if (id) attendeeIds.add(id);
  }
  const attendees = [...attendeeIds];
  const memberships: MembershipOut[] = [];
  const membershipsSeen = new Set<string>();
  /** Resolves a "Name (Org)" mention, registering both and the membership. */
  const resolveMention = (name: string, organisation: string | undefined, line: number): string | undefined => {
    const { person, organisation: org } = registry.resolvePersonWithOrganisation(name, organisation, notes, line);
    if (person && org && organisation) {
      // Pairs already listed (also by the agenda step) are looked up in a Set:
      // addMembership scans the list, quadratic for thousands of mentions (issue #12).
      if (memberships.length !== membershipsSeen.size) for (const m of memberships) membershipsSeen.add(`${m.person} ${m.organization}`);
      const key = `${person} ${org}`;
      if (!membershipsSeen.has(key)) {
        const role = parseOrganisationMention(organisation).role;
        memberships.push({ person, organization: org, ...(role && { role }) });
        membershipsSeen.add(key);
      }
    }
    return person;
  };
  let moderator: string | undefined;
  if (header.moderator) {
    const mention = findMentions(header.moderator.text, registry.isOrganisation)[0];
    moderator = resolveMention(mention?.name ?? header.moderator.text, mention?.organisation, header.moderator.line);
  }
  const agenda = read.agenda.map((raw) => resolveAgendaItem(raw, registry, notes, memberships));

  // People named with their organisation anywhere in the body join the registries.
  for (const section of read.sections) {
    for (const block of section.blocks) {
      for (const m of findMentions(plainBlock(block), registry.isOrganisation)) resolveMention(m.name, m.organisation, block.line);
    }
  }

  // People listed by name alone ("Die neuen Kolleginnen stellen sich vor: • Eda Beispiel • Erika Muster").
  for (const section of read.sections) {
    for (const { name, line } of listedNames(section.blocks)) registry.resolvePerson(name, notes, line);
  }

  // Topics from keywords in each item's title and protocol text; matters from similar titles.
  const sectionText = new Map(read.sections.map((s) => [s.number, s.blocks.map(plainBlock).join('\n')]));
  const matterRefs = [...registry.matters].map(([id, m]) => ({ id, title: m.title, itemTitles: [] as string[] }));
  const matterSuggestions: ImportResult['matterSuggestions'] = [];
  for (const item of agenda) {
    if (item.number === null) continue;
    const title = `${item.title} ${item.details ?? ''}`;
    item.topics = suggestTopics(title, sectionText.get(item.number) ?? '', registry.topics);
    const listed = (id: string) => registry.matters.get(id)!.consultations.some((c) => c.meeting === meetingId && c.agendaItem === item.number);
    const matters = suggestMatters(title, matterRefs).filter((id) => !listed(id));
    if (matters.length) matterSuggestions.push({ agendaItem: item.number, matters });
  }

  // Header text no rule understood is protocol text all the same: it goes before the
  // first TOP (a stray letter or two stays in the review comment only).
  const stray = header.unrecognised.filter((u) => u.text.length > 3);
  if (stray.length) {
    const blocks: BodyBlock[] = stray.map((u) => ({ kind: 'paragraph', text: u.text, line: u.n }));
    if (read.sections[0]?.number === null) read.sections[0].blocks.unshift(...blocks);
    else read.sections.unshift({ number: null, title: '', line: stray[0].n, blocks });
  }
  markSubheadings(read.sections, new Map(agenda.filter((a) => a.number).map((a) => [a.number!, `${a.title} ${a.details ?? ''}`])));
  const { body, resolutions } = renderBody(read.sections, meetingId);
  const { nextMeetings, appointments } = findNextMeetings(read.sections, lines, { own: committee, meetingDate: date, committees: registry.committeeMatchers(), isOrganisation: registry.isOrganisation, warn });
  const among = [...attendees, ...agenda.flatMap((a) => a.presenters), ...(moderator ? [moderator] : [])];
  const minutesBy = findMinutesBy({ read, lines, label: header.minutesBy, listed, among }, registry, notes, headerMinutes);

  for (const n of notes) warn(n.line, n.text);
  for (const d of read.debris) warn(d.n, `page furniture "${d.text}" left out of the body.`);
  for (const link of unpublishedLinks(text)) warn(link.line, link.message);
  for (const u of header.unrecognised) warn(u.n, `header text "${u.text}" not understood; ${u.text.length > 3 ? 'kept as text before the first TOP' : 'kept in the MDX comment only'}.`);
  for (const k of front?.ignored ?? []) warn(k.line, `front matter key "${k.key}" not imported; kept in the MDX comment only.`);
  const numbered = new Set(read.sections.map((s) => s.number).filter(Boolean));
  for (const item of agenda) if (item.number && !numbered.has(item.number)) warn(read.agenda.find((a) => a.number === item.number)!.line, `agenda item ${item.number} ("${item.title}") has no section in the protocol text.`);

  const participantCount = header.participantCount ?? (attendees.length ? attendees.length + (header.unnamedAttendees ?? 0) : undefined);
  const frontmatter = checkedFrontmatter(file, read, {
    title: header.title ?? `${registry.committees.get(committee)?.name ?? committee} – Sitzung`,
    committee,
    ...(header.number !== undefined && { number: header.number }),
    date,
    ...(header.start && { start: header.start }),
    ...(header.end && { end: header.end }),
    ...(header.format && { format: header.format }),
    ...(header.location && { location: header.location }),
    ...(participantCount !== undefined && { participantCount }),
    attendees,
    ...(header.unnamedAttendees !== undefined && { unnamedAttendees: header.unnamedAttendees }),
    ...(moderator && { moderator }),
    ...(minutesBy && { minutesBy }),
    agenda,
    nextMeetings,
    ...(appointments.length && { appointments }),
    memberships,
    attachments: listAttachments(read.sections, (n) => agenda.find((a) => a.number === n)?.title),
    source: { file: sourceName, sha256: createHash('sha256').update(bytes).digest('hex') },
    review: { status: 'imported', importer: IMPORTER_VERSION },
  });

  const reviewText = [...(front?.lines ?? []), ...read.header, ...read.agendaLines].map((l) => l.text.trimEnd()).join('\n').trim();
  const mdx = [
    '---',
    frontmatterYaml(frontmatter),
    '---',
    '',
    comment(`Importiert mit om-import ${IMPORTER_VERSION} aus content/sources/${sourceName}. Von Hand geänderte Dateien überschreibt der Import nur mit --force.`),
    '',
    comment(`Kopf und Tagesordnung des Originals, zur Prüfung (auf der Website aus dem Frontmatter dargestellt):\n${reviewText}`),
    '',
    // Page furniture left out of the body stays in the file for the reviewer: nothing is dropped unseen.
    ...(read.debris.length ? [comment(`Als Seitenelemente aus dem Text genommen (Seitenzahlen, Link-Anmerkungen), zur Prüfung:\n${read.debris.map((d) => `Zeile ${d.n}: ${d.text.trim()}`).join('\n')}`), ''] : []),
    body,
    '',
  ].join('\n');
  return { meetingId, frontmatter, mdx, resolutions, warnings, matterSuggestions };
}

/**
 * The opening sentence, where the header leaves the date or the body open: the first
 * header line kept as a sentence, else the first paragraph of the text before the first TOP.
 */
function openingSentence(header: HeaderFacts, read: ReadProtocol): OpeningSentence | null {
  if (header.date && header.committee && !header.committee.bare) return null;
  // Header lines kept as text, consecutive ones as one paragraph (a sentence wraps).
  const paragraphs: SourceLine[][] = [];
  for (const u of header.unrecognised) {
    const last = paragraphs[paragraphs.length - 1];
    if (last && u.n === last[last.length - 1].n + 1) last.push(u);
    else paragraphs.push([u]);
  }
  for (const p of paragraphs) {
    const found = readOpeningSentence(p);
    if (found) return found;
  }
  const preamble = read.sections[0]?.number === null ? read.sections[0].blocks.find((b) => b.kind === 'paragraph') : undefined;
  return preamble ? readOpeningSentence([{ n: preamble.line, text: plainBlock(preamble) }]) : null;
}

/**
 * `base`, or `base-2`, `base-3`, … when `base` holds another source's protocol: a second
 * meeting of a committee on one day never takes the first one's id (nor, with --force,
 * its file and its resolutions' permanent ids).
 * @example freeMeetingId('2024-05-14-vorstand', 'b.txt', (id) => (id === '2024-05-14-vorstand' ? 'a.txt' : undefined)) // => '2024-05-14-vorstand-2'
 */
export function freeMeetingId(base: string, sourceName: string, meetingSource?: (id: string) => string | undefined): string {
  if (!meetingSource) return base;
  for (let k = 1; ; k++) {
    const id = k === 1 ? base : `${base}-${k}`;
    const held = meetingSource(id);
    if (held === undefined || held === sourceName) return id;
  }
}

/**
 * The frontmatter through the site's schema; a field the site would reject becomes an
 * ImportError at the source line the field came from (an agenda field: that agenda
 * entry's line; anything else: the header), never a raw ZodError dump.
 */
function checkedFrontmatter(file: string, read: ReadProtocol, data: Record<string, unknown>): ProtocolData {
  const parsed = frontmatterSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const [field, index, sub] = issue.path;
  const agendaLine = field === 'agenda' && typeof index === 'number' ? read.agenda[index]?.line : undefined;
  const line = agendaLine ?? read.header[0]?.n ?? 1;
  const where = field === 'agenda' && typeof index === 'number' ? `agenda item ${index + 1}${sub ? ` (${String(sub)})` : ''}` : issue.path.join('.');
  const empty = issue.code === 'too_small' && 'minimum' in issue && issue.minimum === 1;
  throw new ImportError({
    file,
    line,
    problem: empty ? `${where} is empty.` : `${where}: ${issue.message}.`,
    fix: field === 'agenda' ? 'give every agenda entry a title (or remove the empty row).' : 'correct this line of the protocol so the value can be read.',
  });
}

/**
 * Frontmatter as YAML. Strings made of digits and separators are quoted: YAML 1.1
 * parsers read an unquoted `11:00` as the number 660 (base-60), and an all-digit
 * hash would become a number.
 */
export function frontmatterYaml(data: ProtocolData): string {
  const doc = new Document(data);
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && typeof node.value === 'string' && /^[\d:.–-]+$|^[0-9a-f]{64}$/.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0 }).trimEnd();
}

/** An MDX comment whose text cannot end it early or open an expression. */
function comment(text: string): string {
  return `{/*\n${text.replace(/\*\//g, '* /').replace(/[{}]/g, (c) => (c === '{' ? '(' : ')'))}\n*/}`;
}

