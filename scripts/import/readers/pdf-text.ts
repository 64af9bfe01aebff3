/**
 * Reader for protocols extracted from PDF as plain text (wrapped lines, lost
 * bullet glyphs, agenda tables flattened into short lines).
 *
 * Layout it expects, learnt from the OM protocols: header lines (title, date,
 * place, attendance, moderation); the agenda (after "Tagesordnung", or from the
 * first line "1. …"), numbered; the body, where numbering restarts and each
 * agenda item's number and title are printed again as a heading.
 */
import { joinWrappedLines, linesToBlocks, longestLineLength, repeatedPageLines } from './blocks.ts';
import { findDates } from './dates.ts';
import type { BodyBlock, RawAgendaItem, ReadProtocol, Section, SourceLine } from '../model.ts';
import { agendaFromSections, appendAll, numberedLine, rejectDeepHtml, squash, titleHits, titleOverlap, topHeading } from './text.ts';

/**
 * A numbered body line is that TOP's heading when at least half of its title
 * words, or at least two of them, occur in the agenda entry ("5. Neue
 * Entwicklungen im Bundesministerium …" repeats "Neue Entwicklungen im BMAS").
 */
const HEADING_OVERLAP = 0.5;
const HEADING_HITS = 2;

/** Splits a PDF-text protocol into header, agenda and body sections. */
export function readPdfText(lines: SourceLine[]): ReadProtocol {
  rejectDeepHtml(lines);
  const maxLen = longestLineLength(lines.map((l) => l.text));
  const proseLen = Math.max(60, Math.round(maxLen * 0.75));
  const layout: Layout = { wrapWidth: maxLen, runningHeaders: repeatedPageLines(lines.map((l) => l.text)) };

  // The first TOP heading ("TOP 1: …", "Zu TOP 1: …") opens the body: header and agenda stand before it.
  let firstTop = lines.findIndex((l) => keywordHeading(l.text) !== null);
  // An agenda written as "TOP 1: …" lines under "Tagesordnung": the body starts where the numbering starts again.
  const label = lines.findIndex((l) => /^\s*Tagesordnung\s*:?\s*$/i.test(l.text));
  if (label >= 0 && label < firstTop) {
    const first = keywordHeading(lines[firstTop].text)!.number;
    const restart = lines.findIndex((l, i) => i > firstTop && keywordHeading(l.text)?.number === first);
    if (restart > 0 && lines.slice(firstTop, restart).every((l) => !l.text.trim() || keywordHeading(l.text) || /^\s*(?:TOP\s*)?\d{1,2}\.\d{1,2}\b/i.test(l.text) || l.text.trim().length < 100)) firstTop = restart;
  }
  const beforeBody = (i: number) => i >= 0 && (firstTop < 0 || i < firstTop);
  // Agenda start: after a "Tagesordnung" line, else at the first "1. Title" line.
  let agendaStart = lines.findIndex((l) => /^\s*Tagesordnung\s*:?\s*$/i.test(l.text));
  if (!beforeBody(agendaStart)) agendaStart = -1;
  let agendaFirst = agendaStart + 1;
  if (agendaStart < 0) {
    agendaStart = lines.findIndex((l) => numberedLine(l.text)?.number === '1');
    if (!beforeBody(agendaStart)) agendaStart = -1;
    agendaFirst = agendaStart;
  }
  if (agendaStart < 0) {
    // No agenda: everything after the header block (first blank line after a date) is body.
    const dated = lines.slice(0, 12).findIndex((l) => findDates(l.text).length > 0);
    // The header block runs on over blank lines while the next block opens with a label ("Anwesend:", "Protokoll:").
    const blankAfter = (from: number) => lines.findIndex((l, i) => i > from && l.text.trim() === '');
    let cut = blankAfter(Math.max(2, dated));
    while (cut >= 0) {
      const next = lines.findIndex((l, i) => i > cut && l.text.trim() !== '');
      if (next < 0 || !/^\s*\p{L}[\p{L} .-]{0,40}:/u.test(lines[next].text)) break;
      cut = blankAfter(next);
    }
    if (cut < 0) cut = lines.length;
    if (firstTop >= 0 && firstTop < cut) cut = firstTop;
    return finish(lines.slice(0, cut), [], [], lines.slice(cut), layout);
  }

  // Agenda end: numbering restarts at 1, or a long prose line that is not numbered.
  let last = 0;
  let end = firstTop >= 0 ? firstTop : lines.length;
  for (let i = agendaFirst; i < end; i++) {
    const num = numberedLine(lines[i].text) ?? bareNumber(lines[i].text);
    if (num && Number(num.number) === last + 1) {
      last += 1;
      continue;
    }
    if (num && num.number === '1' && last > 0) {
      end = i;
      break;
    }
    if (!num && last > 0 && lines[i].text.trim().length >= proseLen) {
      end = i;
      break;
    }
  }
  const agendaLines = lines.slice(agendaStart, end);
  const agenda = readAgenda(lines.slice(agendaFirst, end));
  const read = finish(lines.slice(0, agendaStart), agendaLines, agenda, lines.slice(end), layout);
  // An agenda is only an agenda if the body repeats its items as headings; otherwise
  // its numbered lines were the TOP headings of a protocol without a Tagesordnung.
  if (read.sections.some((s) => s.number !== null)) return read;
  return finish(lines.slice(0, agendaStart), [], [], lines.slice(agendaFirst), layout);
}

/**
 * A TOP heading with the keyword ("TOP 1: …", "Zu TOP 1: …", "TOP Ö 1: …"), unless it is a
 * sentence that refers to a TOP (ends with a full stop, or longer than a heading: 160 characters).
 */
function keywordHeading(text: string): { number: string; title: string } | null {
  const top = topHeading(text);
  if (!top || text.trim().length > 160 || /[.;!?]$/.test(text.trim())) return null;
  return top;
}

/** A line that labels a part of a council's agenda: "Öffentlicher Teil", "Nicht öffentlicher Teil:", "Nichtöffentliche Sitzung". */
const PART_LABEL = /^(?:A\.|B\.|I\.|II\.)?\s*(?:Nicht\s*)?öffentliche[rn]?\s+(?:Teil|Sitzung)\s*:?$/i;

/** An agenda number whose title wrapped to the next line ("4." alone): number, empty title. */
function bareNumber(text: string): { number: string; title: string } | null {
  const m = /^\s*(\d{1,2})\.\s*$/.exec(text);
  return m ? { number: String(Number(m[1])), title: '' } : null;
}

/** A line of an agenda table's column headers only: "Was Wer wann", "TOP Thema Referent Zeit". */
const AGENDA_COLUMN_HEADER = /^(?:(?:Was|Wer|Wann|Wo|TOP|Nr\.?|Thema|Themen|Inhalt|Referent(?:in)?|Sprecher(?:in)?|Verantwortlich|Zeit|Uhrzeit|Dauer)\s*[|,;]?\s*){2,}$/i;

/** A break or the end in the agenda with its time: "Pause 10:50", "Mittagspause 12:30 Uhr", "Kaffeepause 10:00–10:15", "Ende 13:00". */
const AGENDA_BREAK = /^(?:(?:Mittags|Kaffee)?pause|Ende)\s+\d{1,2}[:.]\d{2}(?:\s*Uhr)?(?:\s*[-–]\s*\d{1,2}[:.]\d{2}(?:\s*Uhr)?)?$/i;

/**
 * True when an agenda text is a break or the end with its time ("Pause 10:50", "Ende 13:00"):
 * an unnumbered agenda entry of its own, in a line of PDF text as in a table cell.
 * @example isAgendaBreak('Mittagspause 12:30 Uhr') // => true
 * @example isAgendaBreak('Pause') // => false
 */
export function isAgendaBreak(text: string): boolean {
  return AGENDA_BREAK.test(text.trim());
}

/** Cuts the agenda lines into items: numbered lines start one; short bullet lines with a time ("Pause 10:00 Uhr") are unnumbered items. */
export function readAgenda(lines: SourceLine[]): RawAgendaItem[] {
  const items: RawAgendaItem[] = [];
  let last = 0;
  // A title wraps onto the lines right after its number, until a blank line,
  // a bullet, a time or a presenter's bracket.
  let titleOpen = false;
  for (const line of lines) {
    // "TOP 3: Title" as well as "3. Title"; a sub-item ("TOP 3.1: …", "3.1 …") is no number of its own: it goes to the item's details.
    const num = numberedLine(line.text) ?? topHeading(line.text) ?? bareNumber(line.text);
    if (num && Number(num.number) === last + 1) {
      last += 1;
      items.push({ number: num.number, title: squash(num.title), rest: '', line: line.n });
      titleOpen = true;
      continue;
    }
    const text = line.text.trim();
    if (!text) {
      titleOpen = false;
      continue;
    }
    // "Öffentlicher Teil" / "Nichtöffentlicher Teil" label a part of the agenda, no item (kept in the review comment).
    if (PART_LABEL.test(text)) {
      titleOpen = false;
      continue;
    }
    // The agenda table's column header ("Was Wer wann", "TOP Thema Referent Zeit") is no item (it stays in the review comment).
    if (items.length === 0 && AGENDA_COLUMN_HEADER.test(text)) continue;
    // A line that is only a link target is a PDF link annotation, no part of an item (as in the body).
    if (/^(?:https?:\/\/|www\.|mailto:)\S*$/i.test(text)) continue;
    // A lone bullet line of ≤ 3 words and a time is an unnumbered agenda entry (a break);
    // so is a break word and a time at the line start, bullet or not ("Pause 10:50").
    const unnumbered =
      (/^\s\S/.test(line.text) && /^\S+(?:\s+\S+){0,2}\s+\d{1,2}[:.]?\d{0,2}\s*Uhr\s*$/.test(text)) || isAgendaBreak(text);
    if (unnumbered || items.length === 0) {
      items.push({ number: null, title: text, rest: '', line: line.n });
      titleOpen = false;
      continue;
    }
    const item = items[items.length - 1];
    // A sub-item ("TOP 3.1: Fragenkatalog", "3.1 …") is no part of the title: it goes to the item's details.
    if (/^(?:TOP\s*)?\d{1,2}\.\d{1,2}(?!\d)/i.test(text)) titleOpen = false;
    if (titleOpen && (item.title === '' || (!/^\s\S/.test(line.text) && !/\(|\d\s*Uhr|\d:\d/.test(text)))) {
      // Line-end hyphenation is undone as in body text ("Beschlussfähig-" + "keit").
      item.title = item.title === '' ? text : squash(joinWrappedLines(item.title, text));
      continue;
    }
    titleOpen = false;
    // Wrapped presenter lines are joined like body text ("(Bundesverband Die KMU-" + "Berater)").
    item.rest = item.rest === '' ? squash(line.text) : squash(joinWrappedLines(item.rest, text));
  }
  return items;
}

/** Finds the body's TOP headings and cuts the body into sections. */
/** What the block rules need to know of the whole file: its wrap width and its running page headers. */
interface Layout {
  wrapWidth: number;
  runningHeaders: ReadonlySet<string>;
}

function finish(header: SourceLine[], agendaLines: SourceLine[], agenda: RawAgendaItem[], body: SourceLine[], layout: Layout): ReadProtocol {
  const byNumber = new Map(agenda.filter((a) => a.number).map((a) => [a.number!, `${a.title} ${a.rest}`]));
  const titles = new Map(agenda.filter((a) => a.number).map((a) => [a.number!, a.title]));
  const sections: { number: string | null; title: string; line: number; lines: SourceLine[] }[] = [
    { number: null, title: '', line: body[0]?.n ?? 1, lines: [] },
  ];
  let expected = 1;
  let lastTop = -1;
  for (let i = 0; i < body.length; i++) {
    const line = body[i];
    // "TOP n: …" headings: the keyword is the evidence, the number only has to go up ("Top 0" may open).
    const keyword = keywordHeading(line.text);
    const num = keyword ?? numberedLine(line.text);
    const n = num ? Number(num.number) : 0;
    const reference = num ? byNumber.get(num.number) : undefined;
    const isHeading =
      (keyword !== null && n > lastTop) ||
      (keyword === null &&
      num !== null &&
      n >= expected &&
      n <= expected + 1 &&
      (reference !== undefined
        ? titleOverlap(num.title, reference) >= HEADING_OVERLAP || titleHits(num.title, reference) >= HEADING_HITS
        : agenda.length === 0 && line.text.trim().length < 90 && !/[.:]$/.test(line.text.trim())));
    if (!isHeading || !num) {
      sections[sections.length - 1].lines.push(line);
      continue;
    }
    let title = num.title;
    // Heading continued on following lines ("… für die" / "Zukunft", "(BMAS)"):
    // a short line, possibly after one blank, made mostly of the agenda title's words
    // (the title only: sub-points of the entry are body text, not heading).
    const agendaTitle = titles.get(num.number);
    for (let j = i + 1; j < Math.min(body.length, i + 3); j++) {
      const next = body[j].text.trim();
      if (next === '') continue;
      // A heading cut by hyphenation ("… Beschlussfähig-" / "keit"), or a keyword heading whose title is on the next line.
      if ((/\p{L}-$/u.test(title) && /^\p{Ll}/u.test(next) && j === i + 1) || (title === '' && next.length < 120)) {
        title = title === '' ? next : joinWrappedLines(title, next);
        i = j;
        break;
      }
      // A line ending a sentence or opening a list ("Der Bürgermeister berichtet:") is text, not heading,
      // unless heading and line together are the agenda title ("… Ein Thema für die" / "KMU-Beratung?").
      if (agendaTitle && completesTitle(title, next, agendaTitle)) {
        title = joinWrappedLines(title, next);
        i = j;
      } else if (next.length < 60 && !/[.:!?]$/.test(next) && agendaTitle && titleOverlap(next, agendaTitle) >= 0.6) {
        title = `${title} ${next}`;
        i = j;
      }
      break;
    }
    expected = n + 1;
    lastTop = n;
    sections.push({ number: num.number, title: squash(title), line: line.n, lines: [] });
  }
  const debris: SourceLine[] = [];
  const out: Section[] = sections
    .filter((s) => s.number !== null || s.lines.some((l) => l.text.trim()))
    .map((s) => {
      const { blocks, dropped } = toBlocks(s.lines, layout);
      appendAll(debris, dropped);
      return { number: s.number, title: s.title, line: s.line, blocks };
    });
  // No agenda, but TOP headings: the headings are the agenda.
  const items = agenda.some((a) => a.number) ? agenda : [...agenda, ...agendaFromSections(out)];
  return { style: 'pdf-text', header, agendaLines, agenda: items, sections: out, debris };
}

/**
 * True when a heading wrapped onto `next` (after a blank line, as PDF text breaks a long
 * heading): the two together are the agenda entry's title, word for word, whatever the line
 * ends with ("?" of "Ein Thema für die KMU-Beratung?").
 * @example completesTitle('Pflege – Ein Thema für die', 'KMU-Beratung?', 'Pflege – Ein Thema für die KMU-Beratung?') // => true
 */
function completesTitle(title: string, next: string, agendaTitle: string): boolean {
  const norm = (t: string) => squash(t).toLowerCase();
  return title !== '' && norm(joinWrappedLines(title, next)) === norm(agendaTitle);
}

/** Runs the PDF block rules on a section's lines and maps block lines back to source lines. */
function toBlocks(lines: SourceLine[], layout: Layout): { blocks: BodyBlock[]; dropped: SourceLine[] } {
  if (lines.length === 0) return { blocks: [], dropped: [] };
  // The wrap width is the whole file's: a short section must not look like running text.
  const result = linesToBlocks(lines.map((l) => l.text), layout);
  const at = (i: number) => lines[Math.max(0, Math.min(lines.length - 1, i - 1))].n;
  return {
    blocks: result.blocks.map((b) => ({ kind: b.kind, text: b.text, line: at(b.line) })),
    dropped: result.debris.map((d) => ({ n: at(d.line), text: d.text })),
  };
}
