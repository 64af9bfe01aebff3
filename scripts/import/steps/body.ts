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
 * - following paragraphs are one resolution (singular label) or one each (plural label),
 *   until a heading, another label, a short sub-heading line, or a discussion paragraph;
 * - a result ("ohne Gegenstimmen", "einstimmig") in the label or text is recorded.
 */
import { blocksToMarkdown } from '../readers/blocks.ts';
import { escapeMdxText } from './escape.ts';
import type { BodyBlock, Section } from '../model.ts';

/** A resolution as written into the MDX. */
export interface ResolutionOut {
  id: string;
  kind: 'Beschluss' | 'Vereinbarung';
  item?: string;
  result?: string;
  /** Markdown text (already escaped). */
  text: string;
  line: number;
}

const LABEL = /^(Beschl(?:uss|üsse)|Vereinbarung(?:en)?)(?=[\s:]|$)/;
const VERB_LABEL = /^(?:Die|Der|Das)\s[^.]{0,80}?\b(vereinbarte|vereinbart|vereinbarten|beschloss|beschließt|beschlossen|beschließen)\b[^.]*:\s*$/;
const RESULT = /\b(ohne Gegenstimmen?|einstimmig|mehrheitlich|mit \d+ Gegenstimmen?|bei \d+ Enthaltungen?)\b/i;
const DISCUSSION = /^(In der Diskussion|Diskussion\s*:)/;

/** Markdown emphasis markers removed, for recognising labels in Word-export text. */
function plain(text: string): string {
  return text.replace(/\*\*|__|(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)/g, '').trim();
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
}

/**
 * Recognises a resolution label paragraph, or null. An indented line (a bullet to the PDF
 * reader) is a label too when it reads as one and has its colon: PDF text indents the first
 * line of a page after page furniture (" Die AG Transfer vereinbart:", issue #12).
 */
export function readLabel(block: BodyBlock): Label | null {
  if (block.kind === 'bullet' && !block.markdown && plain(block.text).includes(':')) return readLabel({ ...block, kind: 'paragraph' });
  if (block.kind !== 'paragraph') return null;
  const text = plain(block.text);
  const m = LABEL.exec(text);
  if (m) {
    const colon = text.indexOf(':');
    const head = colon >= 0 ? text.slice(0, colon) : text;
    // A label is short and no sentence: "Beschluss zur Transferzentrum in Köln:".
    if (head.length > 120 || /[.!?]\s/.test(head) || (colon < 0 && (text.length > 120 || /[.!?]$/.test(text)))) return null;
    const kind = m[1].startsWith('Beschl') ? 'Beschluss' : 'Vereinbarung';
    const plural = /^(Beschlüsse|Vereinbarungen)/.test(m[1]);
    const after = colon >= 0 ? text.slice(colon + 1).trim() : '';
    const result = RESULT.exec(text)?.[1];
    if (after && !after.endsWith(':')) {
      // "**Beschluss:** Die Compliance Regelungen werden … beschlossen": the text is the resolution.
      const raw = block.markdown ? block.text.replace(/^(\*\*|__)?[^:]*:(\*\*|__)?\s*:?\s*/, '') : after;
      const labelMarkdown = block.markdown ? block.text.slice(0, block.text.length - raw.length).trim() : text.slice(0, colon + 1);
      return { kind, plural, labelMarkdown, inline: raw, opens: false, result };
    }
    return { kind, plural, labelMarkdown: block.text, opens: true, result };
  }
  const v = VERB_LABEL.exec(text);
  if (v) {
    const kind = v[1].startsWith('verein') ? 'Vereinbarung' : 'Beschluss';
    return { kind, plural: false, labelMarkdown: block.text, opens: true, result: RESULT.exec(text)?.[1] };
  }
  return null;
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

/** Renders one `<Resolution>` element. */
function renderResolution(r: ResolutionOut): string {
  const attrs = [`id="${r.id}"`, `kind="${r.kind}"`, r.item ? `item="${r.item}"` : '', r.result ? `result="${r.result}"` : '']
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

/**
 * Renders the sections as the MDX body and collects the resolutions, numbered
 * `<meetingId>-b1`, `-b2`, … in order of appearance.
 */
export function renderBody(sections: Section[], meetingId: string): { body: string; resolutions: ResolutionOut[] } {
  const resolutions: ResolutionOut[] = [];
  const parts: string[] = [];
  for (const section of sections) {
    if (section.number !== null) parts.push(`## TOP ${section.number} – ${escapePlainText(section.title)}`);
    const blocks = section.blocks;
    let pending: BodyBlock[] = [];
    const flushPending = () => {
      parts.push(...renderBlocks(pending));
      pending = [];
    };
    const add = (label: Label, text: string, line: number) => {
      const r: ResolutionOut = {
        id: `${meetingId}-b${resolutions.length + 1}`,
        kind: label.kind,
        ...(section.number !== null && { item: section.number }),
        ...((RESULT.exec(text)?.[1] ?? label.result) && { result: RESULT.exec(text)?.[1] ?? label.result }),
        text,
        line,
      };
      resolutions.push(r);
      parts.push(renderResolution(r));
    };
    for (let i = 0; i < blocks.length; i++) {
      const label = readLabel(blocks[i]);
      if (!label) {
        pending.push(blocks[i]);
        continue;
      }
      flushPending();
      const labelBlock: BodyBlock = { ...blocks[i], kind: 'paragraph', text: label.labelMarkdown };
      parts.push(...renderBlocks([labelBlock]));
      if (label.inline !== undefined) {
        const inlineBlock: BodyBlock = { ...blocks[i], text: label.inline };
        add(label, blockText(inlineBlock), blocks[i].line);
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
      }
      if (paragraphs.length === 0) continue;
      if (label.plural) for (const p of paragraphs) add(label, blockText(p), p.line);
      else add(label, paragraphs.map(blockText).join('\n\n'), paragraphs[0].line);
    }
    flushPending();
  }
  return { body: parts.join('\n\n'), resolutions };
}
