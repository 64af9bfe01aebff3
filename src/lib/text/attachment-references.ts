/**
 * How a protocol refers to its attachments (Anlagen): "siehe Anlage 3", "Anlagen 5 und 6",
 * "Anlage 4 (power-point Präsentation) und 5 (Infoblatt)". One grammar serves the importer
 * (`scripts/import/steps/attachments.ts`, which lists the referenced attachments in the
 * frontmatter) and the site (`src/lib/text/rehype-attachment-links.ts`, which links "Anlage N"
 * in the text to the file; `attachments.ts` re-exports it).
 *
 * Apart from `attachments.ts` (files and their publication) because it needs no library: the
 * importer reads references in every protocol but never publishes a file, so it must not load
 * pdf-lib, unpdf and jszip with them (a fifth of its start-up, issue #23).
 */

/** One attachment number found in a text, with where its number is written. */
export interface AttachmentReference {
  /** The number as written: `"3"`, `"5a"`. */
  number: string;
  /** Offsets of the number in the text (`text.slice(start, end) === number`); absent for numbers inside a range ("Anlagen 1 bis 3": 2). */
  start?: number;
  end?: number;
  /** Offsets of the whole phrase "Anlage 3" / "Anlagen 5 und 6" it belongs to. */
  phraseStart: number;
  phraseEnd: number;
  /**
   * What the text calls it: a parenthesis right after the number whose last word is a
   * noun ("Anlage 4 (power-point Präsentation)"), else a noun right before "Anlage"
   * that does not begin a sentence ("siehe Präsentation Anlage 1"). Undefined when neither.
   */
  kind?: string;
}

/** A number of an attachment: one to three digits, maybe a letter ("5a"); never a year. */
const NUMBER = String.raw`\d{1,3}[a-z]?`;
/** "Anlage 3", "Anlagen 5": the head of a phrase (not inside a word such as "Kläranlage 3"). */
const HEAD = new RegExp(String.raw`(?<![\p{L}\p{N}])Anlagen?\s+(${NUMBER})(?![\p{L}\p{N}])`, 'gu');
/** A parenthesis right after a number: "(Infoblatt)". */
const PARENTHESIS = /\s*\(([^()]{1,60})\)/y;
/** A further number of the same phrase: ", 6", " und 6", " sowie Anlage 6", " bis 8", "–8". */
const NEXT = new RegExp(String.raw`\s*(,|und|sowie|bis|–|-)\s*(?:Anlagen?\s+)?(${NUMBER})(?![\p{L}\p{N}]|[.,]\d)`, 'uy');
/** A capitalised word right before "Anlage", and what precedes it. */
const WORD_BEFORE = /(^|[^\p{L}\p{N}\s]?)\s*(\p{Lu}[\p{L}-]+)\s+$/u;

/** A parenthesis names the attachment when its last word is a noun (capitalised): "power-point Präsentation", not "wird nachgeliefert". */
function parenthesisKind(text: string): string | undefined {
  const words = text.trim().split(/\s+/);
  return /^\p{Lu}/u.test(words.at(-1) ?? '') ? text.trim() : undefined;
}

/** The noun right before "Anlage" ("Präsentation"), unless it begins a sentence or the text ("Siehe Anlage 1"). */
function kindBefore(text: string, at: number): string | undefined {
  const match = WORD_BEFORE.exec(text.slice(Math.max(0, at - 60), at));
  if (!match) return undefined;
  const before = text.slice(0, at - match[0].length + match[1].length).trimEnd();
  if (before === '' || /[.!?:]$/.test(before)) return undefined;
  return match[2];
}

/**
 * Every attachment number a text refers to, in order of mention.
 * @example findAttachmentReferences('siehe Präsentation Anlage 1').map((r) => [r.number, r.kind]) // => [['1', 'Präsentation']]
 * @example findAttachmentReferences('siehe Anlagen 5 und 6').map((r) => r.number) // => ['5', '6']
 * @example findAttachmentReferences('Siehe Anlage 4 (power-point Präsentation) und 5 (Infoblatt).').map((r) => r.kind) // => ['power-point Präsentation', 'Infoblatt']
 */
export function findAttachmentReferences(text: string): AttachmentReference[] {
  const found: AttachmentReference[] = [];
  HEAD.lastIndex = 0;
  for (let head = HEAD.exec(text); head; head = HEAD.exec(text)) {
    const phraseStart = head.index;
    const before = kindBefore(text, phraseStart);
    const numbers: Omit<AttachmentReference, 'phraseStart' | 'phraseEnd'>[] = [];
    let position = phraseStart + head[0].length;
    const numberStart = position - head[1].length;
    const withParenthesis = (number: string, start: number) => {
      PARENTHESIS.lastIndex = position;
      const parenthesis = PARENTHESIS.exec(text);
      if (parenthesis) position = PARENTHESIS.lastIndex;
      numbers.push({ number, start, end: start + number.length, kind: parenthesis ? parenthesisKind(parenthesis[1]) : undefined });
    };
    withParenthesis(head[1], numberStart);
    for (;;) {
      NEXT.lastIndex = position;
      const next = NEXT.exec(text);
      if (!next) break;
      position = NEXT.lastIndex;
      const previous = numbers.at(-1)!.number;
      const isRange = next[1] === 'bis' || next[1] === '–' || next[1] === '-';
      if (isRange && /^\d+$/.test(previous) && /^\d+$/.test(next[2])) {
        for (let n = Number(previous) + 1; n < Number(next[2]) && n - Number(previous) < 50; n++) numbers.push({ number: String(n) });
      }
      // The number ends the match: it starts its length before the match end.
      withParenthesis(next[2], position - next[2].length);
    }
    // The kind before "Anlage" names the first attachment of the phrase only ("Präsentation Anlage 4 und 5").
    if (before && numbers[0].kind === undefined) numbers[0].kind = before;
    for (const number of numbers) found.push({ ...number, phraseStart, phraseEnd: position });
    HEAD.lastIndex = position;
  }
  return found;
}

/**
 * Orders attachment numbers as numbers, then by letter ("2" < "5a" < "10").
 * @example ['10', '2', '5a', '5'].sort(compareAttachmentNumbers) // => ['2', '5', '5a', '10']
 */
export function compareAttachmentNumbers(a: string, b: string): number {
  return Number.parseInt(a, 10) - Number.parseInt(b, 10) || a.localeCompare(b);
}
