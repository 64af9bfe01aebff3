/**
 * Attendance step: the attendance list of a header ("Anwesend: …", "Teilnehmende: 30",
 * "Anwesend: 12 Personen vor Ort, 9 online") and an attendance table before the agenda.
 * Names stay raw mentions with their notes; `pipeline.ts` resolves them.
 */
import type { SourceLine } from '../model.ts';
import { splitPersonMentions } from '../../../src/lib/model/person-names.ts';
import { squash } from '../readers/text.ts';

/** What an attendance list adds to the header's facts (`HeaderFacts` has these fields). */
export interface AttendanceFacts {
  participantCount?: number;
  unnamedAttendees?: number;
  format?: 'online' | 'in-person' | 'hybrid';
  attendees: { text: string; note?: string; line: number }[];
}

/** An attendance list that is only a count: "30", "30 Personen", "23 stimmberechtigte Mitglieder (siehe Anwesenheitsliste)". */
const BARE_COUNT = /^(?:ca\.\s*|rund\s+|insgesamt\s+)?(\d+)(?:\s+[\p{L}-]+){0,3}(?:\s*\(.*\))?\.?$/u;
/** One part of a count by place: "12 Personen vor Ort", "9 online", "3 per Telefon". */
const COUNT_PART = /^(?:ca\.\s*|rund\s+)?(\d+)(?:\s+[\p{L}-]+){0,3}$/u;
/** A count by place online or on site, which together make a hybrid meeting. */
const ONLINE_PART = /(?<!\p{L})(?:online|Zoom|Video|virtuell|zugeschaltet)(?!\p{L})/iu;
const PRESENT_PART = /(?<!\p{L})(?:vor Ort|Präsenz|im Raum|im Saal)(?!\p{L})/iu;
const UNNAMED = /\bplus\s+(\d+)\s+weitere\b/i;

/**
 * Reads an attendance list (its lines, the label's line first) into attendee mentions and
 * counts. A list that is only a number is the participant count ("Teilnehmende: 30",
 * "Anwesend: 23 stimmberechtigte Mitglieder"). A comma-separated list is one text (names
 * wrap across lines); a list without commas has one entry per line ("Max Meier" /
 * "Max Maier"). "plus 11 weitere …" is the number of unnamed attendees; bullets are dropped;
 * a bracket or a spaced dash after a name is its note ("Vorsitzende", "IG BCE", "über Zoom").
 */
export function readAttendance(listLines: string[], line: number, facts: AttendanceFacts): void {
  const joined = squash(listLines.join(' '));
  const count = BARE_COUNT.exec(joined);
  if (count) {
    facts.participantCount ??= Number(count[1]);
    return;
  }
  // Counts by place: "12 Personen vor Ort, 9 online" is 21 participants, and a hybrid meeting.
  const parts = joined.split(/\s*[,;]\s*|\s+(?:und|sowie|plus)\s+/);
  if (parts.length > 1 && parts.every((p) => COUNT_PART.test(p))) {
    facts.participantCount ??= parts.reduce((sum, p) => sum + Number(COUNT_PART.exec(p)![1]), 0);
    if (parts.some((p) => ONLINE_PART.test(p)) && parts.some((p) => PRESENT_PART.test(p))) facts.format = 'hybrid';
    return;
  }
  let entries: string[];
  const commaList = listLines.some((l) => /[,;]/.test(l));
  if (commaList) {
    let names = joined;
    const unnamed = UNNAMED.exec(joined);
    if (unnamed) {
      facts.unnamedAttendees = Number(unnamed[1]);
      names = joined.slice(0, unnamed.index);
    }
    entries = splitPersonMentions(names);
  } else {
    entries = listLines.flatMap((l) => splitPersonMentions(l));
  }
  for (const entry of entries) {
    const text = entry.replace(/^[-–•*·]\s*/, '').trim();
    if (!text) continue;
    facts.attendees.push({ ...splitNote(text), line });
  }
}

/** The column head of presence in an attendance table ("anwesend", "anw.", "Anwesenheit"). */
const PRESENT_HEAD = /^(?:anwesend|anw\.?|anwesenheit|teilgenommen)$/i;

/**
 * An attendance table (Word export, tab-separated): a head row with a presence column
 * ("Gemeinderat | Fraktion | anwesend | entschuldigt"), then one row per person, the name
 * in the first column. A row is present when its presence cell holds anything ("ja", "x",
 * "✓"); rows with an empty presence cell (excused, absent) are not attendees. The table
 * ends at the first line without a tab. Empty when there is no such table.
 * @example readAttendanceTable([{ n: 1, text: 'Name\tanwesend' }, { n: 2, text: 'Erika Muster\tja' }]) // => [{ text: 'Erika Muster', line: 2 }]
 */
export function readAttendanceTable(lines: SourceLine[]): { text: string; note?: string; line: number }[] {
  const out: { text: string; note?: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = lines[i].text.split('\t').map((c) => c.trim());
    const col = head.findIndex((c) => PRESENT_HEAD.test(c));
    if (col <= 0 || head.length < 2) continue;
    for (let j = i + 1; j < lines.length && lines[j].text.includes('\t'); j++) {
      const cells = lines[j].text.split('\t').map((c) => c.trim());
      if (cells[0] && cells[col]) out.push({ ...splitNote(cells[0]), line: lines[j].n });
    }
    if (out.length) return out;
  }
  return out;
}

/**
 * A name and the note written after it in brackets or after a spaced dash.
 * @example splitNote('Gerlinde Hasenkamp (1. Vorsitzende)') // => { text: 'Gerlinde Hasenkamp', note: '1. Vorsitzende' }
 * @example splitNote('Hartmut Kühn – Bürgermeister') // => { text: 'Hartmut Kühn', note: 'Bürgermeister' }
 */
export function splitNote(entry: string): { text: string; note?: string } {
  const text = entry.trim();
  const bracket = /^(.*?)\s*,?\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/.exec(text);
  if (bracket && bracket[1]) return { text: bracket[1], note: bracket[2] };
  const dash = /^(.*?)\s+[-–—]\s+(.+)$/.exec(text);
  if (dash) return { text: dash[1], note: dash[2] };
  return { text };
}
