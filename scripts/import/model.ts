/**
 * The importer's intermediate representation: what a reader (PDF text or Word
 * export) makes of a protocol before names are resolved and MDX is written.
 * Line numbers are 1-based lines of the decoded source file.
 */

/** One source line. */
export interface SourceLine {
  /** 1-based line number in the source file. */
  n: number;
  text: string;
}

/** A block of body text, already markdown (inline syntax from Word exports kept). */
export interface BodyBlock {
  kind: 'paragraph' | 'bullet' | 'subbullet' | 'heading';
  /** Markdown inline text; not yet escaped for MDX unless `escaped` is set. */
  text: string;
  /** True when `text` is already valid markdown from a Word export (not raw PDF text). */
  markdown?: boolean;
  /** First source line of the block. */
  line: number;
}

/** An agenda entry as read from the Tagesordnung, before name resolution. */
export interface RawAgendaItem {
  /** "1", "7", or null for unnumbered items ("Pause"). */
  number: string | null;
  /** Plain-text title. */
  title: string;
  /** Remaining text of the entry: sub-points, presenters with organisations, times. */
  rest: string;
  /** Presenter text when the source has a separate presenter column. */
  presenterText?: string;
  /** Time column text when the source has one. */
  timeText?: string;
  line: number;
}

/** The body text of one agenda item (or the preamble before the first TOP). */
export interface Section {
  /** TOP number, or null for the preamble. */
  number: string | null;
  /** Heading text as printed in the body ("Neues aus der Offensive"). */
  title: string;
  line: number;
  blocks: BodyBlock[];
}

/** What a reader returns. */
export interface ReadProtocol {
  style: 'pdf-text' | 'word-export';
  /** Lines before the agenda: title, date, place, attendance, moderation. */
  header: SourceLine[];
  /** Raw agenda lines, kept verbatim in an MDX comment for review. */
  agendaLines: SourceLine[];
  agenda: RawAgendaItem[];
  sections: Section[];
  /** Lines the reader treated as page furniture (page numbers); reported, never silent. */
  debris: SourceLine[];
}

/** A registry problem worth a reviewer's look (ambiguous or refused names), at its source line. */
export interface RegistryNote {
  line: number;
  text: string;
}

/**
 * What the steps may ask of the registries (`registry/registry.ts` implements it): steps come
 * before the registry in the importer's flow, so they know this contract, not the class.
 */
export interface RegistryLookup {
  /** Whether the text names a registered organisation (any recorded spelling). */
  isOrganisation(text: string): boolean;
  /**
   * Resolves "Name (Organisation)", registering what is new and passes the gate; returns the ids.
   * @param listed the mention stands in an attendance list (every entry is a person)
   */
  resolvePersonWithOrganisation(name: string, written: string | undefined, notes: RegistryNote[], line: number, listed?: boolean): { person?: string; organisation?: string };
  /**
   * Resolves a person mention to an id, registering a new person that passes the gate.
   * @param create false: only find a registered person
   * @param givenNameOnly one name word is enough (the mention stands after a minute-taker label)
   */
  resolvePerson(written: string, notes: RegistryNote[], line: number, create?: boolean, givenNameOnly?: boolean): string | undefined;
  /** The one person with these initials ("OC"), preferring `among`; undefined when none or several fit. */
  personByInitials(initials: string, among: string[]): string | undefined;
  /** Committees with every spelling (name, aliases), for matching titles and announcements. */
  committeeMatchers(): CommitteeMatcher[];
}

/** A committee as the steps match it: id, name and every spelling (`steps/header.ts` `CommitteeMatcher`). */
export interface CommitteeMatcher {
  id: string;
  name: string;
  spellings: string[];
}
