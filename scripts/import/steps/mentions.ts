/**
 * Finds people (with the organisation written beside them) in protocol text.
 *
 * Shapes recognised, from the OM protocols:
 * - "Achim Sieker (BMAS)", "Prof. Dr. Oliver Kruse (Stiftung „…“)", "Birgit Domschke, (BA)"
 * - "Hr. Weis (IG BCE)", "Frau Dr. Mantei (INQA-Geschäftsstelle)": honorific + family name
 * - in a presenter cell without brackets: "Thomas Niessen Kompetenznetzwerk Trusted Cloud - Mitglied des Vorstands",
 *   "Sebastian Terstegen - ifaa – Institut für angewandte Arbeitswissenschaft e. V."
 * A candidate whose words form a registered organisation ("Offensive Mittelstand (OM)")
 * or whose first word has a German noun suffix ("Verabschiedung …") is not a person.
 */
import { refusePerson } from './gate.ts';

/** A person found in text, with the organisation text written beside them. */
export interface Mention {
  /** The name as written, titles and honorific included ("Prof. Dr. Oliver Kruse"). */
  name: string;
  /** The organisation as written ("BMAS", "Stiftung „Mittelstand – Gesellschaft – Verantwortung“"). */
  organisation?: string;
  /** Offset and length of the whole mention in the searched text. */
  index: number;
  length: number;
}

const TITLE = String.raw`(?:(?:Prof|Dr|Dipl\.-\p{L}+|Dr\.-\p{L}+)\.?\s*)`;
const HONORIFIC = String.raw`(?:Hr\.|Herrn?|Fr\.|Frau)\s+`;
const WORD = String.raw`\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)?`;
const INITIAL = String.raw`(?:\s+\p{Lu}\.)`;
// Balanced brackets, one level of nesting: "(BDVT - Berufsverband (alt))".
const BRACKET = String.raw`\(((?:[^()]|\([^()]*\))+)\)`;

/** "Given [F.] Family (Org)" with optional titles, or "Herr [Dr.] Family (Org)". */
const NAME_WITH_ORG = new RegExp(
  String.raw`(?<![\p{L}.])((?:${HONORIFIC}${TITLE}*${WORD})|(?:${TITLE}*${WORD}${INITIAL}?\s+${WORD}))\s*,?\s*${BRACKET}`,
  'gu',
);

/** A leading "Given Family" at the start of a presenter cell. */
const LEADING_NAME = new RegExp(String.raw`^\s*(${TITLE}*${WORD}${INITIAL}?\s+${WORD})(?=$|[\s,;(–-])`, 'u');


function firstNameWord(name: string): string {
  return name.replace(new RegExp(`^${TITLE}*`, 'u'), '').replace(new RegExp(`^${HONORIFIC}`, 'u'), '').split(/\s+/)[0] ?? '';
}

/**
 * True when `name` could be a person's name rather than a thing or an organisation: an
 * honorific before it, or the personal-name shape of the registry gate (`gate.ts`: no
 * label word or common noun, no noun ending on the given name), and no registered organisation.
 */
function plausiblePerson(name: string, isOrganisation: (s: string) => boolean): boolean {
  if (/^(Hr\.|Herrn?|Fr\.|Frau)\s/.test(name)) return true;
  const first = firstNameWord(name).toLowerCase();
  if (/(?:ung|heit|keit|schaft|tion|ität|ismus)$/.test(first) && first.length > 6) return false;
  if (refusePerson(name) !== null) return false;
  return !isOrganisation(name);
}

/**
 * Finds "Name (Organisation)" mentions in running text.
 * @example findMentions('Achim Sieker (BMAS) berichtet', () => false) // => [{ name: 'Achim Sieker', organisation: 'BMAS', … }]
 */
export function findMentions(text: string, isOrganisation: (s: string) => boolean): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(NAME_WITH_ORG)) {
    const name = m[1].replace(/\s+/g, ' ').trim();
    if (!plausiblePerson(name, isOrganisation)) continue;
    out.push({ name, organisation: m[2].replace(/\s+/g, ' ').trim(), index: m.index, length: m[0].length });
  }
  return out;
}

/**
 * Reads a presenter cell: every "Name (Org)" in it, or else one leading name
 * followed by its organisation ("Thomas Niessen Kompetenznetzwerk Trusted Cloud - Mitglied des Vorstands")
 * when `leading` is set (a presenter column, where a cell starting with two capitalised words is a name).
 * Returns the mentions and the text that is neither (kept as agenda details).
 */
export function readPresenterText(
  text: string,
  isOrganisation: (s: string) => boolean,
  leading = true,
): { mentions: Mention[]; rest: string } {
  const mentions = findMentions(text, isOrganisation);
  if (mentions.length) {
    let rest = text;
    for (const m of [...mentions].reverse()) rest = rest.slice(0, m.index) + ' ' + rest.slice(m.index + m.length);
    return { mentions, rest: rest.replace(/^[\s,;–-]+|[\s,;–-]+$/g, '').replace(/\s+/g, ' ') };
  }
  const lead = leading ? LEADING_NAME.exec(text) : null;
  if (!lead || !plausiblePerson(lead[1], isOrganisation)) return { mentions: [], rest: text.trim() };
  const after = text.slice(lead[0].length).replace(/^[\s,;–-]+/, '').trim();
  // "Org - Role": a role after the last spaced dash is kept as details, unless the part is an abbreviation ("ifaa – Institut …").
  const parts = after.split(/\s+[-–]\s+/);
  let organisation = after;
  let rest = '';
  if (parts.length >= 2 && parts[0].includes(' ') && /^\p{Lu}\p{Ll}+\s+\p{Ll}/u.test(parts[parts.length - 1])) {
    organisation = parts.slice(0, -1).join(' – ');
    rest = parts[parts.length - 1];
  }
  return {
    mentions: [{ name: lead[1].trim(), organisation: organisation || undefined, index: lead.index, length: lead[0].length }],
    rest,
  };
}
