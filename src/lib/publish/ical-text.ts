/**
 * An ical-generator calendar as text, folded as its `toString` folds it, in a fraction of the time.
 *
 * Why: `ICalCalendar.toString` folds the whole file with `foldLines` (ical-generator `src/tools.ts`),
 * which makes a `TextEncoder` for every character to count its bytes: 0.6 s of CPU for the 1 MB
 * `termine.ics` of 2,000 protocols, most of the `/kalender/` route in a warm build (issue #24).
 * Folding works line by line (RFC 5545 §3.1: a line longer than 75 octets goes on after CRLF and a
 * space), so the calendar's text is the fold of its own lines followed by the fold of each event's
 * lines. Here each event is folded once per build (the calendar of all committees and that of the
 * event's committee share it), still by the library's `foldLines`, and only the lines that need it:
 * a line of at most 74 bytes is never folded (`foldLines` breaks once the byte count passes 74).
 */
import { foldLines, type ICalCalendar } from 'ical-generator';

/** Folded event texts by their unfolded text, within a build; emptied when it grows past `MAX_EVENTS`. */
const foldedEvents = new Map<string, string>();
const MAX_EVENTS = 50_000;

/**
 * What `foldLines` makes of a text, skipping the lines it leaves as they are.
 * @example foldText('SUMMARY:Plenum\r\n') // => 'SUMMARY:Plenum\r\n'
 */
export function foldText(text: string): string {
  return text
    .split('\r\n')
    .map((line) => (line.length <= 24 || Buffer.byteLength(line, 'utf8') <= 74 ? line : foldLines(line)))
    .join('\r\n');
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
