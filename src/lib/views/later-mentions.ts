/**
 * "Später erwähnt in": where later meetings take up the subject of a resolution or
 * a matter (Vorgang), and, the other way round, which earlier resolutions a
 * meeting states the status of. Pure functions over the `ArchiveIndex`.
 *
 * A later meeting takes up a resolution when (strongest first):
 * 1. it consults a matter the resolution belongs to (`content/matters/`, a
 *    consultation of a later meeting: its TOP and its resolutions on the matter);
 * 2. its protocol states the resolution's status (`statuses[].statedIn`);
 * 3. its protocol text names the resolution's subject.
 *
 * The subject rule (3): a resolution's subject is named by the titles of its
 * matters and by the names it quotes („Zusatzqualifikation KI“); a matter's by its
 * title. The key terms of such a phrase are its nouns and names (capitalised, as
 * German writes them) of five or more letters, and its abbreviations of two or more
 * capitals ("KI", "GeZu"), without common nouns (`COMMON_WORDS`: "Zusammenarbeit",
 * "Entwicklung"), without capitalised words the archive also writes in lower case
 * (an adjective at the start of a title: "Regionale" as in "regionale Netzwerke";
 * abbreviations are exempt),
 * and without words that occur in more than half of all
 * meetings (and in more than three), which say nothing about a subject in this
 * archive ("Offensive", "Mittelstand"). A TOP (or the text before the first TOP)
 * names the phrase when it contains at least half of its key terms, and at least
 * two when the phrase has two or more (one term alone is a coincidence), each at a
 * word start ("Netzwerklotsen" also finds "Netzwerklotsen-Qualifizierung"). Only
 * meetings after the resolution's (after the matter's first consultation) count,
 * and for a matter only TOPs that are not already its consultations.
 */
import { topAnchorId } from '../model/anchors';
import { memoPerIndex } from '../index/memo';
import type { ArchiveIndex, ResolutionInMeeting } from '../index/archive-index';
import { formatDate } from '../model/format';
import { committeeName } from '../model/labels';
import type { Matter, Meeting } from '../model/model';
import { matterPath, meetingPath, resolutionPagePath } from '../model/paths';
import type { resolutionStatuses } from '../model/schema';
import { resolutionListItem, type ResolutionListItem } from './resolution';
import { resolutionRegister, statusLabels, topTitle, type Link } from '../index/resolutions';
import { escapeRegExp } from '../text/regexp';

/** One later meeting (one TOP of it) that takes the subject up. */
export interface LaterMention {
  /** ISO date of the meeting. */
  date: string;
  /** `"11. November 2021"` */
  dateLabel: string;
  /** The meeting, labelled with its title. */
  meeting: Link;
  /** The committee's name. */
  committee: string;
  /** `"TOP 3 – Title"`, linked to its heading when the text has one; undefined for the whole meeting or its preamble. */
  agendaItem?: { number: string; label: string; href?: string };
  /** Why, in German, strongest first: `['Gleicher Vorgang: „…“', 'Stand: umgesetzt', 'Nennt „Zusatzqualifikation“, „KI“']`. */
  reasons: string[];
  /** Resolutions taken there on the same matter, linked to their pages. */
  resolutions: Link[];
}

/** German words that name no subject: function words (capitalised at a sentence start) and nouns of any protocol. */
export const COMMON_WORDS = new Set(
  [
    'sowie', 'einer', 'eines', 'einem', 'einen', 'durch', 'werden', 'wurde', 'wurden', 'zwischen', 'unter', 'gegen', 'neben', 'innerhalb',
    'allen', 'alle', 'dieser', 'diese', 'dieses', 'deren', 'dessen', 'ihrer', 'ihren', 'seiner', 'seinen', 'beim', 'seit', 'sollen', 'können',
    'beschluss', 'beschlüsse', 'vereinbarung', 'vereinbarungen', 'protokoll', 'sitzung', 'treffen', 'tagesordnung', 'bericht', 'thema', 'themen',
    'weiterentwicklung', 'entwicklung', 'zukunft', 'stand', 'neues', 'aktuelle', 'aktuellen', 'ersten', 'erste', 'zweite', 'zweiten', 'neuen', 'neue',
    'zusammenarbeit', 'umsetzung', 'unterstützung', 'beteiligung', 'organisation', 'partner', 'teilnehmenden', 'ergebnisse', 'fassung',
  ].map((word) => word.toLowerCase()),
);

/** Quoted names in a text: „…“, "…", »…«. */
const QUOTED = /[„"»]([^„“"»«\n]{3,100})[“"«]/gu;

/**
 * The names a text quotes.
 * @example quotedNames('die „Zusatzqualifikation KI“ als OM-Produkt') // => ['Zusatzqualifikation KI']
 */
export function quotedNames(text: string): string[] {
  return [...text.matchAll(QUOTED)].map((match) => match[1].trim()).filter(Boolean);
}

/**
 * The candidate key terms of a phrase (before the frequency filter), lower case, each once.
 * @example phraseTerms('Zusatzqualifikation KI als OM-Produkt') // => ['zusatzqualifikation', 'ki', 'om-produkt']
 */
export function phraseTerms(phrase: string): string[] {
  const terms = phrase
    .split(/[^\p{L}\p{N}-]+/u)
    .map((word) => word.replace(/^-+|-+$/g, ''))
    .filter((word) => {
      const letters = word.replace(/[^\p{L}]/gu, '');
      const abbreviation = /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(word) || /^\p{Lu}\p{Ll}?\p{Lu}/u.test(word);
      const noun = /^\p{Lu}/u.test(word);
      return noun && (letters.length >= 5 || (abbreviation && letters.length >= 2)) && !COMMON_WORDS.has(word.toLowerCase());
    })
    .map((word) => word.toLowerCase());
  return [...new Set(terms)];
}

/** A term found at a word start, case-insensitive. */
function termPattern(term: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}`, 'iu');
}

/**
 * How many key terms of a phrase a text must contain: half of them, at least two when there are two or more.
 * @example requiredTerms(1) // => 1
 * @example requiredTerms(5) // => 3
 */
export function requiredTerms(count: number): number {
  return count <= 1 ? count : Math.max(2, Math.ceil(count / 2));
}

/**
 * Which key terms of the phrase the text names, if enough of them (`requiredTerms`); else none.
 * @example namedTerms('Die Zusatzqualifikation KI wird vorgestellt.', ['zusatzqualifikation', 'ki', 'om-produkt']) // => ['zusatzqualifikation', 'ki']
 */
export function namedTerms(text: string, terms: readonly string[]): string[] {
  if (terms.length === 0) return [];
  const found = terms.filter((term) => termPattern(term).test(text));
  return found.length >= requiredTerms(terms.length) ? found : [];
}

/** One section (TOP, or the text before the first TOP) of a meeting, as the word index knows it. */
interface IndexedSection {
  meeting: Meeting;
  topNumber?: string;
}

/**
 * The word index of the archive's texts, built once per index: every word (lower case; the
 * parts of a hyphenated word too, so "produkt" is found in "OM-Produkt") with the sections it
 * is in, sorted so that all words starting with a term are one range (a binary search). Without
 * it, every resolution page would scan every protocol (BENCHMARKS.md: 2,000 protocols).
 */
interface WordIndex {
  sections: IndexedSection[];
  /** Distinct lower-case words, sorted. */
  words: string[];
  /** Word => indexes into `sections`. */
  postings: Map<string, number[]>;
  /** Lower-case words the texts write in lower case somewhere. */
  lowerCase: Set<string>;
  /** Term => its sections (cached). */
  termSections: Map<string, Set<number>>;
}

const wordIndexes = new WeakMap<ArchiveIndex, WordIndex>();

/**
 * A word of the protocols, hyphenated parts joined ("OM-Produkt"). Latin letters (with
 * umlauts, ß and the Latin-1/Extended-A/B accents) instead of `\p{L}`: four times faster at
 * 2,000 protocols, and the protocols are German.
 */
const WORD = /[A-Za-z0-9À-ÖØ-öø-ɏ]+(?:-[A-Za-z0-9À-ÖØ-öø-ɏ]+)*/g;

/** The word index of an archive (built on first use). */
function wordIndex(index: ArchiveIndex): WordIndex {
  let built = wordIndexes.get(index);
  if (built) return built;
  const sections: IndexedSection[] = [];
  const postings = new Map<string, number[]>();
  const lowerCase = new Set<string>();
  for (const meeting of index.meetings) {
    const text = index.bodies.get(meeting.id)?.text;
    if (!text) continue;
    for (const section of text.sections) {
      const position = sections.push({ meeting, topNumber: section.topNumber }) - 1;
      const seen = new Set<string>();
      const add = (word: string) => {
        const lower = word.toLowerCase();
        if (word[0] === lower[0] && lower[0] !== lower[0].toUpperCase()) lowerCase.add(lower);
        if (seen.has(lower)) return;
        seen.add(lower);
        const list = postings.get(lower);
        if (list) list.push(position);
        else postings.set(lower, [position]);
      };
      for (const [token] of text.text.slice(section.start, section.end).matchAll(WORD)) {
        add(token);
        for (let at = token.indexOf('-'); at >= 0; at = token.indexOf('-', at + 1)) add(token.slice(at + 1));
      }
    }
  }
  built = { sections, words: [...postings.keys()].sort(), postings, lowerCase, termSections: new Map() };
  wordIndexes.set(index, built);
  return built;
}

/** The words of the index that start with `term`: one range of the sorted list. */
function wordsStartingWith(words: readonly string[], term: string): string[] {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid] < term) lo = mid + 1;
    else hi = mid;
  }
  const found: string[] = [];
  for (let i = lo; i < words.length && words[i].startsWith(term); i++) found.push(words[i]);
  return found;
}

/** The sections whose text has a word starting with the term (cached per term). */
function sectionsWithTerm(words: WordIndex, term: string): Set<number> {
  let found = words.termSections.get(term);
  if (!found) {
    found = new Set(wordsStartingWith(words.words, term).flatMap((word) => words.postings.get(word)!));
    words.termSections.set(term, found);
  }
  return found;
}

const frequencies = new WeakMap<ArchiveIndex, Map<string, number>>();

/** The number of meetings whose text contains the term at a word start (counted once per term and build). */
function meetingFrequency(index: ArchiveIndex, term: string): number {
  let counts = frequencies.get(index);
  if (!counts) frequencies.set(index, (counts = new Map()));
  let count = counts.get(term);
  if (count === undefined) {
    const words = wordIndex(index);
    count = new Set([...sectionsWithTerm(words, term)].map((i) => words.sections[i].meeting.id)).size;
    counts.set(term, count);
  }
  return count;
}

/** Whether some protocol writes the term in lower case at a word start ("regionale Netzwerke"). */
function writtenInLowerCase(index: ArchiveIndex, term: string): boolean {
  const words = wordIndex(index);
  return wordsStartingWith(words.words, term).some((word) => words.lowerCase.has(word));
}

/**
 * The key terms of a subject phrase in this archive: `phraseTerms` without words the archive
 * also writes in lower case and without the terms in more than half of all meetings (and more than three).
 * @example subjectTerms(index, 'Zusatzqualifikation KI als OM-Produkt') // => ['zusatzqualifikation', 'ki', 'om-produkt']
 */
export function subjectTerms(index: ArchiveIndex, phrase: string): string[] {
  const limit = Math.max(3, index.meetings.length / 2);
  // Abbreviations ("KI") are capitals by nature: "ki" at the start of "Kinder" says nothing.
  const abbreviations = new Set(phrase.split(/[^\p{L}\p{N}-]+/u).filter((w) => /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(w)).map((w) => w.toLowerCase()));
  return phraseTerms(phrase).filter(
    (term) => (abbreviations.has(term) || !writtenInLowerCase(index, term)) && meetingFrequency(index, term) <= limit,
  );
}

/** Collects mentions by meeting and TOP, merging reasons and resolutions. */
class MentionCollector {
  private readonly entries = new Map<string, LaterMention & { rank: number }>();
  constructor(private readonly index: ArchiveIndex) {}

  /** Adds a reason (and resolutions) for a meeting's TOP; `rank` orders the reasons. */
  add(meeting: Meeting, topNumber: string | undefined, reason: string, rank: number, resolutions: Link[] = []): void {
    const key = `${meeting.id} ${topNumber ?? ''}`;
    let entry = this.entries.get(key);
    if (!entry) {
      const headings = new Set(this.index.bodies.get(meeting.id)?.topNumbers ?? []);
      const title = topTitle(this.index, meeting, topNumber);
      entry = {
        rank,
        date: meeting.date,
        dateLabel: formatDate(meeting.date),
        meeting: { href: meetingPath(meeting.id), label: meeting.title },
        committee: committeeName(this.index.registries, meeting.committee),
        agendaItem: topNumber
          ? {
              number: topNumber,
              label: title ? `TOP ${topNumber} – ${title}` : `TOP ${topNumber}`,
              href: headings.has(topNumber) ? `${meetingPath(meeting.id)}#${topAnchorId(topNumber)}` : undefined,
            }
          : undefined,
        reasons: [],
        resolutions: [],
      };
      this.entries.set(key, entry);
    }
    entry.rank = Math.min(entry.rank, rank);
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    for (const link of resolutions) if (!entry.resolutions.some((r) => r.href === link.href)) entry.resolutions.push(link);
  }

  /** Whether a meeting's TOP is already listed. */
  has(meetingId: string, topNumber: string | undefined): boolean {
    return this.entries.has(`${meetingId} ${topNumber ?? ''}`);
  }

  /** The mentions, oldest meeting first, then by TOP number. */
  list(): LaterMention[] {
    const number = (entry: LaterMention) => Number.parseFloat(entry.agendaItem?.number ?? '0');
    return [...this.entries.values()]
      .sort((a, b) => a.date.localeCompare(b.date) || a.meeting.href.localeCompare(b.meeting.href) || number(a) - number(b))
      .map(({ rank: _rank, ...entry }) => ({
        ...entry,
        // Resolutions in protocol order (b2 before b10).
        resolutions: [...entry.resolutions].sort((a, b) => a.href.localeCompare(b.href, 'en', { numeric: true })),
      }));
  }
}

/** `„Zusatzqualifikation“, „KI“` from the terms as written in the phrase. */
function termLabel(phrase: string, terms: readonly string[]): string {
  const words = phrase.split(/[^\p{L}\p{N}-]+/u).map((word) => word.replace(/^-+|-+$/g, ''));
  return terms.map((term) => `„${words.find((word) => word.toLowerCase() === term) ?? term}“`).join(', ');
}

/** Adds the TOPs of later meetings whose text names one of the phrases (through the word index). */
function addTextMentions(
  index: ArchiveIndex,
  collector: MentionCollector,
  phrases: readonly string[],
  after: string,
  skip: (meetingId: string, topNumber: string | undefined) => boolean,
): void {
  const words = wordIndex(index);
  for (const phrase of new Set(phrases)) {
    const terms = subjectTerms(index, phrase);
    if (terms.length === 0) continue;
    /** Section => the phrase's terms it contains. */
    const named = new Map<number, string[]>();
    for (const term of terms) {
      for (const section of sectionsWithTerm(words, term)) named.set(section, [...(named.get(section) ?? []), term]);
    }
    for (const [position, found] of [...named].sort((a, b) => a[0] - b[0])) {
      const { meeting, topNumber } = words.sections[position];
      if (found.length < requiredTerms(terms.length) || meeting.date <= after || skip(meeting.id, topNumber)) continue;
      collector.add(meeting, topNumber, `Nennt ${termLabel(phrase, found)}`, 3);
    }
  }
}

/** A status statement with the matter it is recorded in. */
type Statement = { matter: Matter; statement: Matter['statuses'][number] };

/** Status statements by resolution and by stating meeting, built once per index (matters in id order, file order within). */
const statementIndexes = new WeakMap<ArchiveIndex, { byResolution: Map<string, Statement[]>; byMeeting: Map<string, Statement[]> }>();

function statements(index: ArchiveIndex) {
  let built = statementIndexes.get(index);
  if (!built) {
    built = { byResolution: new Map(), byMeeting: new Map() };
    for (const matter of [...index.registries.matters.values()].sort((a, b) => a.id.localeCompare(b.id))) {
      for (const statement of matter.statuses) {
        const entry = { matter, statement };
        built.byResolution.set(statement.resolution, [...(built.byResolution.get(statement.resolution) ?? []), entry]);
        built.byMeeting.set(statement.statedIn, [...(built.byMeeting.get(statement.statedIn) ?? []), entry]);
      }
    }
    statementIndexes.set(index, built);
  }
  return built;
}

/** A resolution's link, labelled like the register: by what it decides (`ResolutionInMeeting.title`). */
function resolutionLink(resolution: ResolutionInMeeting): Link {
  return { href: resolutionPagePath(resolution.id), label: resolution.title };
}

/**
 * The later meetings that take a resolution up (rules 1–3 above), oldest first.
 * @example laterMentionsOfResolution(index, '2021-04-22-strategiekreis-b7')[0].reasons
 *   // => ['Gleicher Vorgang: „Zusatzqualifikation KI als OM-Produkt“', 'Stand: in Umsetzung', 'Nennt „Zusatzqualifikation“, „KI“']
 */
export function laterMentionsOfResolution(index: ArchiveIndex, resolutionId: string): LaterMention[] {
  return laterOfResolution(index, resolutionId);
}

/** `laterMentionsOfResolution`, once per index and resolution (a page's key and its render both ask). */
const laterOfResolution = memoPerIndex((index, resolutionId: string): LaterMention[] => {
  const register = resolutionRegister(index);
  const resolution = register.byId.get(resolutionId);
  if (!resolution) return [];
  const after = resolution.meeting.date;
  const collector = new MentionCollector(index);
  const matters = register.matters.get(resolutionId) ?? [];
  for (const matter of matters) {
    for (const consultation of matter.consultations) {
      const meeting = index.meetingById.get(consultation.meeting);
      if (!meeting || meeting.date <= after) continue;
      const resolutions = consultation.resolutions.map((id) => register.byId.get(id)).filter((r) => r !== undefined);
      collector.add(meeting, consultation.agendaItem, `Gleicher Vorgang: „${matter.title}“`, 1, resolutions.map((r) => resolutionLink(r)));
    }
  }
  for (const { matter, statement } of statements(index).byResolution.get(resolutionId) ?? []) {
    const meeting = index.meetingById.get(statement.statedIn);
    if (!meeting || meeting.date <= after) continue;
    // The statement belongs to the consultation of the matter in that meeting, where there is one.
    const consultation = matter.consultations.find((c) => c.meeting === meeting.id);
    collector.add(meeting, consultation?.agendaItem, `Stand: ${statusLabels[statement.status]}`, 2);
  }
  const phrases = [...matters.map((m) => m.title), ...quotedNames(resolution.text)];
  addTextMentions(index, collector, phrases, after, () => false);
  return collector.list();
});

/**
 * The later meetings whose text names a matter's subject (its title) outside its own
 * consultations, after its first consultation; oldest first. The consultations themselves
 * are the matter's timeline.
 * @example laterMentionsOfMatter(index, matter).map((m) => m.meeting.label) // => ['5. Treffen des Strategiekreises']
 */
export function laterMentionsOfMatter(index: ArchiveIndex, matter: Matter): LaterMention[] {
  const dates = matter.consultations.map((c) => index.meetingById.get(c.meeting)?.date).filter((d): d is string => d !== undefined).sort();
  if (dates.length === 0) return [];
  const consulted = new Set(matter.consultations.map((c) => `${c.meeting} ${c.agendaItem ?? ''}`));
  const collector = new MentionCollector(index);
  addTextMentions(index, collector, [matter.title], dates[0], (meetingId, topNumber) => consulted.has(`${meetingId} ${topNumber ?? ''}`));
  return collector.list();
}

/** A resolution whose status a meeting states, with the status as stated there. */
export interface StatedStatus {
  resolution: ResolutionListItem;
  /** The status code as stated in this meeting (which need not be the current status). */
  statusCode: (typeof resolutionStatuses)[number];
  /** `"umgesetzt"` */
  statusLabel: string;
  note?: string;
  /** The matter the statement is recorded in. */
  matter: Link;
}

/**
 * The earlier resolutions whose status a meeting's protocol states (`statuses[].statedIn`),
 * oldest resolution first.
 * @example statusesStatedIn(index, '2021-11-11-strategiekreis').map((s) => [s.resolution.id, s.statusLabel]) // => [['2021-04-22-strategiekreis-b3', 'umgesetzt'], ['2021-04-22-strategiekreis-b7', 'in Umsetzung']]
 */
export function statusesStatedIn(index: ArchiveIndex, meetingId: string): StatedStatus[] {
  const meeting = index.meetingById.get(meetingId);
  if (!meeting) return [];
  const register = resolutionRegister(index);
  const stated: (StatedStatus & { order: number })[] = [];
  for (const { matter, statement } of statements(index).byMeeting.get(meetingId) ?? []) {
    const resolution = register.byId.get(statement.resolution);
    if (!resolution || resolution.meeting.date >= meeting.date) continue;
    stated.push({
      order: register.chronologicalPosition.get(resolution.id) ?? 0,
      resolution: resolutionListItem(index, resolution),
      statusCode: statement.status,
      statusLabel: statusLabels[statement.status],
      note: statement.note,
      matter: { href: matterPath(matter.id), label: matter.title },
    });
  }
  return stated.sort((a, b) => a.order - b.order).map(({ order: _order, ...entry }) => entry);
}
