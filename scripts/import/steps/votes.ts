/**
 * Votes and decisions told in a sentence: what the body step (`body.ts`) needs to turn
 * "Der Antrag wird einstimmig angenommen." or "Frau Beispiel wird zur Kassenwartin gewählt."
 * into a `<Resolution>` with its kind and vote.
 *
 * Rules (how German bodies write outcomes in their minutes; test/fixtures/foreign/README.md):
 * - a decision sentence states an outcome in the passive ("… wird/wurde … angenommen,
 *   abgelehnt, beschlossen, genehmigt, zugestimmt, gewählt, entlastet, vertagt") or a body
 *   acts ("Die Versammlung wählt …", "Der Vorstand beschließt einstimmig, …", "Die
 *   Versammlung erteilt dem Vorstand Entlastung", "Der Ausschuss lehnt den Antrag ab");
 * - the verb gives the kind: gewählt → Wahl, entlastet/Entlastung → Entlastung, vertagt →
 *   Vertagung, everything else → Beschluss;
 * - not a decision: a plan or a report ("soll … beschlossen werden", "muss … gewählt werden",
 *   "wurde bereits … beschlossen"), a question, and procedural approvals, which stay prose:
 *   the agenda ("Die Tagesordnung wird einstimmig angenommen."), the last protocol ("Das
 *   Protokoll der letzten Sitzung wird genehmigt."; written as `Beschluss:` it is one), the
 *   meeting's own officers ("Zum Versammlungsleiter wird … gewählt"), the quorum;
 * - a vote is read from counts ("7 Ja, 0 Nein, 4 Enthaltungen", "6/0/1": yes/no/abstain),
 *   "einstimmig" (unanimous), "bei einer Enthaltung", "mit 2 Gegenstimmen"; "ohne
 *   Gegenstimmen" is only a result word (abstentions unknown).
 */

/** The kinds of resolution the importer writes (`resolutionKinds` in src/lib/model/schema.ts). */
export type ResolutionKind = 'Beschluss' | 'Vereinbarung' | 'Wahl' | 'Entlastung' | 'Vertagung';

/** A vote as written: counts where given, and whether it was unanimous ("einstimmig"). */
export interface Vote {
  yes?: number;
  no?: number;
  abstain?: number;
  unanimous?: boolean;
}

/** Number words a vote may be written in ("bei einer Enthaltung", "zwei Gegenstimmen"). */
const NUMBER_WORDS: Record<string, number> = { kein: 0, keine: 0, keiner: 0, ein: 1, eine: 1, einer: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12 };
const NUMBER = `(\\d{1,4}|${Object.keys(NUMBER_WORDS).join('|')})`;
const toNumber = (s: string) => (/^\d/.test(s) ? Number(s) : NUMBER_WORDS[s.toLowerCase()]);

/**
 * The vote in a text, or undefined when it states none.
 * @example readVote('Abstimmung: 7 Ja, 0 Nein, 4 Enthaltungen') // => { yes: 7, no: 0, abstain: 4 }
 * @example readVote('einstimmig bei einer Enthaltung') // => { unanimous: true, abstain: 1 }
 */
export function readVote(text: string): Vote | undefined {
  const vote: Vote = {};
  // At most three digits each: "01/02/2020" is a date, no vote.
  const slash = /(?<![\d/.])(\d{1,3})\s*\/\s*(\d{1,3})\s*\/\s*(\d{1,3})(?![\d/])/.exec(text);
  if (slash) [vote.yes, vote.no, vote.abstain] = slash.slice(1).map(Number);
  const count = (word: string) => new RegExp(`(?<![\\p{L}\\d])${NUMBER}\\s*(?:${word})(?!\\p{L})`, 'iu').exec(text);
  const yes = count('Ja(?:-Stimmen)?|Ja-Stimme|Stimmen dafür|Für-Stimmen|dafür');
  const no = count('Nein(?:-Stimmen)?|Gegenstimmen?|dagegen');
  const abstain = count('(?:Stimm)?[Ee]nthaltung(?:en)?');
  if (!slash && yes) vote.yes = toNumber(yes[1]);
  if (!slash && no) vote.no = toNumber(no[1]);
  if (!slash && abstain) vote.abstain = toNumber(abstain[1]);
  if (/(?<!\p{L})einstimmig(?!\p{L})/iu.test(text)) vote.unanimous = true;
  return Object.keys(vote).length ? vote : undefined;
}

/** A decision sentence found in a text: where it starts, its kind, and whether the motion failed. */
export interface DecisionSentence {
  /** Offset of the sentence in the text. */
  index: number;
  kind: ResolutionKind;
  /** "abgelehnt" (rejected), "vertagt" (postponed), or undefined (adopted). */
  outcome?: 'abgelehnt' | 'vertagt';
  /** The sentence points back at a motion before it ("Der Antrag wird …", "Dem wird zugestimmt"). */
  anaphoric: boolean;
}

const PARTICIPLE = /(?<!\p{L})(angenommen|abgelehnt|beschlossen|genehmigt|zugestimmt|(?:wieder)?gewählt|entlastet|vertagt|zurückgestellt)(?!\p{L})/u;
/** The passive's auxiliary before the participle in the same clause, no "haben" between ("… haben die Ersatzzahlung gewählt" is no decision). */
const PASSIVE = new RegExp(`(?<!\\p{L})(?:wird|werden|wurde|wurden|ist|sind)(?!\\p{L})(?:(?!(?<!\\p{L})(?:hat|haben|hatte|hatten)(?!\\p{L}))[^;:])*?${PARTICIPLE.source}`, 'u');
/** A body acting: "Die Mitgliederversammlung wählt …", "Der Rat beschließt einstimmig, …". */
const ACTIVE = /^(?:Die|Der|Das)\s+(?:[\p{L}-]+\s+){0,3}?(?:[\p{L}-]*(?:versammlung|rat|ausschuss|vorstand|gremium|plenum|kreis|beirat|kommission|vertretung|konferenz|kuratorium)|AG(?:\s+\S+)?)\s+(beschließt|beschloss|beschließen|wählt|wählte|wählen|erteilt|erteilte|lehnt|lehnte|vertagt|vertagte|stimmt|stimmte)(?!\p{L})/iu;
const ELECTION_LIST = /^(?:Gewählt|Wiedergewählt)\s+(?:werden|wurden|wird|wurde|sind|ist)\s*:/u;
/** A plan, a report of an earlier decision, a condition: not a decision of this meeting. */
const NOT_NOW = /(?<!\p{L})(?:soll|sollen|sollte|sollten|muss|müssen|musste|kann|können|könnte|könnten|würde|würden|wäre|bereits|schon|damals|falls|wenn|ob|noch nicht)(?!\p{L})|(?:angenommen|abgelehnt|beschlossen|genehmigt|gewählt|entlastet|vertagt|zugestimmt)\s+(?:werden|zu werden)(?!\p{L})|(?<!\p{L})wie\s+(?:[\p{L}\d.]+\s+){0,6}(?:beschlossen|vereinbart|besprochen)/iu;
/** Procedural approvals and the meeting's own officers: prose, not resolutions. */
const PROCEDURAL = /(?<!\p{L})(?:Tagesordnung|Protokoll\p{L}*|Niederschrift|Versammlungsleit\p{L}*|Sitzungsleit\p{L}*|Wahlleit\p{L}*|Beschlussfähigkeit|Wahlhelfer\p{L}*|Stimmzähler\p{L}*)(?!\p{L})|angenommen,\s+dass/u;
/** The sentence names no content of its own, only the motion before it: "Der Antrag wird einstimmig angenommen.", "Dem wird zugestimmt.", "Einstimmig angenommen." */
const ANAPHORIC = /^(?:Der|Dem|Dieser|Diesem|Die|Das)\s+(?:Antrag|Vorschlag|Beschlussvorschlag|Beschlussvorlage|Vorlage|Empfehlung|Änderungsantrag)\s+(?:wird|wurde|ist)(?!\p{L})|^(?:Dem|Dies|Diesem|Dieser|Er|Sie)\s+(?:wird|wurde)(?!\p{L})|^(?:Einstimmig|Mehrheitlich|Angenommen|Abgelehnt)(?!\p{L})/iu;

/**
 * A vote line: "Abstimmungsergebnis: …", "Abstimmung: 7/0/1", "Ergebnis 6/0/1 – angenommen", "(7/1/1)".
 * @example isVoteLine('Abstimmung: 7 Ja, 0 Nein, 4 Enthaltungen') // => true
 */
export function isVoteLine(text: string): boolean {
  return VOTE_LINE.test(text) && text.length < 200;
}
const VOTE_LINE = /^\(?\s*(?:Abstimmungsergebnis|Abstimmung|Ergebnis der Abstimmung|Stimmergebnis)\s*:\s*\S|^Ergebnis\s*:?\s*(?:\d{1,4}\s*\/|einstimmig)|^\(\s*\d{1,3}\s*\/\s*\d{1,3}\s*\/\s*\d{1,3}\s*\)\.?$/i;

/** Words after which a full stop ends no sentence ("Dr. Meier", "3. Sitzung"). */
const ABBREVIATION = /(?:^|[\s(])(?:Dr|Prof|Nr|Hr|Fr|ca|bzw|vgl|ggf|inkl|St|Abs|Ziff|Tel|Mio|Mrd|u\.a|z\.B|d\.h|e\.V|i\.V|\d{1,3}|[A-ZÄÖÜ])\.$/u;

/**
 * Offsets where the sentences of a text start (0 first).
 * @example sentenceStarts('Dr. Eck berichtet. Der Antrag wird angenommen.') // => [0, 19]
 */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/[.!?]["“”»]?\s+(?=[\p{Lu}„"»])/gu)) {
    if (ABBREVIATION.test(text.slice(Math.max(0, m.index - 6), m.index + 1))) continue;
    starts.push(m.index + m[0].length);
  }
  return starts;
}

/**
 * The first decision sentence of a text (a paragraph or a list item), or null.
 * @example findDecision('Bericht der Kasse. Der Vorstand wird einstimmig entlastet.') // => { index: 19, kind: 'Entlastung', anaphoric: false }
 */
export function findDecision(text: string): DecisionSentence | null {
  const starts = sentenceStarts(text);
  for (const [n, start] of starts.entries()) {
    const sentence = text.slice(start, starts[n + 1] ?? text.length).trim();
    // "… Restzeiten frei zu vergeben. Abstimmung: 5 Ja, 0 Nein, 2 Enthaltungen": the paragraph is the motion, the line its vote.
    if (n > 0 && isVoteLine(sentence)) {
      const vote = readVote(sentence);
      const rejected = /abgelehnt/.test(sentence) || (vote?.yes !== undefined && vote.no !== undefined && vote.no >= vote.yes && !vote.unanimous);
      return { index: start, kind: 'Beschluss', ...(rejected && { outcome: 'abgelehnt' as const }), anaphoric: true };
    }
    const found = readDecisionSentence(sentence);
    if (found) return { ...found, index: start };
  }
  return null;
}

/** Reads one sentence as a decision (kind, outcome), or null. */
function readDecisionSentence(sentence: string): Omit<DecisionSentence, 'index'> | null {
  // "Gewählt werden: Hinrich Wolters (1. Vorsitzender, 288 Ja), …": an election list.
  if (ELECTION_LIST.test(sentence)) return { kind: 'Wahl', anaphoric: false };
  if (sentence.length > 600 || /\?\s*$/.test(sentence) || NOT_NOW.test(sentence) || PROCEDURAL.test(sentence)) return null;
  const participle = PARTICIPLE.exec(sentence);
  const active = ACTIVE.exec(sentence);
  let verb: string;
  const passive = PASSIVE.exec(sentence);
  if (passive) verb = passive[1];
  else if (participle && /^(?:Einstimmig|Mehrheitlich)\s/i.test(sentence)) verb = participle[1];
  // "Gewählt werden: Hinrich Wolters (1. Vorsitzender, 288 Ja), …": an election list.
  else if (active) {
    verb = active[1].toLowerCase();
    // "erteilt … Entlastung", "lehnt … ab", "stimmt … zu": the verb needs its other part.
    if (verb.startsWith('erteil') && !/Entlastung/.test(sentence)) return null;
    if (verb.startsWith('lehnt') && !/\sab[.,;\s]*$|\sab\s*\(/.test(sentence)) return null;
    if (verb.startsWith('stimmt') && !/\szu[.,;\s]*$|\szu\s*\(/.test(sentence)) return null;
  } else return null;
  const kind: ResolutionKind = /wähl|gewählt/.test(verb) ? 'Wahl' : /entlast|erteil/.test(verb) ? 'Entlastung' : /vertagt|zurückgestellt/.test(verb) ? 'Vertagung' : 'Beschluss';
  const vote = readVote(sentence);
  const rejected = /abgelehnt|lehnt/.test(verb) || /nicht\s+angenommen/.test(sentence) || (vote?.yes !== undefined && vote.no !== undefined && vote.no >= vote.yes && !vote.unanimous);
  const outcome = rejected ? 'abgelehnt' : kind === 'Vertagung' ? 'vertagt' : undefined;
  return { kind, ...(outcome && { outcome }), anaphoric: ANAPHORIC.test(sentence) };
}
