/**
 * The short title of a resolution: what it decides, in its own words, as the link text of
 * every list (issue #25). Readers scanning "Beschluss zu TOP 5, 2. Beschluss zu TOP 4, …"
 * cannot tell the resolutions apart; the first clause of the text can. Derived once per index
 * (`buildArchiveIndex`); the position ("TOP 5, 2. Beschluss") goes in the meta line
 * (`resolutionPosition`). Pure string work on German protocol text, no build needed.
 */

/** Length of a title in characters (about one line at 1280 px, two on a phone), ellipsis included; a fifth more where that ends the sentence (`shortenTitle`). */
export const resolutionTitleLength = 80;

/**
 * Abbreviations whose full stop does not end a sentence ("z. B.", "ggf.", "Dr."). Single
 * letters and numbers ("3. Ebene", "30.04.2022") are handled apart.
 */
const ABBREVIATIONS = new Set(
  'bzw ca dr evtl ggf hr fr frau herr inkl nr prof sog usw vgl bspw gem abs str tel mio mrd etc jh zzgl max min'.split(' '),
);

/**
 * The deciding verbs of a lead-in, after a short subject ("Der Strategiekreis", "Es wird",
 * "Die Mitglieder des Plenums"), optionally with an adverb, then ", dass" or ":".
 */
const DECIDING = String.raw`(?:beschließt|beschließen|beschlossen|vereinbart|vereinbaren|befürwortet|befürworten|empfiehlt|empfehlen|empfohlen|entscheidet|entscheiden|entschieden|stimmt\s+zu|stimmen\s+zu|einigt\s+sich(?:\s+darauf)?|einigen\s+sich(?:\s+darauf)?|ist\s+einverstanden|sind\s+einverstanden|hält\s+fest|halten\s+fest|festgehalten)`;
const ADVERB = String.raw`(?:\s+(?:einstimmig|mehrheitlich|einvernehmlich|ohne\s+Gegenstimmen|es|daher|deshalb|hiermit))*`;
const SUBJECT = String.raw`(?:(?:Der|Die|Das)(?:\s+[\p{L}\d-]+){1,4}|Es\s+(?:wird|wurde)|Wir|Alle(?:\s+[\p{L}-]+){0,2})`;
/** "Der Strategiekreis beschließt, dass …", "Es wird vereinbart:", "Die AG einigt sich darauf, dass …". */
const CLAUSE_LEAD_IN = new RegExp(String.raw`^${SUBJECT}\s+${DECIDING}${ADVERB}\s*(?:,\s*(?:dass|daß)\s+|:\s*)`, 'u');
/** "Der Strategiekreis beschließt die „Vereinbarung …“": the object follows the verb directly. */
const OBJECT_LEAD_IN = new RegExp(String.raw`^${SUBJECT}\s+(?:beschließt|beschließen|vereinbart|vereinbaren|befürwortet|befürworten|verabschiedet|verabschieden)${ADVERB}\s+(?=\p{L})`, 'u');
/** A label before the text: "Beschluss:", "Vereinbarung:", "Einstimmig beschlossen:". */
const LABEL_LEAD_IN = /^(?:(?:einstimmig\s+)?(?:beschluss|beschlossen|vereinbarung|vereinbart|ergebnis)\s*:\s*)/iu;
/** References to attachments add nothing to a title: "– siehe Anlage 4", "(siehe Anlagen 5 und 6)". */
const ATTACHMENT_REFERENCE = /\s*(?:[–-]\s*)?\(?\s*siehe\s+Anlagen?\b[^)]*\)?/giu;
/** Words a shortened title must not end on ("… für die …"). */
const DANGLING = new Set(
  'und oder sowie bzw der die das den dem des ein eine einen einem einer eines zu zur zum für mit von vom in im an am auf als bei nach über durch dass wie um sich es auch noch nicht sind ist wird werden soll sollen'.split(' '),
);

/**
 * The first sentence of a text: up to the first `.`, `!`, `?` or `;` followed by a space or
 * the end, skipping the full stops of abbreviations, single letters and numbers.
 * @example firstSentence('Die OM (3. Ebene) wird gegründet. Danach mehr.') // => 'Die OM (3. Ebene) wird gegründet'
 */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  for (const match of flat.matchAll(/[.!?;](?=\s|$)/g)) {
    const before = flat.slice(0, match.index);
    const word = /([\p{L}\d]+)$/u.exec(before)?.[1] ?? '';
    if (match[0] === '.' && (word.length === 1 || /^\d+$/.test(word) || ABBREVIATIONS.has(word.toLowerCase()))) continue;
    return before.trim();
  }
  return flat.replace(/[.!?;]$/, '').trim();
}

/**
 * A resolution's sentence without the words that only say a decision was taken.
 * @example stripLeadIn('Der Strategiekreis beschließt, dass die OM wächst') // => 'die OM wächst'
 * @example stripLeadIn('Die OM wächst') // => 'Die OM wächst'
 */
export function stripLeadIn(sentence: string): string {
  for (const pattern of [LABEL_LEAD_IN, CLAUSE_LEAD_IN, OBJECT_LEAD_IN]) {
    const rest = sentence.replace(pattern, '');
    // Keep the lead-in when little would be left ("Das Plenum beschließt: Ja").
    if (rest !== sentence && rest.split(/\s+/).length >= 3) return rest;
  }
  return sentence;
}

/**
 * Shortens a title to at most `length` characters at a word boundary, ending in "…", never on
 * a word like "und" or "für"; titles up to a fifth longer than `length` are returned whole.
 * @example shortenTitle('Die Gespräche mit den großen OM-Transferorganisationen werden fortgesetzt', 40) // => 'Die Gespräche mit den großen …'
 */
export function shortenTitle(title: string, length = resolutionTitleLength): string {
  // A fifth longer is still short, and better than a title whose last word or two stand alone under it.
  if (title.length <= length + Math.floor(length / 5)) return title;
  const words = title.slice(0, length - 1).split(' ');
  if (words.length > 1) words.pop(); // the last word may be cut in the middle
  while (words.length > 1 && DANGLING.has(words.at(-1)!.toLowerCase().replace(/[,;:–-]+$/, ''))) words.pop();
  const kept = words.join(' ').replace(/[\s,;:–(„-]+$/u, '');
  return `${kept || title.slice(0, length - 1)} …`;
}

/** The title a resolution's text gives, or `''` when the text holds no words. */
function titleFromText(text: string, length: number): string {
  const sentence = stripLeadIn(firstSentence(text.replace(ATTACHMENT_REFERENCE, '')));
  const title = sentence.replace(/^[\s,;:–-]+/, '').replace(/[\s,;:–-]+$/, '');
  if (!/\p{L}/u.test(title)) return '';
  return shortenTitle(title.charAt(0).toLocaleUpperCase('de') + title.slice(1), length);
}

/** What a resolution's title is derived from. */
export interface TitleSource {
  id: string;
  /** `"Beschluss"` or `"Vereinbarung"`. */
  kind: string;
  /** TOP number, if any. */
  item?: string;
  /** The text as plain text. */
  text: string;
  /** Used when the text gives no title: the title of a matter (Vorgang) it belongs to. */
  matterTitle?: string;
  /** Next fallback: the title of its agenda item. */
  itemTitle?: string;
}

/**
 * The titles of one meeting's resolutions, by id: the first clause of each text without its
 * lead-in ("Der Strategiekreis beschließt, dass"), capitalised, shortened to
 * `resolutionTitleLength` at a word boundary; else the matter's title, the agenda item's title,
 * or the position ("Beschluss zu TOP 3"). Never empty. Two resolutions of one meeting that
 * would read the same get more of their text, and if that is the same too, a number: "… (2)".
 * @param resolutions one meeting's resolutions, in protocol order
 * @example resolutionTitles([{ id: 'm-b1', kind: 'Beschluss', item: '1', text: 'Der Strategiekreis beschließt, dass die OM ein Transferbüro einrichtet.' }]).get('m-b1') // => 'Die OM ein Transferbüro einrichtet'
 */
export function resolutionTitles(resolutions: readonly TitleSource[]): Map<string, string> {
  const title = (r: TitleSource, length: number) =>
    titleFromText(r.text, length) || r.matterTitle || r.itemTitle || `${r.kind}${r.item ? ` zu TOP ${r.item}` : ''}`;
  const count = (values: Iterable<string>) => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return counts;
  };
  const short = new Map(resolutions.map((r) => [r.id, title(r, resolutionTitleLength)]));
  const shortCounts = count(short.values());
  const titles = new Map(
    resolutions.map((r) => [r.id, shortCounts.get(short.get(r.id)!)! > 1 ? title(r, resolutionTitleLength * 2) : short.get(r.id)!]),
  );
  const longCounts = count(titles.values());
  const seen = new Map<string, number>();
  for (const r of resolutions) {
    const base = titles.get(r.id)!;
    if (longCounts.get(base)! < 2) continue;
    seen.set(base, (seen.get(base) ?? 0) + 1);
    titles.set(r.id, `${base} (${seen.get(base)})`);
  }
  return titles;
}

/**
 * Where a resolution stands in its meeting, for the meta line under its title: TOP and kind,
 * with an ordinal when the TOP has several of that kind.
 * @param siblings the resolutions of the same meeting, in protocol order
 * @example resolutionPosition({ id: 'm-b3', kind: 'Beschluss', item: '3' }, siblings) // => 'TOP 3, 2. Beschluss'
 * @example resolutionPosition({ id: 'm-b1', kind: 'Vereinbarung' }, siblings) // => 'Vereinbarung'
 */
export function resolutionPosition(
  resolution: { id: string; kind: string; item?: string },
  siblings: readonly { id: string; kind: string; item?: string }[],
): string {
  const same = siblings.filter((other) => other.kind === resolution.kind && other.item === resolution.item);
  const position = same.findIndex((other) => other.id === resolution.id) + 1;
  const ordinal = same.length > 1 && position > 0 ? `${position}. ` : '';
  return `${resolution.item ? `TOP ${resolution.item}, ` : ''}${ordinal}${resolution.kind}`;
}

/**
 * What a resolution's text says beyond its title, for the excerpt under a title link, so a
 * list does not print the same words twice: the rest of the text after the title's words
 * ("… das Pilotprojekt weiter voranzutreiben"), the whole text when the title is not its start
 * (a lead-in was left out, or a fallback title), `''` when the title is the whole text.
 * @example textAfterTitle('Die OM wächst', 'Die OM wächst.') // => ''
 * @example textAfterTitle('Die OM wächst …', 'Die OM wächst schnell.') // => '… schnell.'
 * @example textAfterTitle('Die OM wächst', 'Die OM wächst. Sie lernt.') // => 'Sie lernt.'
 */
export function textAfterTitle(title: string, text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const start = title.replace(/ …$/, '').replace(/ \(\d+\)$/, '');
  if (!flat.toLocaleLowerCase('de').startsWith(start.toLocaleLowerCase('de'))) return flat;
  const rest = flat.slice(start.length).replace(/^[\s,;:.!?–-]+/, '');
  if (!/\p{L}/u.test(rest)) return '';
  // A shortened title stops mid-sentence: the rest goes on from there.
  return title.endsWith(' …') ? `… ${rest}` : rest;
}
