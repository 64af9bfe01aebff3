/**
 * Meeting-committee step: which committee met, and on which day. The header decides
 * (title lines, front matter, the opening sentence), or the importer's options for what
 * the text does not say (`--committee ID`, `--committee-name "…"`, `--date YYYY-MM-DD`).
 * A title that names a meeting but not whose ("Treffen", "Vorstandssitzung", "FSR-Sitzung")
 * is refused unless a body is named nearby: the office must say which body it is.
 */
import { LineError } from '../errors.ts';
import type { CommitteeMatcher } from '../model.ts';
import { cleanCommitteeName } from './committee-name.ts';
import { findCommittee, type HeaderFacts } from './header.ts';
import type { OpeningSentence } from './opening-sentence.ts';

/** What the user passed for what the text does not say. */
export interface MeetingOptions {
  /** `--committee`: the id of an existing committee, or of a new one with `committeeName`. */
  committee?: string;
  /** `--committee-name`: the name of the new committee `committee` creates. */
  committeeName?: string;
  /** `--date`: the meeting date, ISO. */
  date?: string;
}

/** The committee that met: a registry id, or a new committee to create (its id from `id`, else from its name). */
export type CommitteeChoice = { id: string; isNew: false } | { id?: string; name: string; isNew: true; line?: number };

/** The line of the Fix that names the options, for every refusal of this step. */
const OPTION_FIX = 'or run the import again with --committee ID (an existing committee in content/committees/), or --committee ID --committee-name "Name" for a new one';

/**
 * The committee of the meeting: `--committee` first, then a front matter's `committee` key
 * (`stated`), else the header's, else the body the opening sentence names. A new committee's name is cleaned (`cleanCommitteeName`).
 * @throws LineError naming the title line, with a Fix that names --committee, when none is found or the title names a meeting of nobody
 */
export function chooseCommittee(header: HeaderFacts, opening: OpeningSentence | null, options: MeetingOptions, committees: CommitteeMatcher[], isOrganisation: (s: string) => boolean, firstLine: number, lastLine: number, stated?: { text: string; line: number }): CommitteeChoice {
  if (options.committee) {
    if (committees.some((c) => c.id === options.committee)) return { id: options.committee, isNew: false };
    if (!options.committeeName) {
      throw new LineError(firstLine, `--committee ${options.committee} is no committee in content/committees/.`, `use one of ${committees.map((c) => c.id).join(', ')}, or add --committee-name "Name" to create it.`);
    }
    return { id: options.committee, name: cleanCommitteeName(options.committeeName), isNew: true };
  }
  // A front matter's `committee` key says it: a registry committee if it names one, else that name.
  if (stated) {
    const named = findCommittee(stated.text, committees, isOrganisation);
    if (named && !named.isNew && named.index === 0) return { id: named.id, isNew: false };
    return { name: cleanCommitteeName(stated.text), isNew: true, line: stated.line };
  }
  let found = header.committee;
  // "Treffen am 17.07.2020" / "Vorstandssitzung": the opening sentence may name the body.
  const fromOpening = opening ? findCommittee(opening.subject, committees, isOrganisation) : null;
  if ((!found || (found.isNew && found.bare)) && fromOpening && !(fromOpening.isNew && fromOpening.bare)) {
    found = { id: fromOpening.id, name: fromOpening.name, isNew: fromOpening.isNew, line: opening!.line };
  }
  if (!found) {
    throw new LineError(firstLine, `no committee found in the title lines (lines ${firstLine}–${lastLine}).`, `name the committee in the title (e.g. "Protokoll des Strategiekreises"), add its spelling to content/committees/<id>.yaml under aliases, ${OPTION_FIX}.`);
  }
  if (!found.isNew) return { id: found.id, isNew: false };
  if (found.bare) {
    throw new LineError(found.line, `the title names a meeting ("${found.name}") but not the body that met; a committee "${found.name}" would hold the meetings of every body that has one.`, `name the body in the title or the line after it (e.g. "${found.name} des Fördervereins Beispiel e. V."), ${OPTION_FIX}.`);
  }
  const name = cleanCommitteeName(found.name);
  // A name of nothing but a year or markup leaves nothing: the title names no body.
  if (!/\p{L}{2}/u.test(name)) throw new LineError(found.line, `the committee name "${found.name}" holds no name.`, `name the body in the title, ${OPTION_FIX}.`);
  return { name, isNew: true, line: found.line };
}

/**
 * The meeting date: the header's, else the opening sentence's; `--date` wins and is noted
 * when the text says another date. Undefined when neither the text nor `--date` has one.
 */
export function chooseDate(header: HeaderFacts, opening: OpeningSentence | null, options: MeetingOptions, warn: (line: number, message: string) => void): string | undefined {
  const read = header.date?.iso ?? opening?.date;
  if (options.date && read && read !== options.date) warn(header.date?.line ?? opening!.line, `the header says ${read}, --date says ${options.date}; ${options.date} is used.`);
  return options.date ?? read;
}
