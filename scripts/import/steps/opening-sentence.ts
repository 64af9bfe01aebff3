/**
 * Opening-sentence step: many bodies state the meeting in the first sentence instead of
 * a date line ("Die Mitgliederversammlung des Beispiel e. V. findet am 27. März 2021
 * online statt.", "Der Vorstand tagte am 7. April 2020 in …", "Die Sitzung fand am
 * 14.05.2025 statt."). The sentence belongs to the header: its date is the meeting's, and
 * the body it names (before the verb) may say which committee met. Only the first
 * paragraph is read; a date later in the text never becomes the meeting date.
 */
import type { SourceLine } from '../model.ts';
import { findDates } from '../readers/dates.ts';
import { squash } from '../readers/text.ts';

/** The verbs of a meeting held: "findet … statt", "fand … statt", "tagte", "trat … zusammen", "versammelte sich", "traf sich". */
const MEETING_VERB = /(?<!\p{L})(?:findet|fand|tagt|tagte|tagten|trat|tritt|versammelt(?:e|en)?\s+sich|traf(?:en)?\s+sich|trifft\s+sich|wurde|wird)(?!\p{L})/u;
/** The verb's end: "statt", "zusammen", "abgehalten", "durchgeführt"; needed after findet/fand/trat/tritt/wurde/wird. */
const VERB_END = /(?<!\p{L})(?:statt|zusammen|abgehalten|durchgeführt)(?!\p{L})/u;
const NEEDS_END = /^(?:findet|fand|trat|tritt|wurde|wird)$/;

/** What an opening sentence states. */
export interface OpeningSentence {
  /** The meeting date, ISO. */
  date: string;
  /** Where the sentence starts. */
  line: number;
  /** The text before the verb: the body that met ("Die Mitgliederversammlung des Beispiel e. V."). */
  subject: string;
  /** The whole sentence, for messages. */
  text: string;
}

/**
 * Reads the opening sentence of `lines` (the first paragraph: lines up to the first blank
 * line): the date standing after the meeting verb, before the sentence ends.
 * Null when the paragraph is no such sentence ("Die Einladung vom 03.02.2023 ist allen …").
 * @example readOpeningSentence([{ n: 3, text: 'Der Vorstand tagte am 7. April 2020 in Kassel.' }]) // => { date: '2020-04-07', line: 3, subject: 'Der Vorstand', … }
 */
export function readOpeningSentence(lines: SourceLine[]): OpeningSentence | null {
  const start = lines.findIndex((l) => l.text.trim() !== '');
  if (start < 0) return null;
  const para: SourceLine[] = [];
  for (let i = start; i < lines.length && lines[i].text.trim() !== ''; i++) para.push(lines[i]);
  // Line-end hyphens joined as in body text ("Mitglieder-" / "versammlung").
  const text = squash(para.map((l) => l.text.trim()).join('\n').replace(/(\p{Ll})-\n(\p{Ll})/gu, '$1$2').replace(/\n/g, ' ').replace(/^[#*\s]+|[*\s]+$/g, ''));
  // A sentence ends at . ! ? after a word of two letters or more ("11. November", "e. V." go on).
  const sentence = text.split(/(?<=(?:\p{L}\p{Ll}|[)"“”])[.!?])\s+(?=\p{Lu})/u)[0];
  const verb = MEETING_VERB.exec(sentence);
  if (!verb) return null;
  const after = sentence.slice(verb.index + verb[0].length);
  if (NEEDS_END.test(verb[0]) && !VERB_END.test(after)) return null;
  // The date follows the verb closely: "findet am 27. März 2021", "tagte heute, am 5. Mai 2018".
  const date = findDates(after).find((d) => d.index <= 40);
  if (!date) return null;
  return { date: date.iso, line: para[0].n, subject: sentence.slice(0, verb.index).trim(), text: sentence };
}
