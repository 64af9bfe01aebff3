/**
 * The importer pipeline for one protocol: bytes → text → reader (PDF text or
 * Word export) → header, agenda, body, resolutions, next meetings,
 * minute-taker → frontmatter + MDX body. Pure apart from the registry it
 * extends; `cli.ts` does the file writing.
 */
import { createHash } from 'node:crypto';
import { Document, isScalar, visit } from 'yaml';
import { z } from 'zod';
import { protocolSchema, type ProtocolData } from '../../src/lib/schema.ts';
import { addMembership, resolveAgendaItem, type MembershipOut } from './agenda.ts';
import { listAttachments } from './attachments.ts';
import { renderBody, type ResolutionOut } from './body.ts';
import { findDates, findTimes } from './dates.ts';
import { decodeSource } from './decode.ts';
import { ImportError } from './errors.ts';
import { findCommittee, readHeader } from './header.ts';
import { findMentions } from './mentions.ts';
import { parseOrganisationMention } from '../../src/lib/names.ts';
import type { BodyBlock, ReadProtocol, SourceLine } from './model.ts';
import { readPdfText } from './read-pdf.ts';
import { isWordExport, readWordExport } from './read-word.ts';
import type { Registry, RegistryNote } from './registry.ts';
import { markSubheadings } from './subheadings.ts';
import { suggestMatters, suggestTopics } from './topics.ts';

/** Version stamped into every MDX the importer writes. */
export const IMPORTER_VERSION = '1.0.0';

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
 * @throws ImportError for empty/binary input, or when no date or committee is found
 */
export function importProtocol(bytes: Uint8Array, file: string, sourceName: string, registry: Registry): ImportResult {
  const text = decodeSource(bytes, file);
  const read = readProtocol(text);
  const notes: RegistryNote[] = [];
  const warnings: string[] = [];
  const warn = (line: number, message: string) => warnings.push(`${file}:${line}: ${message}`);

  const header = readHeader(read.header, registry.committeeMatchers());
  const headerEnd = read.header.length ? read.header[read.header.length - 1].n : 1;
  if (!header.date) {
    throw new ImportError({ file, line: read.header[0]?.n ?? 1, problem: `no meeting date found in the header (lines 1–${headerEnd}).`, fix: 'the header must state the date, e.g. "11. November 2021" or "11.11.2021".' });
  }
  if (!header.committee) {
    throw new ImportError({ file, line: read.header[0]?.n ?? 1, problem: `no committee found in the title lines (lines 1–${headerEnd}).`, fix: 'name the committee in the title (e.g. "Protokoll des Strategiekreises"), or add its spelling to content/committees/<id>.yaml under aliases.' });
  }
  const committee = header.committee.isNew ? registry.addCommittee(header.committee.name) : header.committee.id;
  const meetingId = `${header.date.iso}-${committee}`;

  const attendees: string[] = [];
  for (const a of header.attendees) {
    const id = registry.resolvePerson(a.text, notes, a.line);
    if (id && !attendees.includes(id)) attendees.push(id);
  }
  const memberships: MembershipOut[] = [];
  /** Resolves a "Name (Org)" mention, registering both and the membership. */
  const resolveMention = (name: string, organisation: string | undefined, line: number): string | undefined => {
    const person = registry.resolvePerson(name, notes, line);
    const org = organisation ? registry.resolveOrganisation(organisation, notes, line) : undefined;
    if (person && org && organisation) addMembership(memberships, person, org, parseOrganisationMention(organisation).role);
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
  const minutesBy = findMinuteTaker(read, registry, notes, [...attendees, ...agenda.flatMap((a) => a.presenters), ...(moderator ? [moderator] : [])]);

  for (const n of notes) warn(n.line, n.text);
  for (const d of read.debris) warn(d.n, `page furniture "${d.text}" left out of the body.`);
  for (const u of header.unrecognised) warn(u.n, `header text "${u.text}" not understood; ${u.text.length > 3 ? 'kept as text before the first TOP' : 'kept in the MDX comment only'}.`);
  const numbered = new Set(read.sections.map((s) => s.number).filter(Boolean));
  for (const item of agenda) if (item.number && !numbered.has(item.number)) warn(read.agenda.find((a) => a.number === item.number)!.line, `agenda item ${item.number} ("${item.title}") has no section in the protocol text.`);

  const frontmatter = frontmatterSchema.parse({
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
    body,
    '',
  ].join('\n');
  return { meetingId, frontmatter, mdx, resolutions, warnings, matterSuggestions };
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
      const named = committees.filter((c) => findCommittee(text, [c]) !== null).map((c) => c.id);
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

const MINUTES = /^\*?\s*(?:Mitschrift|Protokoll(?:führung)?|Protokollant(?:in)?|Protokoll erstellt von)\s*:?\s+(.+?)\s*\*?$/;

/** The minute-taker from a closing "Mitschrift Oleg Cernavin" / "Mitschrift OC" line; initials resolved through the registry. */
function findMinuteTaker(read: ReadProtocol, registry: Registry, notes: RegistryNote[], among: string[]): string | undefined {
  const blocks = read.sections.flatMap((s) => s.blocks).slice(-3).reverse();
  for (const b of blocks) {
    const m = MINUTES.exec(b.text.trim());
    if (!m) continue;
    const who = m[1].replace(/[*_]/g, '').trim();
    if (/^\p{Lu}{2,3}$/u.test(who)) {
      const id = registry.personByInitials(who, among);
      if (!id) notes.push({ line: b.line, text: `minute-taker initials "${who}" match no single person. Fix: set minutesBy by hand.` });
      return id;
    }
    return registry.resolvePerson(who, notes, b.line);
  }
  return undefined;
}
