/**
 * Header step: reads the lines before the agenda — title, committee, number,
 * date, times, format, place, participant counts, attendance list, moderation.
 * Names stay raw strings here; `pipeline.ts` resolves them against the registries.
 */
import { findDates, findTimes } from './dates.ts';
import type { SourceLine } from './model.ts';
import { squash } from './text.ts';

/** A committee as the importer matches it: id plus every spelling (name, aliases). */
export interface CommitteeMatcher {
  id: string;
  name: string;
  spellings: string[];
}

/** What the header states. Every field is optional except what `pipeline.ts` requires (date, committee). */
export interface HeaderFacts {
  title?: string;
  committee?: { id: string; name: string; isNew: boolean; line: number };
  number?: number;
  date?: { iso: string; line: number };
  start?: string;
  end?: string;
  format?: 'online' | 'in-person' | 'hybrid';
  location?: string;
  participantCount?: number;
  unnamedAttendees?: number;
  /** Raw attendee mentions in list order. */
  attendees: { text: string; line: number }[];
  moderator?: { text: string; line: number };
  /** Header text no rule understood; kept in the MDX comment and reported. */
  unrecognised: SourceLine[];
}

/** Generic committee shapes that need no registry entry: "AG Transfer", "Arbeitsgruppe Qualitätssicherung". */
const GENERIC_COMMITTEE = /\b(AG|Arbeitsgruppe|Arbeitskreis|Fachgruppe)\s+([A-ZÄÖÜ][\p{L}-]+)/u;

/**
 * Finds the first committee named in `text`: a registry spelling (longest
 * first, word-bounded), else a generic "AG X" shape (reported as new).
 * @example findCommittee('5. Treffen des Strategiekreises', registry) // => { id: 'strategiekreis', … }
 */
export function findCommittee(text: string, committees: CommitteeMatcher[]): { id: string; name: string; isNew: boolean; index: number } | null {
  let best: { id: string; name: string; isNew: boolean; index: number; length: number } | null = null;
  for (const c of committees) {
    for (const s of c.spellings) {
      const m = new RegExp(`(?<![\\p{L}])${escapeRe(s)}(?![\\p{L}])`, 'u').exec(text);
      if (m && (!best || m.index < best.index || (m.index === best.index && s.length > best.length))) {
        best = { id: c.id, name: c.name, isNew: false, index: m.index, length: s.length };
      }
    }
  }
  if (best) return best;
  const g = GENERIC_COMMITTEE.exec(text);
  if (!g) return null;
  const name = `${g[1] === 'Arbeitsgruppe' ? 'AG' : g[1]} ${g[2]}`;
  return { id: '', name, isNew: true, index: g.index };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ONLINE = /\b(Videokonferenz|Online-?(?:Sitzung|Treffen|Konferenz)?|online|virtuell|Webex|Zoom|Teams-Sitzung)\b/;
const HYBRID = /\bhybrid\b/i;
const PRESENCE = /\b(Präsenz|vor Ort)\b/;
const COUNT = /(\d+)\s*[- ]?\s*(?:Teilnehmende|Teilnehmerinnen|Teilnehmer|Personen|Anwesende)\b/;
const UNNAMED = /\bplus\s+(\d+)\s+weitere\b/i;
const ATTENDANCE = /^\s*(Teilnehmer(?:innen)?(?:\s+und\s+Teilnehmer)?|Teilnehmende|Anwesend|Anwesende)\s*:\s*(.*)$/i;
const MODERATION = /^\s*Moderation\s*:\s*(.+)$/i;

/** Reads the header lines. */
export function readHeader(lines: SourceLine[], committees: CommitteeMatcher[]): HeaderFacts {
  const facts: HeaderFacts = { attendees: [], unrecognised: [] };
  const titleParts: string[] = [];
  let dateLine: number | undefined;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const text = squash(line.text.replace(/^[#*\s]+|[*\s]+$/g, ''));
    i++;
    if (!text) continue;

    const attendance = ATTENDANCE.exec(text);
    if (attendance) {
      // The list runs until a blank line; names wrap across lines ("Volker \n Jödecke").
      let list = attendance[2];
      const first = line.n;
      while (i < lines.length && lines[i].text.trim()) list += ` ${lines[i++].text.trim()}`;
      readAttendance(squash(list), first, facts);
      continue;
    }
    const moderation = MODERATION.exec(text);
    if (moderation) {
      facts.moderator = { text: moderation[1].trim(), line: line.n };
      continue;
    }

    const hasDate = findDates(text).length > 0;
    if (!facts.date && !hasDate) {
      // Lines before the date are title lines.
      const committee = findCommittee(text, committees);
      if (committee && !facts.committee) facts.committee = { id: committee.id, name: committee.name, isNew: committee.isNew, line: line.n };
      // "5. Treffen des …", "25. Plenum der …": a number before a meeting word or a committee's name.
      const meetingWords = ['Treffen', 'Sitzung', 'Tagung', 'Versammlung', ...committees.flatMap((c) => c.spellings)].map(escapeRe).join('|');
      const number = new RegExp(`(?<![\\d.])(\\d{1,3})\\.\\s*(?:${meetingWords})(?![\\p{L}])`, 'u').exec(text);
      if (number) facts.number = Number(number[1]);
      if (committee || number || /\bProtokoll\b/i.test(text)) titleParts.push(text);
      else facts.unrecognised.push({ n: line.n, text });
      continue;
    }
    // The date line and the lines after it: comma-separated parts, each a date,
    // a time, a format word, a count, or (on the date line and the next) the place.
    if (hasDate && !facts.date) dateLine = line.n;
    for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
      if (!readFactPart(part, facts, line.n)) {
        if (part.length > 2 && dateLine !== undefined && line.n - dateLine <= 1 && !facts.location) facts.location = part;
        else facts.unrecognised.push({ n: line.n, text: part });
      }
    }
  }
  if (facts.location && !facts.format) facts.format = 'in-person';
  facts.title = makeTitle(titleParts, facts);
  return facts;
}

/** Reads one comma-separated header part into `facts`; false when it states nothing known. */
function readFactPart(part: string, facts: HeaderFacts, line: number): boolean {
  let understood = false;
  const dates = findDates(part);
  if (dates.length && !facts.date) {
    facts.date = { iso: dates[0].iso, line };
    understood = true;
  }
  const times = findTimes(part);
  if (times.length && !facts.start) {
    facts.start = times[0].start;
    facts.end = times[0].end ?? times[1]?.start;
    understood = true;
  }
  const count = COUNT.exec(part);
  if (count && facts.participantCount === undefined) {
    facts.participantCount = Number(count[1]);
    understood = true;
  }
  if (HYBRID.test(part)) facts.format = 'hybrid';
  else if (ONLINE.test(part)) facts.format ??= 'online';
  else if (PRESENCE.test(part)) facts.format ??= 'in-person';
  return understood || ONLINE.test(part) || HYBRID.test(part) || PRESENCE.test(part) || dates.length > 0;
}

/** Splits "A, B, C plus 11 weitere Personen …" into attendee mentions and the unnamed count. */
function readAttendance(list: string, line: number, facts: HeaderFacts): void {
  const unnamed = UNNAMED.exec(list);
  let names = list;
  if (unnamed) {
    facts.unnamedAttendees = Number(unnamed[1]);
    names = list.slice(0, unnamed.index);
  }
  for (const part of names.split(/,|;|\bsowie\b|\bund\b/)) {
    const name = part.trim();
    if (name) facts.attendees.push({ text: name, line });
  }
}

/** Title from the title lines without the word "Protokoll"; falls back to "<Gremium> – Sitzung". */
function makeTitle(parts: string[], facts: HeaderFacts): string | undefined {
  const cleaned = parts
    .map((p) => p.replace(/^Protokoll(?:\s+(?:des|der|zum|zur|über\s+das|über\s+die))?\s*/i, '').replace(/\s*[-–]\s*Protokoll\s*$/i, '').trim())
    .filter(Boolean)
    .join(' – ');
  if (cleaned && facts.committee && cleaned !== facts.committee.name) return cleaned;
  return facts.committee ? `${facts.committee.name} – Sitzung` : cleaned || undefined;
}
