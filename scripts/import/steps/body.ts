/**
 * Body step: turns sections of body blocks into the MDX body — one
 * `## TOP <n> – <title>` heading per agenda item, paragraphs and lists, and a
 * `<Resolution>` element around every individual resolution.
 *
 * Resolution rules (from the OM protocols):
 * - a label paragraph starts with "Beschluss"/"Beschlüsse"/"Vereinbarung(en)"
 *   ("Beschluss zur Lieferantendatenbank:", "**Beschluss:** text", "Vereinbarung der AG Transfer"),
 *   or is a sentence ending in ":" whose verb is "vereinbart(e)"/"beschließt"/"beschloss"
 *   ("Die AG Transfer vereinbarte:");
 * - text after the label's colon is the resolution, unless it introduces more (ends with ":");
 * - following bullets are one resolution each ("a bulleted list of four Beschlüsse is four");
 * - a Word list item that is only a label ("- Die AG Transfer vereinbart:") opens as a paragraph
 *   label does; its items one level deeper are one resolution each (`readLabel`);
 * - following paragraphs are one resolution (singular label) or one each (plural label),
 *   until a heading, another label, a short sub-heading line, or a discussion paragraph;
 * - a result is recorded: vote counts ("21 Ja, 0 Nein, 2 Enthaltungen", "7/0/1") before words
 *   ("ohne Gegenstimmen", "einstimmig"), from the label, the text, or a vote line after it;
 * - a vote written before the text ("Beschluss: einstimmig – Der Betriebsrat stimmt … zu.") is
 *   the result, the text after the dash the resolution;
 * - a vote line right after a resolution ("Abstimmungsergebnis: 21 Ja, 0 Nein, 2 Enthaltungen",
 *   "Abstimmung: 7/0/1", "(7/1/1)", and a label with only a vote: "Beschluss: einstimmig")
 *   belongs to that resolution: its result and its text, never a resolution of its own;
 * - "Der Ortsbeirat beschließt: text" on one line: the text after the colon is the resolution;
 * - a Word-export paragraph that swallowed a table or later paragraphs is cut before a bold
 *   label after a sentence end ("… vor. **Beschluss:** …", "<b>Beschluss:</b>"), and that
 *   piece again before the next bold title ("… Einstimmig. **Schulfest** …").
 * - a decision told in a sentence ("Der Antrag wird einstimmig angenommen.", "… wird zur
 *   Vorsitzenden gewählt", a motion followed by "Abstimmung: 7 Ja, 0 Nein, 4 Enthaltungen") is a
 *   resolution of the kind its verb gives (`votes.ts`), with the motion before it when it names
 *   none of its own; sentences before it in the same paragraph stay prose;
 * - a vote is also written as attributes (`yes`, `no`, `abstain`, `unanimous`); a rejected motion
 *   has the result "abgelehnt", a postponement "vertagt".
 * Prose approvals ("Die Tagesordnung wird einstimmig angenommen.") are not resolutions.
 * Source of the rules: test/fixtures/foreign/README.md ("How to read the expected facts").
 */
import { blocksToMarkdown } from '../readers/blocks.ts';
import { escapeMdxText } from './escape.ts';
import type { BodyBlock, Section } from '../model.ts';
import { findDecision, isVoteLine, readVote, type ResolutionKind, type Vote } from './votes.ts';

/** A resolution as written into the MDX. */
export interface ResolutionOut {
  id: string;
  kind: ResolutionKind;
  item?: string;
  /** The result as written ("7/0/1", "einstimmig"), or the outcome "abgelehnt"/"vertagt". */
  result?: string;
  /** The vote where the protocol gives one (`yes`/`no`/`abstain` counts, `unanimous`). */
  vote?: Vote;
  /** Markdown text (already escaped). */
  text: string;
  line: number;
}

const LABEL = /^(Beschl(?:uss|üsse)|Vereinbarung(?:en)?)(?=[\s:]|$)/;
const VERB_LABEL = /^(?:Die|Der|Das)\s[^.]{0,80}?\b(vereinbarte|vereinbart|vereinbarten|beschloss|beschließt|beschlossen|beschließen)\b[^.]*:\s*$/;
/** "Der Ortsbeirat beschließt: Der Spielplatz wird …": label and resolution on one line. */
const VERB_INLINE = /^(?:Die|Der|Das)\s[^.:]{0,80}?\b(vereinbarte|vereinbart|vereinbarten|beschloss|beschließt|beschließen)\s*:\s*(\S.*)$/;
const RESULT = /\b(ohne Gegenstimmen?|einstimmig|mehrheitlich|mit \d+ Gegenstimmen?|bei \d+ Enthaltungen?)\b/i;
/** Vote counts: "21 Ja, 0 Nein, 2 Enthaltungen", "7/0/1" (yes/no/abstentions). */
const COUNTS = /\b\d+\s*Ja(?:-Stimmen)?\s*(?:,|und)\s*\d+\s*Nein(?:-Stimmen)?(?:\s*(?:,|und)\s*\d+\s*Enthaltung(?:en)?)?|(?<![\d/])\d{1,3}\s*\/\s*\d{1,3}\s*\/\s*\d{1,3}(?![\d/])/i;
/** A vote written before the resolution text: "einstimmig – Der Betriebsrat stimmt … zu." */
const VOTE_FIRST = new RegExp(`^((?:${COUNTS.source}|${RESULT.source.replace(/^\\b|\\b$/g, '')})(?:\\s*\\([^)]*\\))?)\\s*[–—-]\\s+(\\S.*)$`, 'i');

/**
 * The result of a vote in `text`: the counts if given ("21 Ja, 0 Nein, 2 Enthaltungen",
 * "7/0/1"), else the word ("einstimmig", "ohne Gegenstimmen"); undefined when none.
 * @example readResult('Abstimmung: 8/0/0 (einstimmig)') // => '8/0/0'
 */
export function readResult(text: string): string | undefined {
  const counts = COUNTS.exec(text);
  if (counts) return counts[0].replace(/\s*\/\s*/g, '/').replace(/\s+/g, ' ');
  // A word result is shown mid-label ("Beschluss · einstimmig"): its first letter lower case, whatever the sentence began with.
  const word = RESULT.exec(text)?.[1];
  return word && word[0].toLowerCase() + word.slice(1);
}

const DISCUSSION = /^(In der Diskussion|Diskussion\s*:)/;

/** Two readings of one vote together (the later one's counts win); undefined when both are. */
function mergeVotes(a: Vote | undefined, b: Vote | undefined): Vote | undefined {
  return a || b ? { ...a, ...b } : undefined;
}

/**
 * The outcome a resolution's text or vote states when it is not adoption: "abgelehnt" (the
 * text says so, or no more yes than no votes: a motion fails under every majority rule then),
 * "vertagt"; undefined otherwise.
 * @example outcomeOf('Der Antrag wird mit 3 Ja, 5 Nein abgelehnt.', { yes: 3, no: 5 }) // => 'abgelehnt'
 */
export function outcomeOf(text: string, vote: Vote | undefined): 'abgelehnt' | 'vertagt' | undefined {
  if (/(?<!\p{L})(?:abgelehnt|nicht angenommen|lehnt\s.*\sab)(?!\p{L})/u.test(text)) return 'abgelehnt';
  if (vote?.yes !== undefined && vote.no !== undefined && vote.no >= vote.yes && !vote.unanimous) return 'abgelehnt';
  if (/(?<!\p{L})vertagt(?!\p{L})/u.test(text) && findDecision(text)?.kind === 'Vertagung') return 'vertagt';
  return undefined;
}

/** Markdown emphasis markers removed, for recognising labels in Word-export text. */
function plain(text: string): string {
  return text.replace(/<\/?(?:b|strong)>/gi, '').replace(/\*\*|__|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)/g, '').trim();
}

/** A resolution label found in a block. */
interface Label {
  kind: 'Beschluss' | 'Vereinbarung';
  plural: boolean;
  /** Label text as markdown, kept in the body before the resolutions. */
  labelMarkdown: string;
  /** Resolution text after the colon on the same line, if it is the resolution itself. */
  inline?: string;
  /** The label introduces more blocks ("…beschlossen:", "Beschluss zur X:"). */
  opens: boolean;
  result?: string;
  /** The label holds only a vote ("Beschluss: einstimmig"): the result of the resolution before it. */
  voteOnly?: boolean;
}

/**
 * Recognises a resolution label paragraph, or null. An indented line (a bullet to the PDF
 * reader) is a label too when it reads as one and has its colon: PDF text indents the first
 * line of a page after page furniture (" Die AG Transfer vereinbart:", issue #12). A real list
 * item (Word) is a label when it is one a person reads as opening what follows: only the
 * label and its colon ("- Die AG Transfer vereinbart:", "- **Beschluss:**"), or the bare
 * label word and its text ("- Beschluss: Der Beitrag steigt."); a list item that only
 * mentions a label word ("- Vereinbarung der Termine: siehe unten") stays a list item.
 */
export function readLabel(block: BodyBlock): Label | null {
  if (block.kind === 'bullet' && !block.markdown && plain(block.text).includes(':')) return readLabel({ ...block, kind: 'paragraph' });
  if (block.kind === 'bullet' && block.markdown) return listItemLabel(block);
  if (block.kind !== 'paragraph') return null;
  const text = plain(block.text);
  // Word exports mark labels with <b>/<strong> as well as with **.
  const source = block.markdown ? block.text.replace(/<(\/?)(?:b|strong)>/gi, '**') : block.text;
  const m = LABEL.exec(text);
  if (m) {
    const colon = text.indexOf(':');
    const head = colon >= 0 ? text.slice(0, colon) : text;
    // A label is short and no sentence: "Beschluss zur Transferzentrum in Köln:".
    if (head.length > 120 || /[.!?]\s/.test(head) || (colon < 0 && (text.length > 120 || /[.!?]$/.test(text)))) return null;
    const kind = m[1].startsWith('Beschl') ? 'Beschluss' : 'Vereinbarung';
    const plural = /^(Beschlüsse|Vereinbarungen)/.test(m[1]);
    const after = colon >= 0 ? text.slice(colon + 1).trim() : '';
    const result = readResult(text);
    // "Beschluss: einstimmig" / "Beschluss: 7 Ja, 0 Nein": only a vote, no text.
    const voteOnly = after !== '' && after.replace(COUNTS, '').replace(RESULT, '').replace(/[\s.,;:()–-]|Enthaltungen?|angenommen|beschlossen|Stimmen/gi, '') === '';
    if (voteOnly) return { kind, plural, labelMarkdown: source, opens: true, result, voteOnly };
    if (after && !after.endsWith(':')) {
      // "**Beschluss:** Die Compliance Regelungen werden … beschlossen": the text is the resolution.
      let raw = block.markdown ? source.replace(/^(\*\*|__)?[^:]*:(\*\*|__)?\s*:?\s*/, '') : after;
      const labelMarkdown = block.markdown ? source.slice(0, source.length - raw.length).trim() : text.slice(0, colon + 1);
      // "einstimmig – Der Betriebsrat stimmt … zu.": the vote first, then the resolution.
      const first = VOTE_FIRST.exec(raw);
      if (first) {
        raw = first[first.length - 1];
        return { kind, plural, labelMarkdown: `${labelMarkdown} ${first[1]} –`, inline: raw, opens: false, result: readResult(first[1]) };
      }
      return { kind, plural, labelMarkdown, inline: raw, opens: false, result };
    }
    return { kind, plural, labelMarkdown: source, opens: true, result };
  }
  const vi = VERB_INLINE.exec(text);
  if (vi && !block.markdown) {
    const kind = vi[1].startsWith('verein') ? 'Vereinbarung' : 'Beschluss';
    return { kind, plural: false, labelMarkdown: text.slice(0, text.length - vi[2].length).trim(), inline: vi[2], opens: false, result: readResult(vi[2]) };
  }
  if (vi && block.markdown) {
    const raw = source.slice(source.indexOf(':') + 1).trim();
    const kind = vi[1].startsWith('verein') ? 'Vereinbarung' : 'Beschluss';
    return { kind, plural: false, labelMarkdown: source.slice(0, source.indexOf(':') + 1), inline: raw, opens: false, result: readResult(vi[2]) };
  }
  const v = VERB_LABEL.exec(text);
  if (v) {
    const kind = v[1].startsWith('verein') ? 'Vereinbarung' : 'Beschluss';
    return { kind, plural: false, labelMarkdown: source, opens: true, result: readResult(text) };
  }
  return null;
}

/** The bare label word and its colon at a list item's start: "Beschluss:", "**Vereinbarungen:**". */
const BARE_LABEL = /^(?:Beschl(?:uss|üsse)|Vereinbarung(?:en)?)\s*:/;

/** A Word list item read as a label (see `readLabel`), or null. */
function listItemLabel(block: BodyBlock): Label | null {
  const text = plain(block.text);
  if (!text.endsWith(':') && !BARE_LABEL.test(text)) return null;
  const label = readLabel({ ...block, kind: 'paragraph' });
  if (!label || label.voteOnly) return null;
  return label.inline === undefined ? (text.endsWith(':') ? label : null) : BARE_LABEL.test(text) ? label : null;
}

/** A short line without final punctuation that stands alone: a sub-heading, which ends a resolution. */
function isSubheading(block: BodyBlock, next: BodyBlock | undefined): boolean {
  const t = plain(block.text);
  return block.kind === 'heading' || (block.kind === 'paragraph' && next !== undefined && t.length < 70 && !/[.:;!?)“"]$/.test(t));
}

/** Ends a run of resolution paragraphs. */
function endsResolution(block: BodyBlock, next: BodyBlock | undefined): boolean {
  return (
    block.kind === 'heading' ||
    readLabel(block) !== null ||
    isSubheading(block, next) ||
    DISCUSSION.test(plain(block.text)) ||
    /^(Mitschrift|Protokoll(führung)?)\b/.test(plain(block.text)) ||
    /(?<!\p{L})(nächste[nrs]?|übernächste[nrs]?)\s/u.test(plain(block.text))
  );
}

/**
 * Escapes raw (PDF) text for markdown and MDX: remark-stringify escapes what
 * markdown would read as syntax ("Berater*innen" must not become emphasis, a
 * leading "1." no list), then `escapeMdxText` what MDX would read as code.
 * @example escapePlainText('Berater*innen {neu}') // => 'Berater\\*innen \\{neu\\}'
 */
export function escapePlainText(text: string): string {
  return escapeMdxText(blocksToMarkdown([{ kind: 'paragraph', text, line: 0 }]).trim());
}

/** Block text ready for the MDX body. */
function blockText(block: BodyBlock): string {
  return block.markdown ? escapeMdxText(block.text) : escapePlainText(block.text);
}

/** Renders one `<Resolution>` element; a vote as `yes="7" no="0" abstain="4" unanimous="true"` (counts given only). */
function renderResolution(r: ResolutionOut): string {
  const v = r.vote ?? {};
  const attrs = [
    `id="${r.id}"`,
    `kind="${r.kind}"`,
    r.item ? `item="${r.item}"` : '',
    r.result ? `result="${r.result.replace(/["{}<>]/g, '')}"` : '',
    v.yes !== undefined ? `yes="${v.yes}"` : '',
    v.no !== undefined ? `no="${v.no}"` : '',
    v.abstain !== undefined ? `abstain="${v.abstain}"` : '',
    v.unanimous ? 'unanimous="true"' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `<Resolution ${attrs}>\n\n${r.text}\n\n</Resolution>`;
}

/**
 * Renders a list of blocks as markdown paragraphs and lists: raw PDF text through
 * `blocksToMarkdown` (remark; lists and nesting), Word-export markdown as it is.
 */
function renderBlocks(blocks: BodyBlock[]): string[] {
  const out: string[] = [];
  let plainRun: BodyBlock[] = [];
  let list: string[] = [];
  const flush = () => {
    if (plainRun.length) out.push(escapeMdxText(blocksToMarkdown(plainRun.map((b) => ({ kind: b.kind as 'paragraph', text: b.text, line: b.line }))).trim()));
    if (list.length) out.push(list.join('\n'));
    plainRun = [];
    list = [];
  };
  for (const b of blocks) {
    if (!b.markdown && b.kind !== 'heading') {
      if (list.length) flush();
      plainRun.push(b);
    } else if (b.kind === 'bullet' || b.kind === 'subbullet') {
      if (plainRun.length) flush();
      list.push(`${b.kind === 'subbullet' ? '  ' : ''}- ${blockText(b)}`);
    } else {
      flush();
      out.push(b.kind === 'heading' ? `### ${blockText(b)}` : blockText(b));
    }
  }
  flush();
  return out;
}

/** A bold label after a sentence end inside (lookbehinds bounded: linear on long runs of spaces) a Word-export paragraph: "… vor. **Beschluss:** …". */
const EMBEDDED_LABEL = /(?<=[.!?)“"]\s{1,3})(?=(?:\*\*|<b>|<strong>)\s*(?:Beschl(?:uss|üsse)|Vereinbarung(?:en)?)\b[^*<]{0,120}:)/g;
/** A bold title after a sentence end: "… Einstimmig. **Schulfest** Das Schulfest …". */
const EMBEDDED_TITLE = /(?<=[.!?)“"]\s{1,3})(?=(?:\*\*[^*:]{2,80}\*\*|<b>[^<:]{2,80}<\/b>)(?:\s|$))/g;

/**
 * Cuts a Word-export paragraph that swallowed a table or later paragraphs (a reader that
 * lost the blank lines) before each bold resolution label, and the piece that starts with
 * the label again before the next bold title, so that a label inside a paragraph is found
 * and its resolution does not run on into the next topic. Other blocks stay as they are.
 */
export function splitEmbeddedLabels(blocks: BodyBlock[]): BodyBlock[] {
  const out: BodyBlock[] = [];
  for (const b of blocks) {
    if (b.kind !== 'paragraph' || !b.markdown || !EMBEDDED_LABEL.test(b.text)) {
      out.push(b);
      continue;
    }
    EMBEDDED_LABEL.lastIndex = 0;
    for (const piece of b.text.split(EMBEDDED_LABEL)) {
      const parts = LABEL.test(plain(piece)) ? piece.split(EMBEDDED_TITLE) : [piece];
      for (const part of parts) if (part.trim()) out.push({ ...b, text: part.trim() });
    }
  }
  return out;
}

/**
 * A heading that lost its opening quote at a line start ("2. Zukunftskonzept der Offensive
 * Mittelstand“ – Ergebnis …": the PDF dropped the „ before the first word) gets it back: a
 * German closing quote “ with no opening „ before it means the quotation began at the start.
 * @example withOpeningQuote('Zukunftskonzept der OM“ – Ergebnis') // => '„Zukunftskonzept der OM“ – Ergebnis'
 */
export function withOpeningQuote(title: string): string {
  const close = title.indexOf('“');
  return close > 0 && !title.slice(0, close).includes('„') && !title.includes('”') && !/^["„»]/.test(title) ? `„${title}` : title;
}

/**
 * Renders the sections as the MDX body and collects the resolutions, numbered
 * `<meetingId>-b1`, `-b2`, … in order of appearance.
 */
export function renderBody(sections: Section[], meetingId: string): { body: string; resolutions: ResolutionOut[] } {
  const resolutions: ResolutionOut[] = [];
  const parts: string[] = [];
  for (const section of sections) {
    if (section.number !== null) parts.push(`## TOP ${section.number} – ${escapePlainText(withOpeningQuote(section.title))}`);
    const blocks = splitEmbeddedLabels(section.blocks);
    let pending: BodyBlock[] = [];
    /** The resolution just written, while nothing else followed it: a vote line after it is its own. */
    let last: { r: ResolutionOut; part: number } | null = null;
    const flushPending = () => {
      if (pending.length) last = null;
      parts.push(...renderBlocks(pending));
      pending = [];
    };
    const add = (label: { kind: ResolutionKind; result?: string }, text: string, line: number) => {
      const vote = mergeVotes(label.result ? readVote(label.result) : undefined, readVote(text));
      const result = outcomeOf(text, vote) ?? readResult(text) ?? label.result;
      const r: ResolutionOut = {
        id: `${meetingId}-b${resolutions.length + 1}`,
        kind: label.kind,
        ...(section.number !== null && { item: section.number }),
        ...(result && { result }),
        ...(vote && { vote }),
        text,
        line,
      };
      resolutions.push(r);
      parts.push(renderResolution(r));
      last = { r, part: parts.length - 1 };
    };
    /** Adds a vote line to the resolution before it: its result, its vote and its text. */
    const addVote = (block: BodyBlock, result: string | undefined) => {
      const { r, part } = last!;
      r.text = `${r.text}\n\n${blockText(block)}`;
      const vote = mergeVotes(r.vote, readVote(plain(block.text)));
      if (vote) r.vote = vote;
      const outcome = outcomeOf(plain(block.text), vote);
      if (outcome) r.result = outcome;
      else if (result && (!r.result || !COUNTS.test(r.result))) r.result = result;
      parts[part] = renderResolution(r);
    };
    /** A decision told in a sentence ("Der Antrag wird einstimmig angenommen."), or a vote line after a motion: true when it became a resolution. */
    const addDecision = (block: BodyBlock): boolean => {
      if (block.kind !== 'paragraph' && block.kind !== 'bullet') return false;
      const text = plain(block.text);
      const motion = pending.at(-1);
      const motionBefore = motion !== undefined && motion.kind === 'paragraph' && !isSubheading(motion, block);
      if (isVoteLine(text)) {
        // "Herr Eck beantragt, … ." / "Abstimmung: 7 Ja, 0 Nein, 4 Enthaltungen": the motion and its vote.
        if (!motionBefore || block.kind !== 'paragraph') return false;
        pending.pop();
        flushPending();
        add({ kind: 'Beschluss' }, `${blockText(motion)}\n\n${blockText(block)}`, motion.line);
        return true;
      }
      const decision = findDecision(block.text);
      if (!decision) return false;
      if (decision.anaphoric && decision.index === 0 && last && !pending.length) {
        // "Einstimmig angenommen." right after a resolution: its vote.
        addVote(block, readResult(text));
        return true;
      }
      let own = block;
      let before: BodyBlock | undefined;
      const prefix = block.text.slice(0, decision.index).trim();
      if (decision.anaphoric && decision.index === 0 && motionBefore) before = pending.pop();
      else if (!decision.anaphoric && prefix && block.kind === 'paragraph' && (prefix.match(/\*\*/g) ?? []).length % 2 === 0) {
        // The sentences before the decision stay prose; the decision is the resolution.
        pending.push({ ...block, text: prefix });
        own = { ...block, text: block.text.slice(decision.index).trim() };
      }
      flushPending();
      const text2 = [before, own].filter((b): b is BodyBlock => b !== undefined).map(blockText).join('\n\n');
      add({ kind: decision.kind }, text2, (before ?? own).line);
      return true;
    };
    for (let i = 0; i < blocks.length; i++) {
      const label = readLabel(blocks[i]);
      if (!label) {
        if (last && !pending.length && blocks[i].kind === 'paragraph' && isVoteLine(plain(blocks[i].text))) {
          addVote(blocks[i], readResult(plain(blocks[i].text)));
          continue;
        }
        if (addDecision(blocks[i])) continue;
        pending.push(blocks[i]);
        continue;
      }
      if (label.voteOnly && last && !pending.length) {
        // "Beschluss: einstimmig" after "Beschluss: …": the vote of that resolution, not a second one.
        addVote(blocks[i], label.result);
        continue;
      }
      flushPending();
      last = null;
      const labelBlock: BodyBlock = { ...blocks[i], kind: 'paragraph', text: label.labelMarkdown };
      parts.push(...renderBlocks([labelBlock]));
      if (label.inline !== undefined) {
        const inlineBlock: BodyBlock = { ...blocks[i], text: label.inline };
        add(label, blockText(inlineBlock), blocks[i].line);
        continue;
      }
      if (blocks[i].kind === 'bullet' && blocks[i + 1]?.kind === 'subbullet') {
        // "- Die AG vereinbart:" with its items one level deeper: one resolution per item.
        while (blocks[i + 1]?.kind === 'subbullet') {
          const item = blocks[++i];
          add(label, blockText(item), item.line);
        }
        continue;
      }
      if (blocks[i + 1]?.kind === 'bullet') {
        // One resolution per bullet; sub-bullets belong to the bullet before them.
        while (blocks[i + 1]?.kind === 'bullet') {
          const bullet = blocks[++i];
          const subs: string[] = [];
          while (blocks[i + 1]?.kind === 'subbullet') subs.push(`- ${blockText(blocks[++i])}`);
          add(label, [blockText(bullet), subs.join('\n')].filter(Boolean).join('\n\n'), bullet.line);
        }
        continue;
      }
      const paragraphs: BodyBlock[] = [];
      while (i + 1 < blocks.length && blocks[i + 1].kind === 'paragraph' && !endsResolution(blocks[i + 1], blocks[i + 2])) {
        paragraphs.push(blocks[++i]);
        if (label.plural) continue;
        // A vote line closes a singular resolution.
        if (isVoteLine(plain(blocks[i].text))) break;
      }
      if (paragraphs.length === 0) continue;
      if (label.plural) for (const p of paragraphs) add(label, blockText(p), p.line);
      else add(label, paragraphs.map(blockText).join('\n\n'), paragraphs[0].line);
    }
    flushPending();
  }
  return { body: parts.join('\n\n'), resolutions };
}
