/**
 * Minute-taker step: who wrote the protocol. Sources in order: a closing "Mitschrift X"
 * line, a header label ("Protokoll: Max Muster (OM-Geschäftsstelle)", "Mitschrift: MM"),
 * an attendee noted as the minute-taker ("…, zugleich Protokollführerin"), the signature
 * block at the end. Initials are resolved among the meeting's people.
 */
import type { BodyBlock, ReadProtocol, RegistryLookup, RegistryNote, SourceLine } from '../model.ts';
import { plainBlock } from '../readers/text.ts';
import { splitNote } from './attendance.ts';

/** The minute-taker's role as written beside a name or under a signature. */
export const MINUTE_ROLE = /(?<!\p{L})(?:Protokollführer(?:in)?|Protokollführung|Protokollant(?:in)?|Schriftführer(?:in)?|Schriftführung)(?!\p{L})/u;

/** Initials standing for a person ("OC", "MM", "ABC"). */
const INITIALS = /^\p{Lu}{2,3}$/u;

/** A closing line naming the minute-taker: "Mitschrift Oleg Cernavin", "Protokoll: OC". */
const MINUTES = /^\*?\s*(?:Mitschrift|Protokoll(?:führung)?|Protokollant(?:in)?|Protokoll erstellt von)\s*:?\s+(.+?)\s*\*?$/;

/** A block that is only a link or mail address (furniture after the minute-taker's line). */
const LINK_ONLY = /^\S*(?:https?:\/\/|www\.|mailto:)\S*$/i;

/**
 * Where a minute-taker's name ends: a name ends with its line, and the reader may have
 * joined the next line ("Mitschrift Erika Beispiel mailto:…", "…, Bonn 12.03.2024").
 */
const NAME_END = /\s+(?:\S*(?:https?:\/\/|www\.|mailto:|@)|\(?\d)|\s*[,;|].*$/;

/** What the minute-taker step reads. */
export interface MinuteTakerInput {
  read: ReadProtocol;
  /** Every line of the decoded source, for the signature block. */
  lines: SourceLine[];
  /** The header's minute-taker label, if any (`HeaderFacts.minutesBy`). */
  label?: { text: string; line: number };
  /** Attendance entries with their notes, for "…, zugleich Protokollführerin". */
  listed: { text: string; note?: string; line: number }[];
  /** The meeting's people (attendees, presenters, moderator): initials are resolved among them first. */
  among: string[];
}

/**
 * The minute-taker's person id, or undefined when no source names one.
 * @example findMinutesBy({ read, lines, label: { text: 'MM', line: 4 }, listed: [], among: ['max-muster'] }, registry, notes) // => 'max-muster'
 */
export function findMinutesBy(input: MinuteTakerInput, registry: RegistryLookup, notes: RegistryNote[], fromLabel = labelMinuteTaker(input, registry, notes)): string | undefined {
  const noted = input.listed.find((a) => a.note && MINUTE_ROLE.test(a.note));
  // Initials on the label ("Mitschrift: MOR") are read now, among the meeting's people.
  const initials = input.label && INITIALS.test(labelName(input.label.text)) ? labelMinuteTaker(input, registry, notes, input.among) : undefined;
  return (
    closingMinuteTaker(input.read, registry, notes, input.among) ??
    fromLabel ??
    initials ??
    (noted ? registry.resolvePerson(noted.text, notes, noted.line) : undefined) ??
    signatureMinuteTaker(input.lines, registry, notes)
  );
}

/**
 * The person a header label names ("Protokollführerin: Ramona Tietböhl", "Protokoll: Paul",
 * "Protokoll: Max Muster (OM-Geschäftsstelle)", "Mitschrift: MM"): the name ends with its
 * line, at a comma or a bracket (a role or an organisation). Run before the attendance
 * list is resolved, so that "Paul" there is the same person; initials are resolved later,
 * among the attendees (`findMinutesBy`), and give undefined here.
 * One name word is enough (the label is the evidence of a person; `gate.ts` rule 3).
 */
export function labelMinuteTaker(input: Pick<MinuteTakerInput, 'label'>, registry: RegistryLookup, notes: RegistryNote[], among?: string[]): string | undefined {
  if (!input.label) return undefined;
  const { text, line } = input.label;
  const { note } = splitNote(text);
  const who = labelName(text);
  if (!who) return undefined;
  if (INITIALS.test(who)) return among ? byInitials(who, line, registry, notes, among) : undefined;
  if (!who.includes(' ')) return registry.resolvePerson(who, notes, line, true, true);
  const tried: RegistryNote[] = [];
  const withOrg = registry.resolvePersonWithOrganisation(who, note, tried, line);
  if (withOrg.person || !note) {
    notes.push(...tried);
    return withOrg.person;
  }
  // "(OM-Geschäftsstelle)" names no organisation the gate accepts: the label still names the person.
  return registry.resolvePerson(who, notes, line);
}

/** The name on a minute-taker label, without role, organisation or what the reader joined after it. */
function labelName(text: string): string {
  const { text: name } = splitNote(text);
  const cut = NAME_END.exec(name);
  return (cut ? name.slice(0, cut.index) : name).replace(/[*_\\]/g, '').trim();
}

function byInitials(initials: string, line: number, registry: RegistryLookup, notes: RegistryNote[], among: string[]): string | undefined {
  const id = registry.personByInitials(initials, among);
  if (!id) notes.push({ line, text: `minute-taker initials "${initials}" match no single person. Fix: set minutesBy by hand.` });
  return id;
}

/** The minute-taker from a closing "Mitschrift Oleg Cernavin" / "Mitschrift OC" line among the last three blocks. */
export function closingMinuteTaker(read: ReadProtocol, registry: RegistryLookup, notes: RegistryNote[], among: string[]): string | undefined {
  const blocks: BodyBlock[] = read.sections.flatMap((s) => s.blocks).filter((b) => !LINK_ONLY.test(b.text.replace(/\*\*|__/g, '').trim()) && !LINK_ONLY.test(plainBlock(b))).slice(-3).reverse();
  for (const b of blocks) {
    const m = MINUTES.exec(b.text.trim());
    if (!m) continue;
    const cut = NAME_END.exec(m[1]);
    const who = (cut ? m[1].slice(0, cut.index) : m[1]).replace(/[*_]/g, '').replace(/\\/g, '').trim();
    if (!who) continue;
    if (INITIALS.test(who)) return byInitials(who, b.line, registry, notes, among);
    return registry.resolvePerson(who, notes, b.line);
  }
  return undefined;
}

/**
 * The minute-taker from the signature block at the end: a name with the role beside it
 * ("gez. Ramona Tietböhl (Protokollführerin)", "gez. Elias Wucherer, Schriftführer", cells
 * of a tab row), or a row of names over a row of roles ("Reinhold Tepasse      Melanie
 * Terbrack" / "Vorsitzender       Schriftführerin"): the name in the role's column. Only
 * the last 20 non-blank lines are searched; "gez." is dropped.
 */
export function signatureMinuteTaker(lines: SourceLine[], registry: RegistryLookup, notes: RegistryNote[]): string | undefined {
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
