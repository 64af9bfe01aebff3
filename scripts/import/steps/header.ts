/**
 * Header step: reads the lines before the agenda — title, committee, number,
 * date, times, format, place, participant counts, attendance list, moderation.
 * Attendance lists are read by `attendance.ts`. Names stay raw strings here; `pipeline.ts`
 * resolves them against the registries.
 */
import { findDates, findTimes } from '../readers/dates.ts';
import type { CommitteeMatcher, SourceLine } from '../model.ts';
import { readAttendance } from './attendance.ts';
import { isOrganisationName } from './gate.ts';
import { joinWrappedLines } from '../readers/blocks.ts';
import { stripTags } from '../readers/html.ts';
import { squash } from '../readers/text.ts';
import { cleanCommitteeName } from './committee-name.ts';

export type { CommitteeMatcher } from '../model.ts';

/** What the header states. Every field is optional except what `pipeline.ts` requires (date, committee). */
export interface HeaderFacts {
  title?: string;
  committee?: { id: string; name: string; isNew: boolean; line: number; bare?: boolean };
  number?: number;
  date?: { iso: string; line: number };
  start?: string;
  end?: string;
  format?: 'online' | 'in-person' | 'hybrid';
  location?: string;
  participantCount?: number;
  unnamedAttendees?: number;
  /** Raw attendee mentions in list order: the name, and what stood in brackets or after a spaced dash ("Vorsitzende", "IG BCE"). */
  attendees: { text: string; note?: string; line: number }[];
  moderator?: { text: string; line: number };
  /** A "Protokoll: Name" / "Protokollführer: Name" / "Schriftführerin: Name" header line. */
  minutesBy?: { text: string; line: number };
  /** Last line where the meeting date may stand (`DATE_WINDOW`); named in the error when there is none. */
  dateWindowEnd: number;
  /** Header text no rule understood; kept in the MDX comment and reported. */
  unrecognised: SourceLine[];
}

/** Generic committee shapes that need no registry entry: "AG Transfer", "Arbeitsgruppe Qualitätssicherung". */
const GENERIC_COMMITTEE = /\b(AG|Arbeitsgruppe|Arbeitskreis|Fachgruppe)\s+([A-ZÄÖÜ][\p{L}-]+)/u;

/**
 * Bodies of other organisations, named by what they are ("Mitgliederversammlung",
 * "Fachschaftsrat", "Gemeindevertretung", "Bauausschuss", "Ausschuss für Umwelt"); the
 * name runs on with a genitive or a name ("des Fördervereins Freibad e. V.",
 * "Oberhollern") up to a date, a comma or a bracket. Always a new committee for review.
 */
const BODY_WORD =
  /(?<![\p{L}])((?:\p{Lu}[\p{Ll}-]*)?(?:[Mm]itgliederversammlung|[Hh]auptversammlung|[Vv]ersammlung|[Vv]orstandssitzung|[Vv]orstand|[Ff]achschaftsrat|[Gg]emeindevertretung|[Gg]emeinderat|[Ss]tadtrat|[Oo]rtsbeirat|[Ee]lternbeirat|[Bb]eirat|[Bb]etriebsrat|[Ss]tiftungsrat|[Kk]irchengemeinderat|[Aa]ufsichtsrat|[Kk]uratorium|[Pp]räsidium|[Kk]reistag|[Ss]tudierendenrat|[Ff]akultätsrat|[Aa]usschuss|FSR|StuRa))(es|s)?(?![\p{L}])/u;

/** What may follow a body word as its name: "des Fördervereins X", "für Umwelt und Klimaschutz", "Oberhollern". */
const BODY_NAME = /^\s+((?:(?:der|des|für)\s+)?(?:[\p{Lu}\d„"][\p{L}\d„“".&-]*|e\.\s?V\.|und|am|an|der|des|im|zu|für|-)(?:\s+(?:[\p{Lu}\d„"][\p{L}\d„“".&-]*|e\.\s?V\.|und|am|an|der|des|im|zu|für|-))*)/u;

/** "der Offensive Mittelstand (OM)" after a committee spelling: the genitive body, if any. */
const GENITIVE = /^\s+(?:der|des)\s+([^,(–]+?(?:\s*\([^)]*\))?)(?=\s+(?:vom|am|den|in|im|ist|sind|findet|finden|tagt|wird)\s|\s*[,–]|\s+\d|$)/u;

/**
 * Finds the first committee named in `text`: a registry spelling (longest
 * first, word-bounded), else a generic "AG X" shape or a body of another
 * organisation ("Fachschaftsrat Geoökologie"), reported as new. A registry
 * spelling followed by a genitive that is no registered organisation names another
 * body's committee ("Plenum der Evangelischen Jugend Ostkreis"): new, not the OM's Plenum.
 * @example findCommittee('5. Treffen des Strategiekreises', registry) // => { id: 'strategiekreis', … }
 */
export function findCommittee(
  text: string,
  committees: CommitteeMatcher[],
  isOrganisation: (s: string) => boolean = () => true,
): { id: string; name: string; isNew: boolean; index: number; bare?: boolean } | null {
  let best: { id: string; name: string; isNew: boolean; index: number; length: number } | null = null;
  for (const c of committees) {
    for (const s of c.spellings) {
      const m = new RegExp(`(?<![\\p{L}])${escapeRe(s)}(?![\\p{L}])`, 'u').exec(text);
      if (m && (!best || m.index < best.index || (m.index === best.index && s.length > best.length))) {
        best = { id: c.id, name: c.name, isNew: false, index: m.index, length: s.length };
      }
    }
  }
  if (best) {
    const genitive = GENITIVE.exec(text.slice(best.index + best.length));
    if (genitive) {
      const body = genitive[1].trim();
      const known = isOrganisation(body) || isOrganisation(body.replace(/\s*\([^)]*\)$/, '')) || isOrganisation(body.match(/\(([^)]*)\)$/)?.[1] ?? '');
      // Named by the registry's spelling of the kind ("Plenum", not the genitive "Plenums" as written).
      if (!known) return { id: '', name: squash(`${best.name} ${genitive[0].trim()}`), isNew: true, index: best.index };
    }
    return best;
  }
  const g = GENERIC_COMMITTEE.exec(text);
  const b = BODY_WORD.exec(text);
  if (g && (!b || g.index <= b.index)) return { id: '', name: `${g[1] === 'Arbeitsgruppe' ? 'AG' : g[1]} ${g[2]}`, isNew: true, index: g.index };
  if (!b) return null;
  const rest = BODY_NAME.exec(text.slice(b.index + b[0].length));
  // The genitive ending goes ("des Gemeinderates Oberhollern" -> "Gemeinderat Oberhollern"), except for words that end so ("Rates" stays rare).
  const word = /(?:rat|ausschuss|beirat|vorstand|kreistag|kuratorium|präsidium)$/i.test(b[1]) ? b[1] : b[0];
  const name = squash(`${word}${rest ? ` ${rest[1]}` : ''}`).replace(/\s+(?:und|am|an|der|des|im|zu|für|-)$/, '');
  // Bare: the kind of body alone, also once a year or number is taken off ("Mitgliederversammlung 2021").
  return { id: '', name: name.charAt(0).toUpperCase() + name.slice(1), isNew: true, index: b.index, bare: !rest || !/\s/.test(cleanCommitteeName(name)) };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ONLINE = /\b(Videokonferenz|Online-?(?:Sitzung|Treffen|Konferenz)?|online|virtuell|Webex|Zoom|Teams-Sitzung)\b/;
const HYBRID = /\bhybrid\b/i;
const PRESENCE = /\b(Präsenz|vor Ort)\b/;
const PLACE_WORD = /\b(?:Raum|Saal|Sitzungssaal|Sitzungszimmer|Präsenz|vor Ort)\b/;
/** A weekday alone ("Montag" in "Montag, 7. November 2016, …"): part of the date, never the place. */
const WEEKDAY = /^(?:am\s+)?(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)$/i;
const COUNT = /(\d+)\s*[- ]?\s*(?:Teilnehmende|Teilnehmerinnen|Teilnehmer|Personen|Anwesende)\b/;
/** "Teilnehmerzahl: 42", "Anzahl der Teilnehmenden: 42". */
const COUNT_LABEL = /^\s*(?:Teilnehmer(?:innen)?zahl|Teilnehmendenzahl|Anzahl\s+(?:der\s+)?(?:Teilnehmenden|Teilnehmer(?:innen)?|Anwesenden))\s*:\s*(\d+)\b/i;
const ATTENDANCE = /^\s*(Teilnehmer(?:innen)?(?:\s+und\s+Teilnehmer)?|Teilnehmende|Anwesend|Anwesende|Anwesende\s+[\p{L}-]*mitglieder|Gäste)\s*:\s*(.*)$/iu;
const MODERATION = /^\s*(?:Moderation|Sitzungsleitung|Versammlungsleitung|Redeleitung|Leitung|Vorsitz)\s*:\s*(.+)$/i;
/** "Protokoll:", "Protokollführerin:", "Schriftführer(in):", "Protokollführer/in:", "Schriftführung:", "Protokoll erstellt von". */
export const MINUTES_LABEL = /^\s*(?:(?:Protokoll|Protokollführung|Protokollführer(?:\(in\)|\/in|in)?|Protokollant(?:\(in\)|\/in|in)?|Schriftführer(?:\(in\)|\/in|in)?|Schriftführung|Mitschrift)\s*:|Protokoll erstellt von|Protokoll geführt von|Protokoll führte)\s*(.+)$/i;
/**
 * A label line ends an attendance list: a line opening with one to three words and a
 * colon ("Protokoll:", "Schriftführer(in):", "Entschuldigt:", "Gäste:", "b) nicht stimmberechtigt:"),
 * "Tagesordnung", or a TOP.
 */
const LABEL_LINE = /^\s*(?:[*#]+\s*)?(?:[a-z]\)\s*)?(?:\p{L}[\p{L}.-]*(?:\(in\)|\/in)?)(?:\s+[\p{L}.–-]+){0,3}\s*:(?:\s|$)|^\s*(?:Tagesordnung|TOP\b|Top\s+\d)/iu;
/** Labels that end a grouped attendance list: the next header fact, not a group of attendees. */
const STOP_LABEL = /^\s*(?:Entschuldigt|Abwesend|Nicht anwesend|Es fehlt|Es fehlen|Protokoll|Schriftführ|Mitschrift|Moderation|Redeleitung|Sitzungsleitung|Versammlungsleitung|Tagesordnung|TOP\b|Gäste|Gast|Beginn|Ende|Ort|Datum|Zeit|Sitzungstag|Sitzungsort)/i;
/** A group inside an attendance list: "a) stimmberechtigt:", "Verwaltung: …". */
const GROUP_LABEL = /^\s*(?:[a-z]\)\s*)?[\p{L}.-]+(?:\s+[\p{L}.-]+){0,2}\s*:/u;
/** Header facts written as "Label: value": date, time, place. */
const FACT_LABEL = /^\s*(Datum|Sitzungstag|Sitzungsdatum|Tag|Zeit|Uhrzeit|Beginn|Ende|Schluss|Ort|Sitzungsort|Tagungsort)\s*:\s*(.+)$/i;
/**
 * The meeting date stands in the first lines of a protocol (title, date line, place):
 * only the first `DATE_WINDOW` non-blank header lines are searched, so that a date in
 * the text after a header without one never becomes the meeting date.
 */
const DATE_WINDOW = 8;
/** A header line that is a sentence: read its facts, but keep it whole as text. */
const SENTENCE = /(?:[.!?]$|\b(?:sich|wird|werden|wurde|wurden|ist|sind|hat|haben|versammelten|fand|findet)\b)/;

/**
 * Reads the header lines. Title lines (before the date, or the part of a line before its
 * date: "Protokoll der Mitgliederversammlung vom 14. August 2017") name the committee and
 * number; the date line and the lines after it are comma-separated facts; label lines
 * ("Anwesend:", "Moderation:", "Protokoll:") are read by label. Text no rule understood
 * is returned in `unrecognised`, whole lines where a line is a sentence or has parts no
 * rule understood, so that nothing is lost when the pipeline keeps it as text.
 */
export function readHeader(source: SourceLine[], committees: CommitteeMatcher[], isOrganisation: (s: string) => boolean = () => true): HeaderFacts {
  const lines = joinHyphenatedLines(source);
  const facts: HeaderFacts = { attendees: [], unrecognised: [], dateWindowEnd: lines[0]?.n ?? 1 };
  const titleParts: string[] = [];
  let dateLine: number | undefined;
  let seen = 0;
  let i = 0;
  const readTitle = (text: string, n: number) => {
    const committee = findCommittee(text, committees, isOrganisation);
    if (committee && !facts.committee) facts.committee = { id: committee.id, name: committee.name, isNew: committee.isNew, line: n, ...(committee.bare && { bare: true }) };
    // "5. Treffen des …", "25. Plenum der …": a number before a meeting word or a committee's name.
    const meetingWords = ['Treffen', 'Sitzung', 'Tagung', 'Versammlung', '(?:\\p{L}+\\s+)?Sitzung', ...committees.flatMap((c) => c.spellings.map(escapeRe))].join('|');
    const number = new RegExp(`(?<![\\d.])(\\d{1,3})\\.\\s*(?:${meetingWords})(?![\\p{L}])`, 'u').exec(text);
    if (number && facts.number === undefined) facts.number = Number(number[1]);
    return Boolean(committee || number || /\b(?:Protokoll|Niederschrift)\b/i.test(text));
  };
  while (i < lines.length) {
    const line = lines[i];
    const text = squash(decoded(line.text).replace(/^[#*\s]+|[*\s]+$/g, ''));
    i++;
    if (!text) continue;
    seen++;
    if (seen <= DATE_WINDOW) facts.dateWindowEnd = line.n;
    const mayDate = seen <= DATE_WINDOW;

    const countLabel = COUNT_LABEL.exec(text);
    if (countLabel) {
      facts.participantCount ??= Number(countLabel[1]);
      continue;
    }
    const attendance = ATTENDANCE.exec(text);
    if (attendance) {
      // The list runs until a blank line or the next label line; names wrap across lines
      // ("Volker \n Jödecke") when the list is comma-separated, else each line is one entry.
      // "Anwesend:" alone opens groups ("a) stimmberechtigt:", "Ausschussmitglieder: …") that
      // run on across blank lines until a label that is no group ("Entschuldigt:", "Protokoll:").
      const grouped = attendance[2].trim() === '';
      const groups: { line: number; lines: string[] }[] = [{ line: line.n, lines: [attendance[2]] }];
      while (i < lines.length) {
        const t = squash(lines[i].text.replace(/^[#*\s]+|[*\s]+$/g, ''));
        if (!t) {
          const next = lines.slice(i).find((l) => l.text.trim());
          if (grouped && next && GROUP_LABEL.test(next.text.trim())) {
            i++;
            continue;
          }
          break;
        }
        if (LABEL_LINE.test(t)) {
          // "Schriftführung: Melanie Terbrack" among the groups of "Anwesend:": present, and the minute-taker.
          const minutes = grouped ? MINUTES_LABEL.exec(t) : null;
          if (minutes && !/^\s*Protokoll\s*:\s*$/i.test(t)) {
            facts.minutesBy ??= { text: minutes[1].trim(), line: lines[i].n };
            groups.push({ line: lines[i].n, lines: [minutes[1].trim()] });
            i++;
            continue;
          }
          if (!grouped || STOP_LABEL.test(t)) break;
          groups.push({ line: lines[i].n, lines: [t.slice(t.indexOf(':') + 1).trim()] });
          i++;
          continue;
        }
        groups[groups.length - 1].lines.push(t);
        i++;
      }
      for (const g of groups) readAttendance(g.lines, g.line, facts);
      continue;
    }
    const label = FACT_LABEL.exec(text);
    if (label && readFactLabel(label[1], label[2], line.n, facts, seen <= DATE_WINDOW)) continue;
    const moderation = MODERATION.exec(text);
    if (moderation) {
      facts.moderator ??= { text: moderation[1].trim(), line: line.n };
      continue;
    }
    const minutes = MINUTES_LABEL.exec(text);
    if (minutes && !/^\s*Protokoll\s*:\s*$/i.test(text)) {
      facts.minutesBy ??= { text: minutes[1].trim(), line: line.n };
      continue;
    }

    const dates = mayDate ? findDates(text) : [];
    const hasDate = dates.length > 0;
    // A title after a labelled date ("Datum: …" of a front matter, then "# Mitgliederversammlung des …").
    if (facts.date && !facts.committee && !hasDate && !COUNT.test(text) && findCommittee(text, committees, isOrganisation) && readTitle(text, line.n)) {
      titleParts.push(text);
      continue;
    }
    if (!facts.date && !hasDate) {
      // Lines before the date are title lines, except a count ("42 Teilnehmende").
      if (COUNT.test(text) && !findCommittee(text, committees, isOrganisation)) {
        if (!readFactPart(text, facts, line.n)) facts.unrecognised.push({ n: line.n, text });
      } else if (readTitle(text, line.n)) titleParts.push(text);
      else facts.unrecognised.push({ n: line.n, text });
      continue;
    }
    if (hasDate && !facts.date) {
      // A title before the date on the same line: "Protokoll der Mitgliederversammlung vom 14. August 2017".
      const before = text.slice(0, dates[0].index).replace(/[\s,]*(?:\b(?:vom|am|den|vom\s+\p{L}+,?\s*den))?[\s,:]*$/u, '').trim();
      if (before && !facts.committee && readTitle(before, line.n)) titleParts.push(before);
      dateLine = line.n;
    }
    readFactLine(text, line.n, dateLine, facts, mayDate);
  }
  // "Kleingartenverein Am Sonnenwinkel e. V." / "Protokoll der Mitgliederversammlung …": a body
  // named by its kind alone belongs to the organisation on a line next to its title line (not
  // a label line); a letterhead's first cell counts too ("Stadt Hallerbeck      Der Bürgermeister").
  // Read there as the place, it is the body's name instead.
  const c = facts.committee;
  if (c?.isNew && c.bare) {
    const near = lines.filter((l) => l.n !== c.line && Math.abs(l.n - c.line) <= 3 && !LABEL_LINE.test(l.text));
    const org = near.flatMap((l) => [squash(decoded(l.text)), ...l.text.split(/\t| {3,}/).map(squash)]).find((t) => isOrganisationName(t));
    if (org) {
      c.name = `${c.name} ${org}`;
      delete c.bare;
      if (facts.location === org) delete facts.location;
    }
  }
  if (facts.location && !facts.format) facts.format = 'in-person';
  facts.title = makeTitle(titleParts, facts);
  return facts;
}

/**
 * The date line and the lines after it: comma-separated parts, each a date, a time, a
 * format word, a count, or (on the date line and the next) the place. A sentence
 * ("Es versammelten sich heute, am 5. Mai 2018, im Gemeindehaus …"), or a line with a
 * part no rule understood, is kept whole as text: cutting it at commas would lose words.
 */
function readFactLine(text: string, n: number, dateLine: number | undefined, facts: HeaderFacts, mayDate: boolean): void {
  const sentence = SENTENCE.test(text) && text.split(' ').length >= 6;
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  let keepWhole = sentence;
  let location: string | undefined;
  const short: SourceLine[] = [];
  for (const part of parts) {
    if (readFactPart(part, facts, n, mayDate)) continue;
    if (!sentence && part.length > 2 && dateLine !== undefined && n - dateLine <= 1 && !facts.location && !location && !/^\p{Ll}/u.test(part)) location = part;
    else if (part.length > 3) keepWhole = true;
    else short.push({ n, text: part });
  }
  if (location) facts.location = location;
  if (keepWhole) facts.unrecognised.push({ n, text });
  else facts.unrecognised.push(...short);
}

/**
 * Reads a "Label: value" header line ("Datum: 07.11.2022", "Beginn: 19:00 Uhr   Ende: 21:35 Uhr",
 * "Ort: Vereinsheim, Lindenweg 4"). The place is the whole value, commas and all.
 * False when the value states nothing the label promises (the line is then read as any other).
 */
function readFactLabel(label: string, value: string, n: number, facts: HeaderFacts, mayDate: boolean): boolean {
  const kind = label.toLowerCase();
  if (kind.includes('ort')) {
    facts.location ??= value.trim();
    if (HYBRID.test(value)) facts.format = 'hybrid';
    else if (ONLINE.test(value)) facts.format ??= 'online';
    return true;
  }
  if (kind === 'ende' || kind === 'schluss') {
    const times = findTimes(value.replace(/(\d{1,2})\.(\d{2})\s*Uhr/, '$1:$2 Uhr'));
    if (!times.length) return false;
    facts.end ??= times[0].end ?? times[0].start;
    return true;
  }
  if (kind === 'beginn' || kind === 'zeit' || kind === 'uhrzeit') {
    const times = findTimes(value.replace(/(\d{1,2})\.(\d{2})\s*Uhr/g, '$1:$2 Uhr'));
    if (!times.length) return false;
    facts.start ??= times[0].start;
    facts.end ??= times[0].end ?? times[1]?.start;
    return true;
  }
  const dates = mayDate ? findDates(value) : [];
  if (!dates.length) return false;
  facts.date ??= { iso: dates[0].iso, line: n };
  return readFactPart(value, facts, n, mayDate) || true;
}

/** Reads one comma-separated header part into `facts`; false when it states nothing known. */
function readFactPart(part: string, facts: HeaderFacts, line: number, mayDate = true): boolean {
  let understood = false;
  const dates = mayDate ? findDates(part) : [];
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
  // "Raum C 2.14 und über Zoom": a room and a video link is a hybrid meeting.
  if (HYBRID.test(part) || (ONLINE.test(part) && PLACE_WORD.test(part))) facts.format = 'hybrid';
  else if (ONLINE.test(part)) facts.format ??= 'online';
  else if (PRESENCE.test(part)) facts.format ??= 'in-person';
  return understood || ONLINE.test(part) || HYBRID.test(part) || PRESENCE.test(part) || dates.length > 0 || WEEKDAY.test(part);
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

/** A header line with HTML entities decoded and tags removed ("Makerspace&nbsp;Lindenhof", "<b>Vorstand</b>"); tab cells kept apart. */
function decoded(text: string): string {
  return /&#?\w+;|<\/?[a-z][^>]*>/i.test(text) ? text.split('\t').map(stripTags).join('\t') : text;
}

/** A header line ending in a hyphen after a letter ("Mitglieder-", "Oltmanns-"). */
const HYPHEN_END = /\p{L}-\s*$/u;

/**
 * Header lines with line-end hyphens joined as in body text (`joinWrappedLines`):
 * "Marlene Oltmanns-" / "Reuter" is "Marlene Oltmanns-Reuter", "Mitglieder-" / "versammlung"
 * is "Mitgliederversammlung". The joined text keeps the first line's number; the next line
 * goes (a blank line would end a list). Table rows (tabs) and label lines are not joined.
 */
function joinHyphenatedLines(lines: SourceLine[]): SourceLine[] {
  const out = lines.map((l) => ({ ...l }));
  for (let i = 0; i < out.length - 1; i++) {
    if (!HYPHEN_END.test(out[i].text) || out[i].text.includes('\t')) continue;
    const next = out[i + 1].text.trim();
    if (!next || out[i + 1].text.includes('\t') || LABEL_LINE.test(next)) continue;
    out[i] = { n: out[i].n, text: joinWrappedLines(out[i].text.trimEnd(), next) };
    out.splice(i + 1, 1);
    i--; // the joined line may end in a hyphen again
  }
  return out;
}
