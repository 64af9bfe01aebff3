/**
 * The shape of a protocol body as the text stage reads it: its TOPs, its `<Resolution>`
 * elements and its visible text with positions. The model owns the shape (a `Meeting` carries
 * a parsed body); `src/lib/text/protocol-body.ts` and `protocol-text.ts` fill it.
 */
import type { ResolutionVote } from './schema.ts';

/** A stretch of the text: `[start, end)` offsets. */
export interface TextRange {
  start: number;
  end: number;
}

/** A protocol body as plain text, with where its agenda items and resolutions are. */
export interface ProtocolText {
  /** The visible text; blocks separated by `"\n\n"`. */
  text: string;
  /** The preamble (no `topNumber`) and one range per `## TOP n` heading, in order, covering the text. */
  sections: (TextRange & { topNumber?: string })[];
  /** One range per `<Resolution id="…">`, in order. */
  resolutions: (TextRange & { id: string })[];
}

/**
 * A `ProtocolText` as the content loader stores it (`src/lib/text/protocol-loader.ts`): the
 * text not as a second copy of the body but as pieces of it. `pieces` is a flat list where two
 * numbers `start, end` stand for `body.slice(start, end)` (the entry's trimmed `body`) and a
 * string stands for itself (block breaks, and text that differs from its source, as an escaped
 * `\*`, an entity or an indented continuation line). Joined, the pieces are the text exactly
 * (`textFromPieces` in `src/lib/text/protocol-text.ts`). About a fifth of the data store at
 * 2,000 protocols otherwise (BENCHMARKS.md, issue #14).
 */
export interface StoredProtocolText {
  pieces: (number | string)[];
  sections: ProtocolText['sections'];
  resolutions: ProtocolText['resolutions'];
}

/** Where an offset of a `ProtocolText` lies. */
export interface TextPlace {
  /** TOP number of the section, undefined in the preamble. */
  topNumber?: string;
  /** The resolution id, if the offset is inside a `<Resolution>`. */
  resolutionId?: string;
}

/** One `<Resolution>` element of a protocol body. */
export interface Resolution {
  /** The `id` attribute, `"2021-04-22-strategiekreis-b1"`; also the anchor on the meeting page. */
  id: string;
  /** The `kind` attribute as written: one of `resolutionKinds` ("Beschluss", "Wahl", …; integrity checks the value). */
  kind: string;
  /** The `item` attribute: the TOP number it belongs to (`"2"`), or undefined outside any TOP. */
  item?: string;
  /** The `result` attribute, e.g. `"ohne Gegenstimmen"`, `"abgelehnt"`. */
  result?: string;
  /** The vote from the `yes`, `no`, `abstain`, `unanimous` attributes, where given. */
  vote?: ResolutionVote;
  /** The element's text as plain text; paragraphs separated by a blank line. */
  text: string;
  /** 1-based line of the element in the MDX body (add the frontmatter length for the file line). */
  line?: number;
  /** Attributes that were JS expressions (`id={x}`) instead of strings: the format forbids them. */
  expressionAttributes: string[];
}

/**
 * A mention as the content loader stores it: kind (`p` person, `o` organisation), id, offset and
 * length in the visible text, and for people how they were recognised (`n` name, `s` surname,
 * `d` decision). What is written there and its place (TOP, resolution) follow from the text, so
 * they are not stored (at 2,000 protocols: about 200,000 mentions, 18.5 MB of the data store
 * as objects, 5 MB as these tuples).
 */
export type StoredMention = [kind: 'p' | 'o', id: string, index: number, length: number, via?: 'n' | 's' | 'd'];

/** A `ProtocolBody` as the content loader stores it: the text as pieces of the body (`StoredProtocolText`), the mentions as `StoredMention`s. */
export type StoredProtocolBody = Omit<ProtocolBody, 'text' | 'mentions'> & { text: StoredProtocolText; mentions?: StoredMention[] };

/** What `parseProtocolBody` finds in a body. */
export interface ProtocolBody {
  /** TOP numbers of the `## TOP <n> – …` headings, in order (`['1', '2', '5']`). */
  topNumbers: string[];
  /** TOP number => the heading's title as printed in the body ("Neues aus der Offensive"). */
  topTitles: Record<string, string>;
  /** The `<Resolution>` elements, in order. */
  resolutions: Resolution[];
  /** The visible text with section and resolution ranges (`src/lib/text/protocol-text.ts`). */
  text: ProtocolText;
  /**
   * The people and organisations the mention matcher finds in `text`, in text order, each with
   * its place: found once by the content loader (`src/lib/text/protocol-loader.ts`), whose
   * digest covers the registry entries they depend on. Absent when the body was parsed
   * elsewhere; the people index then runs the matcher itself.
   */
  mentions?: MentionInText[];
}

/** A mention the matcher found in text (`src/lib/text/mention-matcher.ts`). `index`/`length` are offsets into the searched text. */
export interface FoundMention {
  kind: 'person' | 'organisation';
  id: string;
  /** The mention as written ("Fr. Dr. Icks", "BMAS"). */
  text: string;
  index: number;
  length: number;
  /** How a person was recognised: full name, title/honorific + surname, or an editor's decision. */
  via?: 'name' | 'surname' | 'decision';
}

/** A person or organisation found in a protocol's text, with its place; `index`/`length` are offsets in `ProtocolBody.text.text`. */
export interface MentionInText extends FoundMention, TextPlace {}
