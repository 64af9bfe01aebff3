/**
 * Next-meetings step: the dates a protocol announces. A date is a meeting of a committee
 * only when its sentence says that committee meets ("Das nächste Treffen der AG Transfer
 * findet am … statt", "Die nächste Sitzung findet am … statt" in that committee's
 * protocol, "Der Strategiekreis tagt das nächste Mal am …", an entry of a "Nächste
 * Termine" list). Every other dated "nächste…"/"Termin" sentence is an appointment
 * (`appointments`): a working group's date, another body's meeting, a deadline. Those
 * are kept for the reader of the MDX and never published as a committee's meeting.
 */
import type { BodyBlock, CommitteeMatcher, Section, SourceLine } from '../model.ts';
import { findDates, findTimes, type FoundDate } from '../readers/dates.ts';
import { plainBlock } from '../readers/text.ts';
import { findCommittee } from './header.ts';

/** A meeting the protocol announces for a committee (frontmatter `nextMeetings`). */
export interface NextMeetingOut {
  date: string;
  start?: string;
  end?: string;
  committee: string;
  note: string;
}

/** A dated appointment that is no committee's meeting (frontmatter `appointments`). */
export interface AppointmentOut {
  date: string;
  start?: string;
  end?: string;
  /** The body the sentence names for it, as written ("AG", "Vorstand des Fördervereins"), if any. */
  body?: string;
  text: string;
}

/** What the step needs to know of the meeting and the registries. */
export interface NextMeetingsContext {
  /** The protocol's own committee id. */
  own: string;
  /** The meeting's date (ISO): an announced date before it is reported. */
  meetingDate: string;
  committees: CommitteeMatcher[];
  isOrganisation: (s: string) => boolean;
  warn: (line: number, message: string) => void;
}

const NEXT = /(?<!\p{L})(?:nächste[nrsm]?|übernächste[nrsm]?|kommende[nrsm]?)(?!\p{L})/iu;
/** The word after "nächste": a meeting ("Treffen", "Kurz-Online-Treffen", "Plenumssitzung"), or a date ("Termin"). */
const NOUN = /^\s*([\p{L}-]+)/u;
const MEETING_NOUN = /(?:treffen|sitzung|versammlung|tagung|zusammenkunft|meeting)$/i;
const DATE_NOUN = /^termine?$/i;
/** "Der Strategiekreis tagt / trifft sich / kommt … zusammen": the committee before the verb meets. */
const MEETS = /(?<!\p{L})(?:tagt|tagen|trifft\s+sich|treffen\s+sich|kommt\b.*\bzusammen|kommen\b.*\bzusammen)(?!\p{L})/u;
/** A "Nächste Termine" list head ("Nächste Termine:", "## Nächste Termine", "Nächste Termine des Plenums"). */
const LIST_HEAD = /^(?:#+\s*)?(?:Nächste|Kommende|Weitere)\s+(?:Termine|Sitzungstermine|Sitzungen|Treffen)\b(.*?):?\s*$/iu;
/** Where a sentence ends: . ! ? after a word of two letters or more ("11. November", "e. V. findet" go on). */
const SENTENCE_END = /(?<=(?:\p{L}\p{Ll}|[)"“”])[.!?])\s+(?=\p{Lu})/u;

/** Who meets, as a sentence says it: a committee id, another body's name, or nobody (an appointment). */
type Who = { committee: string } | { body?: string };

/**
 * Reads the announced meetings and the appointments of the protocol's sections; `lines`
 * (the source lines) give a "Nächste Termine" list line by line, as the reader may have
 * joined its entries into one paragraph.
 * @example findNextMeetings(sections, ctx) // "Die nächste Sitzung findet am 12.05.2022 statt." => nextMeetings [{ date: '2022-05-12', committee: ctx.own, … }]
 */
export function findNextMeetings(sections: Section[], lines: SourceLine[], ctx: NextMeetingsContext): { nextMeetings: NextMeetingOut[]; appointments: AppointmentOut[] } {
  const nextMeetings: NextMeetingOut[] = [];
  const appointments: AppointmentOut[] = [];
  /** Each date of `text` (a sentence, or a list entry) as `who`'s; a meeting's note is the announcing block as written. */
  const add = (who: Who, block: BodyBlock, text: string, note = text) => {
    for (const d of findDates(text)) {
      const times = timesAfter(text, d);
      if ('committee' in who) {
        nextMeetings.push({ date: d.iso, ...times, committee: who.committee, note });
        if (d.iso < ctx.meetingDate) ctx.warn(block.line, `announced meeting on ${d.iso} is dated before this meeting (${ctx.meetingDate}); kept as written. Fix: check the date in the protocol.`);
      } else appointments.push({ date: d.iso, ...times, ...(who.body && { body: who.body }), text });
    }
  };
  const ends = sections.map((s, k) => sections[k + 1]?.line ?? Infinity);
  for (const [k, section] of sections.entries()) {
    const blocks = section.blocks;
    // A TOP "Nächste Termine": its lines are the list.
    const titleHead = LIST_HEAD.exec(section.title.replace(/^.*?(?=(?:Nächste|Kommende|Weitere)\s)/i, ''));
    if (titleHead && /^(?:Nächste|Kommende|Weitere)\s/i.test(section.title)) {
      readList(lines, section.line, ends[k], titleHead[1], ctx, add);
      continue;
    }
    // Bullets read as the dates of a sentence before them ("… finden statt:") are not read again.
    const consumed = new Set<number>();
    for (let i = 0; i < blocks.length; i++) {
      if (consumed.has(i)) continue;
      const text = plainBlock(blocks[i]).replace(/\*+/g, '');
      const head = LIST_HEAD.exec(text.split(/\s(?=\d{1,2}\.\s|\p{Lu}[\p{L}-]*:)/u)[0]);
      if (head && /^(?:#+\s*)?(?:Nächste|Kommende|Weitere)\s/i.test(text)) {
        const end = blocks.slice(i + 1).find((b) => b.kind === 'paragraph' && !findDates(plainBlock(b)).length)?.line ?? ends[k];
        readList(lines, blocks[i].line - 1, end, head[1], ctx, add);
        while (i + 1 < blocks.length && blocks[i + 1].line < end) i++;
        continue;
      }
      const sentences = text.split(SENTENCE_END);
      for (const [j, sentence] of sentences.entries()) {
        const who = whoMeets(sentence, ctx);
        if (!who) continue;
        // The note: the announcement and what the sentences after it add ("Der Ort wird
        // rechtzeitig bekannt gegeben."), up to the next dated sentence.
        const next = sentences.findIndex((t, m) => m > j && findDates(t).length > 0);
        if (findDates(sentence).length) add(who, blocks[i], sentence, sentences.slice(j, next < 0 ? undefined : next).join(' '));
        else if (sentence.endsWith(':')) {
          for (let j = i + 1; j < blocks.length && blocks[j].kind !== 'paragraph'; j++) {
            add(who, blocks[j], plainBlock(blocks[j]).replace(/\*+/g, ''));
            consumed.add(j);
          }
        }
      }
    }
  }
  return { nextMeetings, appointments };
}

/** Start and end of the first time after a date ("16.09.2022 14-16 Uhr" => 14:00–16:00). */
function timesAfter(text: string, d: FoundDate): { start?: string; end?: string } {
  const t = findTimes(text.slice(d.index + d.text.length))[0];
  return { ...(t && { start: t.start }), ...(t?.end && { end: t.end }) };
}

/**
 * Who a sentence says will meet, or null when it announces nothing ("nächste…" or "Termin"
 * missing). "nächste <meeting word>" followed by a committee of the registry ("… der AG
 * Transfer", "nächste Plenum des Strategiekreises") is that committee; a meeting word alone
 * is the protocol's own committee; followed by another body ("… des Vorstands") it is that
 * body's appointment. "nächster Termin" names a date, not a meeting: a committee's only when
 * the committee follows ("Der nächste Termin der AG Transfer …").
 */
export function whoMeets(sentence: string, ctx: Pick<NextMeetingsContext, 'own' | 'committees' | 'isOrganisation'>): Who | null {
  const next = NEXT.exec(sentence);
  const meets = MEETS.exec(sentence);
  if (meets && (!next || meets.index < next.index)) {
    const named = findCommittee(sentence.slice(0, meets.index), ctx.committees, ctx.isOrganisation);
    if (named) return asWho(named, ctx);
    if (!next) return null;
  }
  if (!next && !/(?<!\p{L})Termin(?:e)?(?!\p{L})/u.test(sentence)) return null;
  if (!next) return { body: undefined };
  const rest = sentence.slice(next.index + next[0].length);
  const nounMatch = NOUN.exec(rest);
  const noun = nounMatch?.[1] ?? '';
  const after = rest.slice(nounMatch?.[0].length ?? 0);
  const genitive = /^\s+(?:der|des)\s+/.exec(after);
  // "… Plenum des Strategiekreises", "… Treffen der AG Transfer": the committee in the genitive meets.
  const owner = genitive ? findCommittee(after.slice(genitive[0].length), ctx.committees, ctx.isOrganisation) : null;
  if (owner && owner.index === 0) return asWho(owner, ctx);
  // "… Plenum findet am …", "… AG Transfer": the word after "nächste" is a committee.
  const named = findCommittee(rest, ctx.committees, ctx.isOrganisation);
  if (named && named.index <= (nounMatch?.[0].length ?? 0) - noun.length) return asWho(named, ctx);
  const body = genitive ? after.slice(genitive[0].length).split(/\s+(?:ist|sind|findet|finden|wird|werden|am|statt)\b|[:,(]/)[0].trim() || undefined : undefined;
  if (body && isOwn(body, ctx)) return { committee: ctx.own };
  if (DATE_NOUN.test(noun)) return { body };
  if (!MEETING_NOUN.test(noun)) return { body: undefined };
  if (genitive) return { body };
  return compoundMeets(noun, ctx);
}

/** What may stand before a meeting word and still mean the own body's meeting ("Online-Treffen", "Arbeitssitzung"). */
const MODIFIER = /^(?:online|präsenz|video|telefon|jahres|sonder|arbeits|klausur|auftakt|abschluss|plenar|regel|kurz|lang)$/i;

/**
 * Whose meeting a meeting word is ("Sitzung", "Strategiekreissitzung", "Kurz-Online-Treffen",
 * "Vorstandssitzung"): the committee its first part names ("Strategiekreis"), the own
 * committee for a plain word, a modifier or a hyphenated compound, else another body's
 * (an appointment).
 */
function compoundMeets(noun: string, ctx: Pick<NextMeetingsContext, 'own' | 'committees'>): Who {
  const stem = noun.replace(/(?:sitzung|treffen|versammlung|tagung|zusammenkunft|meeting)$/i, '');
  // With and without the linking "s" ("Strategiekreis|sitzung", "Vorstand|s|sitzung").
  const stems = [stem, stem.replace(/s$/, '')].map((t) => t.toLowerCase());
  if (!stem || stem.endsWith('-') || stems.some((t) => MODIFIER.test(t))) return { committee: ctx.own };
  const named = ctx.committees.find((c) => c.spellings.some((sp) => stems.includes(sp.toLowerCase())));
  if (named) return isOwn(named.name, ctx) ? { committee: ctx.own } : { committee: named.id };
  return isOwn(noun, ctx) ? { committee: ctx.own } : { body: noun };
}

/**
 * A committee found in a sentence as the one who meets: a registry committee by its id;
 * a body by its kind alone that the own committee's name begins with ("Mitgliederversammlung"
 * in a protocol of "Mitgliederversammlung des Beispiel e. V.") is the own committee; any
 * other body is named as the appointment's body.
 */
function asWho(found: { id: string; name: string; isNew: boolean }, ctx: Pick<NextMeetingsContext, 'own' | 'committees'>): Who {
  if (isOwn(found.name, ctx)) return { committee: ctx.own };
  return found.isNew ? { body: found.name } : { committee: found.id };
}

/**
 * Whether a body named by its kind is the protocol's own committee, whose name begins with
 * it: "Plenum", "Arbeitskreises" or "Vorstandssitzung" in a protocol of "Plenum des Netzwerks …",
 * "Arbeitskreis Streuobst" or "Vorstand des …" (a genitive ending or the meeting word dropped). The OM's Plenum, named in a
 * Strategiekreis protocol, is not.
 */
function isOwn(name: string, ctx: Pick<NextMeetingsContext, 'own' | 'committees'>): boolean {
  const own = ctx.committees.find((c) => c.id === ctx.own)?.name.toLowerCase();
  if (!own) return false;
  const kind = name.toLowerCase();
  // "Vorstandssitzung" is a meeting of the "Vorstand …".
  const body = kind.replace(/s?(?:sitzung|treffen)$/, '');
  return [kind, kind.replace(/e?s$/, ''), body].some((k) => k.length >= 3 && (own === k || own.startsWith(`${k} `)));
}

/**
 * A "Nächste Termine" list: the source lines after the head (`from`, the head's line) up
 * to `to`, each dated line one entry (a line without a date continues the entry before it).
 * An entry naming a committee of the registry ("28. Plenum: Donnerstag, 18.04.2024, 10:00
 * Uhr, Berlin") is that committee's; an entry naming another body ("Vorstandssitzung des
 * Fördervereins: …") that body's appointment; an entry naming none ("Di., 04.06.24") a
 * meeting of the committee the head names, else of the protocol's own.
 */
function readList(lines: SourceLine[], from: number, to: number, headRest: string, ctx: NextMeetingsContext, add: (who: Who, block: BodyBlock, text: string) => void): void {
  const headCommittee = findCommittee(headRest, ctx.committees, ctx.isOrganisation);
  const fallback: Who = headCommittee ? asWho(headCommittee, ctx) : { committee: ctx.own };
  const entries: { line: number; text: string }[] = [];
  for (const l of lines) {
    if (l.n <= from || l.n >= to) continue;
    const text = l.text.replace(/\*+/g, '').replace(/^\s*(?:[-–•*·]\s*)+/, '').trim();
    if (!text || LIST_HEAD.test(text)) continue;
    if (findDates(text).length) entries.push({ line: l.n, text });
    else if (entries.length) entries[entries.length - 1].text += ` ${text}`;
  }
  for (const { line, text } of entries) {
    const named = findCommittee(text, ctx.committees, ctx.isOrganisation);
    // The entry is the note, not the whole list it stands in.
    add(named ? asWho(named, ctx) : fallback, { kind: 'bullet', text, line }, text);
  }
}
