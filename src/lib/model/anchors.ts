/**
 * Anchor ids inside a meeting page, shared by the rehype plugin that sets them
 * on the protocol text and by the agenda and resolution lists that link to them.
 */

/** Matches the text of an agenda-item heading, `TOP 7 – Titel` (also `TOP 3a`, `TOP 3.1`); group 1 is the number. */
export const topHeadingPattern = /^\s*TOP\s+(\d+(?:\.\d+)*[a-z]?)(?=$|[\s.:–—-])/i;

/**
 * Gets the anchor id of an agenda item (TOP) from its printed number.
 * @example topAnchorId('7') // => 'top-7'
 * @example topAnchorId('3.1') // => 'top-3-1'
 */
export function topAnchorId(number: string): string {
  return `top-${number.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

/**
 * Gets the TOP number out of a heading's text, or `undefined` if it is not a TOP heading.
 * @example topNumberFromHeading('TOP 7 – Verschiedenes') // => '7'
 * @example topNumberFromHeading('Anlage 1') // => undefined
 */
export function topNumberFromHeading(text: string): string | undefined {
  return topHeadingPattern.exec(text)?.[1];
}
