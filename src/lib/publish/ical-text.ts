/**
 * An ical-generator calendar as text, folded as its `toString` folds it, in a fraction of the time.
 *
 * Why: `ICalCalendar.toString` folds the whole file with `foldLines` (ical-generator `src/tools.ts`),
 * which makes a `TextEncoder` for every character to count its bytes: 0.6 s of CPU for the 1 MB
 * `termine.ics` of 2,000 protocols, most of the `/kalender/` route in a warm build (issue #24).
 * Folding works line by line (RFC 5545 §3.1: a line longer than 75 octets goes on after CRLF and a
 * space), so the calendar's text is the fold of its own lines followed by the fold of each event's
 * lines. Here each event is folded once per build (the calendar of all committees and that of the
 * event's committee share it) by `foldText`: `foldLines`' own rule, with the bytes of a character
 * counted from its code unit instead of by a new encoder (`test/site/calendar.test.ts` checks it
 * against `foldLines` on generated text, surrogates and line breaks included).
 */
import type { ICalCalendar } from 'ical-generator';

/** Folded event texts by their unfolded text, within a build; emptied when it grows past `MAX_EVENTS`. */
const foldedEvents = new Map<string, string>();
const MAX_EVENTS = 50_000;

/** Most UTF-8 bytes of one line `foldLines` leaves unbroken: it breaks before the character that passes 74. */
const LINE_BYTES = 74;

/**
 * What `foldLines` makes of a text (ical-generator `src/tools.ts`): each CRLF-separated line broken
 * into parts of at most 74 UTF-8 bytes, each further part after CRLF and a space; a high surrogate
 * counts with the code unit after it, an unpaired surrogate as U+FFFD (3 bytes), as `TextEncoder`
 * writes them.
 * @example foldText('SUMMARY:Plenum\r\n') // => 'SUMMARY:Plenum\r\n'
 * @example foldText(`DESCRIPTION:${'x'.repeat(70)}`) // => `DESCRIPTION:${'x'.repeat(62)}\r\n ${'x'.repeat(8)}`
 */
export function foldText(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}

/** One line of `foldText`. */
function foldLine(line: string): string {
  if (line.length * 3 <= LINE_BYTES || Buffer.byteLength(line, 'utf8') <= LINE_BYTES) return line;
  let folded = '';
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < line.length; ) {
    const code = line.charCodeAt(i);
    // foldLines takes a high surrogate together with the next code unit, whatever that is.
    const units = code >= 0xd800 && code <= 0xdbff && i + 1 < line.length ? 2 : 1;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : units === 2 ? Buffer.byteLength(line.slice(i, i + 2), 'utf8') : 3;
    bytes += size;
    if (bytes > LINE_BYTES) {
      folded += `${line.slice(start, i)}\r\n `;
      start = i;
      bytes = size;
    }
    i += units;
  }
  return folded + line.slice(start);
}

/** An event's text folded, computed once per text. */
function foldedEvent(text: string): string {
  let folded = foldedEvents.get(text);
  if (folded === undefined) {
    if (foldedEvents.size >= MAX_EVENTS) foldedEvents.clear();
    foldedEvents.set(text, (folded = foldText(text)));
  }
  return folded;
}

/**
 * `calendar.toString()`, byte for byte (test/site/calendar.test.ts compares both), with each event
 * folded once (`foldedEvent`): while the calendar writes itself, each event writes a one-line
 * placeholder, which the folded event then replaces.
 * @example calendarText(ical({ name: 'Termine' })) === ical({ name: 'Termine' }).toString() // => true
 */
export function calendarText(calendar: ICalCalendar): string {
  const events = calendar.events();
  const texts = events.map((event) => event.toString());
  events.forEach((event, i) => {
    event.toString = () => `\u0000${i}\u0000\r\n`;
  });
  let frame: string;
  try {
    frame = calendar.toString();
  } finally {
    for (const event of events) delete (event as { toString?: unknown }).toString;
  }
  return frame.replace(/\u0000(\d+)\u0000\r\n/g, (_, i: string) => foldedEvent(texts[Number(i)]));
}
