/**
 * The importer pipeline for one protocol: bytes → text → reader (PDF text or
 * Word export) → header, agenda, body, resolutions, next meetings,
 * minute-taker → frontmatter + MDX body. Pure apart from the registry it
 * extends; `cli.ts` does the file writing.
 */
import { createHash } from 'node:crypto';
import { Document, isScalar, visit } from 'yaml';
import { z } from 'zod';
import { protocolSchema, type ProtocolData } from '../../src/lib/model/schema.ts';
import { resolveAgendaItem, type MembershipOut } from './steps/agenda.ts';
import { listAttachments } from './steps/attachments.ts';
import { renderBody, type ResolutionOut } from './steps/body.ts';
import { findDates, findTimes } from './readers/dates.ts';
import { decodeSource } from './readers/decode.ts';
import { ImportError, LineError } from './errors.ts';
import { findCommittee, readAttendanceTable, readHeader, splitNote } from './steps/header.ts';
import { refusePerson } from './steps/gate.ts';
import { findMentions } from './steps/mentions.ts';
import { unpublishedLinks } from './steps/links.ts';
import { parseOrganisationMention } from '../../src/lib/model/organisation-names.ts';
import type { BodyBlock, ReadProtocol, SourceLine } from './model.ts';
import { readPdfText } from './readers/pdf-text.ts';
import { isWordExport, readWordExport } from './readers/word-export.ts';
import type { Registry, RegistryNote } from './registry/registry.ts';
import { markSubheadings } from './steps/subheadings.ts';
import { suggestMatters, suggestTopics } from './steps/topics.ts';

/** Version stamped into every MDX the importer writes. */
export const IMPORTER_VERSION = '1.1.0';

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

/** Plain text of a block (markdown emphasis removed), for recognising sentences. */
function plain(b: BodyBlock): string {
  return b.text.replace(/\*\*|__/g, '').trim();
}

/** Reads the decoded text with the reader its style needs. */
export function readProtocol(text: string): ReadProtocol {
  const lines: SourceLine[] = text.split('\n').map((t, i) => ({ n: i + 1, text: t }));
  return isWordExport(lines) ? readWordExport(lines) : readPdfText(lines);
}

/**
 * Imports one protocol.
 * @param bytes the source file's bytes
 * @param file path shown in messages ("../shared/protocols/001_….txt")
 * @param sourceName file name under `content/sources/`
 * @param text the protocol as text when a reader made it from a .docx/.pdf (`read-original.ts`); default: the decoded bytes
 * @throws ImportError for empty/binary input, or when no date or committee is found
 */
export function importProtocol(bytes: Uint8Array, file: string, sourceName: string, registry: Registry, text?: string): ImportResult {
  try {
    return importChecked(bytes, file, sourceName, registry, text ?? decodeSource(bytes, file));
  } catch (error) {
    // Steps that know the line but not the file throw LineError; the user sees file:line.
    if (error instanceof LineError) throw new ImportError({ file, line: error.line, problem: error.problem, fix: error.fix });
    throw error;
  }
}

function importChecked(bytes: Uint8Array, file: string, sourceName: string, registry: Registry, text: string): ImportResult {
  const read = readProtocol(text);
  const notes: RegistryNote[] = [];
  const warnings: string[] = [];
  const warn = (line: number, message: string) => warnings.push(`${file}:${line}: ${message}`);

  const header = readHeader(read.header, registry.committeeMatchers(), registry.isOrganisation);
  const headerEnd = read.header.length ? read.header[read.header.length - 1].n : 1;
  if (!header.date) {
    // Never a date from the text after the header: the meeting date is the header's or the import fails.
    throw new ImportError({ file, line: read.header[0]?.n ?? 1, problem: `no meeting date found in the header (lines ${read.header[0]?.n ?? 1}–${Math.min(headerEnd, header.dateWindowEnd)}); dates later in the text are not taken for the meeting date.`, fix: 'write the meeting date on the title line or the line after it, e.g. "11. November 2021", "11.11.2021" or "2021-11-11".' });
  }
  if (!header.committee) {
    throw new ImportError({ file, line: read.header[0]?.n ?? 1, problem: `no committee found in the title lines (lines 1–${headerEnd}).`, fix: 'name the committee in the title (e.g. "Protokoll des Strategiekreises"), or add its spelling to content/committees/<id>.yaml under aliases.' });
  }
  const committee = header.committee.isNew ? registry.addCommittee(header.committee.name, header.committee.line) : header.committee.id;
  const meetingId = `${header.date.iso}-${committee}`;

  // A Set keeps the protocol order and stays linear for long lists (12,000 names: issue #12).
  // The minute-taker of a header label first: "Protokoll: Paul" registers Paul, so that
  // "Paul" at the end of the attendance list before it resolves to the same person.
  const headerMinutes = header.minutesBy ? minuteTakerFromLabel(header.minutesBy.text, header.minutesBy.line, registry, notes) : undefined;
  const attendeeIds = new Set<string>();
  // No attendance list in the header: an attendance table before the agenda ("Name | … | anwesend").
  const lines: SourceLine[] = text.split('\n').map((t, i) => ({ n: i + 1, text: t }));
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
      for (const m of findMentions(plain(block), registry.isOrganisation)) resolveMention(m.name, m.organisation, block.line);
    }
  }

  // People listed by name alone ("Die neuen Kolleginnen stellen sich vor: • Eda Beispiel • Erika Muster").
  for (const section of read.sections) {
    for (const { name, line } of listedNames(section.blocks)) registry.resolvePerson(name, notes, line);
  }

  // Topics from keywords in each item's title and protocol text; matters from similar titles.
  const sectionText = new Map(read.sections.map((s) => [s.number, s.blocks.map(plain).join('\n')]));
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
  const nextMeetings = findNextMeetings(read, committee, registry, header.date.iso, warn);
  // Sources in order: a closing "Mitschrift X" line, a header label, an attendee noted as the
  // minute-taker ("…, zugleich Protokollführerin"), the signature block at the end.
  const noted = listed.find((a) => a.note && MINUTE_ROLE.test(a.note));
  const minutesBy =
    findMinuteTaker(read, registry, notes, [...attendees, ...agenda.flatMap((a) => a.presenters), ...(moderator ? [moderator] : [])]) ??
    headerMinutes ??
    (noted ? registry.resolvePerson(noted.text, notes, noted.line) : undefined) ??
    signatureMinuteTaker(lines, registry, notes);

  for (const n of notes) warn(n.line, n.text);
  for (const d of read.debris) warn(d.n, `page furniture "${d.text}" left out of the body.`);
  for (const link of unpublishedLinks(text)) warn(link.line, link.message);
  for (const u of header.unrecognised) warn(u.n, `header text "${u.text}" not understood; ${u.text.length > 3 ? 'kept as text before the first TOP' : 'kept in the MDX comment only'}.`);
  const numbered = new Set(read.sections.map((s) => s.number).filter(Boolean));
  for (const item of agenda) if (item.number && !numbered.has(item.number)) warn(read.agenda.find((a) => a.number === item.number)!.line, `agenda item ${item.number} ("${item.title}") has no section in the protocol text.`);

  const frontmatter = checkedFrontmatter(file, read, {
    title: header.title,
    committee,
    ...(header.number !== undefined && { number: header.number }),
    date: header.date.iso,
    ...(header.start && { start: header.start }),
    ...(header.end && { end: header.end }),
    ...(header.format && { format: header.format }),
    ...(header.location && { location: header.location }),
    ...((header.participantCount ?? (attendees.length ? attendees.length + (header.unnamedAttendees ?? 0) : undefined)) !== undefined && {
      participantCount: header.participantCount ?? attendees.length + (header.unnamedAttendees ?? 0),
    }),
    attendees,
    ...(header.unnamedAttendees !== undefined && { unnamedAttendees: header.unnamedAttendees }),
    ...(moderator && { moderator }),
    ...(minutesBy && { minutesBy }),
    agenda,
    nextMeetings,
    memberships,
    attachments: listAttachments(read.sections, (n) => agenda.find((a) => a.number === n)?.title),
    source: { file: sourceName, sha256: createHash('sha256').update(bytes).digest('hex') },
    review: { status: 'imported', importer: IMPORTER_VERSION },
  });

  const reviewText = [...read.header, ...read.agendaLines].map((l) => l.text.trimEnd()).join('\n').trim();
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

/** Bullet glyphs a list item may start with, also doubled ("- • Eda Kaminski"). */
const BULLET = /^(?:[-–•*·▪◦]\s*)+/;

/**
 * Names listed on their own: the items of a list introduced by a line ending in ":"
 * ("… stellen sich vor:"), in separate bullets or inline ("vor: • Eda Beispiel • Erika
 * Muster"), when every item is a personal name (`refusePerson`, two to four words).
 * One item that is no name makes it a list of things, and nothing is taken from it.
 */
function listedNames(blocks: BodyBlock[]): { name: string; line: number }[] {
  const out: { name: string; line: number }[] = [];
  const isName = (t: string) => refusePerson(t) === null && t.split(' ').length >= 2 && t.split(' ').length <= 4 && !/^(?:Hr\.|Herrn?|Fr\.|Frau)\s/.test(t);
  const take = (items: { name: string; line: number }[]) => {
    if (items.length && items.every((i) => isName(i.name))) out.push(...items);
  };
  for (let i = 0; i < blocks.length; i++) {
    const text = plain(blocks[i]);
    const colon = text.lastIndexOf(':');
    if (colon < 0) continue;
    const after = text.slice(colon + 1).trim();
    if (after) {
      if (/^[•·▪]/.test(after)) take(after.split(/\s*[•·▪]\s*/).filter(Boolean).map((name) => ({ name: name.trim(), line: blocks[i].line })));
      continue;
    }
    const items: { name: string; line: number }[] = [];
    for (let j = i + 1; j < blocks.length; j++) {
      const b = blocks[j];
      const t = plain(b);
      if (b.kind !== 'bullet' && b.kind !== 'subbullet' && !BULLET.test(t)) break;
      for (const name of t.replace(BULLET, '').split(/\s*[•·▪]\s*/)) if (name.trim()) items.push({ name: name.trim(), line: b.line });
    }
    take(items);
  }
  return out;
}

const NEXT = /(?<!\p{L})(nächste[nrsm]?|übernächste[nrsm]?|kommende[nrsm]?)(?!\p{L})/iu;

/**
 * Announced meetings: a sentence with "nächste(s)/übernächste" naming a
 * committee, with dates in it or in the bullets after it. The meeting's own
 * committee wins when several are named ("nächste Plenum des Strategiekreises").
 * A date before the meeting is kept and reported.
 */
function findNextMeetings(read: ReadProtocol, own: string, registry: Registry, meetingDate: string, warn: (line: number, m: string) => void): ProtocolData['nextMeetings'] {
  const out: ProtocolData['nextMeetings'] = [];
  const committees = registry.committeeMatchers();
  for (const section of read.sections) {
    const blocks = section.blocks;
    for (let i = 0; i < blocks.length; i++) {
      const text = plain(blocks[i]);
      if (!NEXT.test(text)) continue;
      // "Plenum der Evangelischen Jugend" is another body's plenum, not an announced meeting of ours.
      const named = committees.filter((c) => findCommittee(text, [c], registry.isOrganisation)?.isNew === false).map((c) => c.id);
      if (named.length === 0) continue;
      const committee = named.includes(own) ? own : named[0];
      const candidates: BodyBlock[] = findDates(text).length ? [blocks[i]] : [];
      if (!candidates.length && text.endsWith(':')) for (let j = i + 1; j < blocks.length && blocks[j].kind !== 'paragraph'; j++) candidates.push(blocks[j]);
      for (const c of candidates) {
        const t = plain(c);
        for (const d of findDates(t)) {
          const times = findTimes(t.slice(d.index + d.text.length));
          out.push({
            date: d.iso,
            ...(times[0] && { start: times[0].start }),
            ...(times[0]?.end && { end: times[0].end }),
            committee,
            note: t.replace(/\*+/g, ''),
          });
          if (d.iso < meetingDate) warn(c.line, `announced meeting on ${d.iso} is dated before this meeting (${meetingDate}); kept as written. Fix: check the date in the protocol.`);
        }
      }
    }
  }
  return out;
}

/** The minute-taker's role as written beside a name or under a signature. */
const MINUTE_ROLE = /(?<!\p{L})(?:Protokollführer(?:in)?|Protokollführung|Protokollant(?:in)?|Schriftführer(?:in)?|Schriftführung)(?!\p{L})/u;

/**
 * The person a minute-taker label names ("Protokollführerin: Ramona Tietböhl", "Protokoll:
 * Paul", "Schriftführer: Sven Pöhlmann (Kämmerei)"): the name ends with its line, at a
 * comma or a bracket (a role or organisation: "Sven Pöhlmann (Kämmerei)" is Sven Pöhlmann).
 * One name word is enough here (the label is the evidence of a person; `gate.ts` rule 3).
 */
function minuteTakerFromLabel(text: string, line: number, registry: Registry, notes: RegistryNote[]): string | undefined {
  const { text: name, note } = splitNote(text);
  const cut = NAME_END.exec(name);
  const who = (cut ? name.slice(0, cut.index) : name).replace(/[*_\\]/g, '').trim();
  if (!who) return undefined;
  if (!who.includes(' ')) return registry.resolvePerson(who, notes, line, true, true);
  return registry.resolvePersonWithOrganisation(who, note, notes, line).person;
}

/**
 * The minute-taker from the signature block at the end: a name with the role beside it
 * ("gez. Ramona Tietböhl (Protokollführerin)", "gez. Elias Wucherer, Schriftführer", cells
 * of a tab row), or a row of names over a row of roles ("Reinhold Tepasse      Melanie
 * Terbrack" / "Vorsitzender       Schriftführerin"): the name in the role's column. Only
 * the last 20 non-blank lines are searched; "gez." is dropped.
 */
function signatureMinuteTaker(lines: SourceLine[], registry: Registry, notes: RegistryNote[]): string | undefined {
  const tail = lines.filter((l) => l.text.trim()).slice(-20);
  // Cells: runs of words with at most two spaces between them (linear; a tab or three spaces part them).
  const cellsOf = (t: string) => [...t.matchAll(/[^\t ]+(?: {1,2}[^\t ]+)*/g)].map((m) => ({ text: m[0], at: m.index }));
  const clean = (t: string) => t.replace(/^gez\.\s*/i, '').trim();
  for (let i = tail.length - 1; i >= 0; i--) {
    const cells = cellsOf(tail[i].text);
    const roleCell = cells.findIndex((c) => MINUTE_ROLE.test(c.text));
    if (roleCell < 0) continue;
    const cell = cells[roleCell].text;
    const beside = /^(?:gez\.\s*)?(.+?)\s*(?:,\s*|\(\s*)(?:zugleich\s+)?(?:Protokollführer|Protokollführung|Protokollant|Schriftführer|Schriftführung)/u.exec(cell);
    if (beside) return registry.resolvePerson(clean(beside[1]), notes, tail[i].n);
    // The role alone: the name stands above it, in the same column.
    if (!new RegExp(`^${MINUTE_ROLE.source}$`, 'u').test(cell) || i === 0) continue;
    const above = cellsOf(tail[i - 1].text);
    if (!above.length) continue;
    const target = cells[roleCell].at;
    const byColumn = above.length === cells.length ? above[roleCell] : above.reduce((a, b) => (Math.abs(b.at - target) < Math.abs(a.at - target) ? b : a));
    const who = clean(byColumn.text);
    if (who) return registry.resolvePerson(who, notes, tail[i - 1].n);
  }
  return undefined;
}

const MINUTES = /^\*?\s*(?:Mitschrift|Protokoll(?:führung)?|Protokollant(?:in)?|Protokoll erstellt von)\s*:?\s+(.+?)\s*\*?$/;

/** A block that is only a link or mail address (furniture after the minute-taker's line). */
const LINK_ONLY = /^\S*(?:https?:\/\/|www\.|mailto:)\S*$/i;

/**
 * Where a minute-taker's name ends: a name ends with its line, and the reader may have
 * joined the next line ("Mitschrift Erika Beispiel mailto:…", "…, Bonn 12.03.2024").
 */
const NAME_END = /\s+(?:\S*(?:https?:\/\/|www\.|mailto:|@)|\(?\d)|\s*[,;|].*$/;

/** The minute-taker from a closing "Mitschrift Oleg Cernavin" / "Mitschrift OC" line; initials resolved through the registry. */
function findMinuteTaker(read: ReadProtocol, registry: Registry, notes: RegistryNote[], among: string[]): string | undefined {
  const blocks = read.sections.flatMap((s) => s.blocks).filter((b) => !LINK_ONLY.test(plain(b))).slice(-3).reverse();
  for (const b of blocks) {
    const m = MINUTES.exec(b.text.trim());
    if (!m) continue;
    const cut = NAME_END.exec(m[1]);
    const who = (cut ? m[1].slice(0, cut.index) : m[1]).replace(/[*_]/g, '').replace(/\\/g, '').trim();
    if (!who) continue;
    if (/^\p{Lu}{2,3}$/u.test(who)) {
      const id = registry.personByInitials(who, among);
      if (!id) notes.push({ line: b.line, text: `minute-taker initials "${who}" match no single person. Fix: set minutesBy by hand.` });
      return id;
    }
    return registry.resolvePerson(who, notes, b.line);
  }
  return undefined;
}
