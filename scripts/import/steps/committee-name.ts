/**
 * Committee-name step: a committee read from a title is the body that meets, the same
 * every year. Its name (and so its id) never holds markup, an HTML entity, a year, a date
 * or a meeting number: "Mitgliederversammlung 2023 des Beispiel e. V." is the committee
 * "Mitgliederversammlung des Beispiel e. V."; the year belongs to the meeting's date.
 */
import { stripTags } from '../readers/html.ts';
import { squash } from '../readers/text.ts';

/**
 * The meeting's year after the word for the meeting or body ("Mitgliederversammlung 2023",
 * "Jahreshauptversammlung 2019/20", "Vorstand 2024"). A year after any other word is part
 * of a name ("TuS Grün-Weiß Marschbrook 1908 e. V.", "TSV 1860") and stays.
 */
const YEAR = /(?<=(?:versammlung|sitzung|tagung|treffen|klausur|konferenz|rat|ausschuss|vorstand|beirat|plenum|kreis)\s+)(?:19|20)\d{2}(?:\/(?:\d{2}|(?:19|20)\d{2}))?(?![\p{L}\d.,/-])/giu;
/** A meeting number: "Nr. 3" anywhere, "25." before the name ("25. Mitgliederversammlung"); "1. FC" inside a name stays. */
const NUMBER = /(?<![\p{L}\d])Nr\.\s*\d+(?![\p{L}\d])|^\s*\d{1,3}\.\s+/gu;
/** A date written inside the name ("vom 14.03.2019", "14. März 2019"). */
const DATE = /\b(?:vom|am)?\s*\d{1,2}\.\s*(?:\d{1,2}\.|(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember))\s*(?:\d{2,4})?/gu;

/**
 * The committee's name without markup and without what changes from meeting to meeting.
 * @example cleanCommitteeName('Mitgliederversammlung 2023 des Beispiel e. V.') // => 'Mitgliederversammlung des Beispiel e. V.'
 * @example cleanCommitteeName('Mitgliederversammlung des Makerspace&nbsp;X') // => 'Mitgliederversammlung des Makerspace X'
 */
export function cleanCommitteeName(raw: string): string {
  let name = /[<&]/.test(raw) ? stripTags(raw) : raw;
  name = name.replace(/\*\*|__|\\(?=\S)/g, '').replace(/(?<!\p{L})[*_](?=\p{L})|(?<=\p{L})[*_](?!\p{L})/gu, '');
  name = name.replace(DATE, ' ').replace(YEAR, ' ').replace(NUMBER, ' ');
  // What a removed part leaves: doubled spaces, a dangling "vom", a comma or dash at the end.
  return squash(name)
    .replace(/\s+(?:vom|am|den|im|Jahr|Jahres)$/i, '')
    .replace(/^[\s,;:–-]+|[\s,;:–-]+$/g, '')
    .replace(/\s+([,.])/g, '$1');
}
