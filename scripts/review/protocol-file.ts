/**
 * Reading and approving one protocol file for `npm run review` (issue #24): its frontmatter
 * (id, title, date, `review:`), the importer's comments for the reviewer, the registry entries it
 * refers to; and `approveText`, which rewrites the `review:` block and nothing else.
 *
 * The review date field is `review.date` (ISO date), as in `src/lib/model/schema.ts`, the dataset
 * (`reviewed_on`) and every reviewed protocol; the issue's `review.at` names the same thing.
 */
import { parseDocument, isMap, isScalar, Document, Scalar, type Pair } from 'yaml';
import { frontmatterText as frontmatterOf } from '../../src/lib/model/frontmatter.ts';
import { reviewSchema } from '../../src/lib/model/schema.ts';

/** What the review listing shows of a protocol. */
export interface ProtocolForReview {
  /** Meeting id = file name without `.mdx` (`"2025-06-03-ag-transfer"`). */
  id: string;
  title: string;
  /** ISO date of the meeting. */
  date: string;
  /** `review:` as written (`{ status: 'imported', importer: '1.1.0' }`); missing counts as imported. */
  review: { status?: string; importer?: string; by?: string; date?: string };
  /** Registry ids the frontmatter refers to, by folder (`{ people: ['erika-muster'], … }`). */
  refers: Record<'people' | 'organisations' | 'committees' | 'topics', string[]>;
  /**
   * The importer's MDX comments (`{/* … *\/}`) before the protocol text, each as its lines:
   * how it was imported, the original header and agenda, page furniture it took out, and
   * whatever notes or warnings a newer importer writes there.
   */
  comments: string[][];
}

/**
 * Reads a protocol file's frontmatter and comments for the review listing.
 * @throws `file: no frontmatter. Fix: …` or `file: frontmatter: <YAML error>. Fix: …`
 * @example readProtocol('content/protocols/2025-06-03-ag-transfer.mdx', text).review // => { status: 'imported', importer: '1.1.0' }
 */
export function readProtocol(file: string, text: string): ProtocolForReview {
  const front = frontmatterOf(text);
  if (!front) throw new Error(`${file}: no frontmatter (the file must start with a "---" line). Fix: restore the frontmatter from git, or import the protocol again.`);
  const doc = parseDocument(front.yaml);
  if (doc.errors.length) throw new Error(`${file}: frontmatter: ${doc.errors[0].message.split('\n')[0]}. Fix: correct the YAML between the "---" lines.`);
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  const list = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []);
  const agenda = Array.isArray(data.agenda) ? (data.agenda as Record<string, unknown>[]) : [];
  const memberships = Array.isArray(data.memberships) ? (data.memberships as Record<string, unknown>[]) : [];
  const unique = (values: string[]) => [...new Set(values)].sort();
  const body = text.slice(front.start + front.yaml.length);
  return {
    id: file.replace(/^.*[\\/]/, '').replace(/\.mdx$/, ''),
    title: String(data.title ?? ''),
    date: String(data.date ?? ''),
    review: (data.review as ProtocolForReview['review']) ?? {},
    refers: {
      people: unique([...list(data.attendees), ...list(data.moderator), ...list(data.minutesBy), ...agenda.flatMap((a) => list(a.presenters)), ...memberships.flatMap((m) => list(m.person))]),
      organisations: unique([...agenda.flatMap((a) => list(a.organizations)), ...memberships.flatMap((m) => list(m.organization))]),
      committees: unique(list(data.committee)),
      topics: unique(agenda.flatMap((a) => list(a.topics))),
    },
    comments: leadingComments(body),
  };
}

/** The MDX comments before the first line of protocol text, each as its trimmed lines. */
function leadingComments(body: string): string[][] {
  const comments: string[][] = [];
  let rest = body.replace(/^\s*-{3}\r?\n/, '');
  for (;;) {
    const match = /^\s*\{\/\*\r?\n?([\s\S]*?)\*\/\}/.exec(rest);
    if (!match) return comments;
    comments.push(match[1].split(/\r?\n/).map((line) => line.trimEnd()).filter((line) => line.trim() !== ''));
    rest = rest.slice(match[0].length);
  }
}

/** Who approves, and when. */
export interface Approval {
  /** The reviewer's name, or "Redaktion". */
  by: string;
  /** ISO date of the review (`"2026-12-07"`). */
  date: string;
}

/**
 * The file text with its `review:` block set to `status: reviewed`, `by` and `date`; every other
 * byte of the file stays as it was, comments inside the block included (the block is re-read
 * and re-written with the yaml library's Document API, the rest of the file is not touched).
 * A file without a `review:` block gets one at the end of its frontmatter.
 * @returns the new text, or `{ already }` when the protocol is reviewed already (nothing to write)
 * @throws `file: …. Fix: …` when the frontmatter cannot be read or the result would not be a valid review
 * @example approveText('x.mdx', '---\ntitle: T\nreview:\n  status: imported\n---\n', { by: 'Redaktion', date: '2026-12-07' })
 *   // => '---\ntitle: T\nreview:\n  status: reviewed\n  by: Redaktion\n  date: "2026-12-07"\n---\n'
 */
export function approveText(file: string, text: string, approval: Approval): string | { already: Approval } {
  const front = frontmatterOf(text);
  if (!front) throw new Error(`${file}: no frontmatter (the file must start with a "---" line). Fix: restore the frontmatter from git, or import the protocol again.`);
  const doc = parseDocument(front.yaml, { keepSourceTokens: true });
  if (doc.errors.length || !isMap(doc.contents)) {
    throw new Error(`${file}: frontmatter: ${doc.errors[0]?.message.split('\n')[0] ?? 'not a mapping'}. Fix: correct the YAML between the "---" lines.`);
  }
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'review') as Pair<Scalar, unknown> | undefined;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  let start: number;
  let end: number;
  let block: Document.Parsed | Document;
  if (pair) {
    start = lineStart(front.yaml, pair.key.range![0]);
    const valueEnd = (pair.value as { range?: [number, number, number] } | null)?.range?.[1] ?? pair.key.range![1];
    end = lineEnd(front.yaml, Math.max(valueEnd - 1, pair.key.range![1]));
    block = parseDocument(front.yaml.slice(start, end));
  } else {
    start = end = front.yaml.length;
    block = new Document({ review: { status: 'imported' } });
  }
  const review = block.get('review', true);
  if (!isMap(review)) throw new Error(`${file}: review: not a mapping. Fix: write it as "review:" with "status: imported" indented below it.`);
  const current = (block.toJS() as { review?: Partial<Approval> & { status?: string } }).review ?? {};
  if (current.status === 'reviewed' && current.by && current.date) return { already: { by: current.by, date: current.date } };
  setValue(block, 'status', 'reviewed');
  setValue(block, 'by', approval.by);
  setValue(block, 'date', approval.date, true);
  const checked = reviewSchema.safeParse((block.toJS() as { review: unknown }).review);
  if (!checked.success) throw new Error(`${file}: review: ${checked.error.issues[0].message}. Fix: give --by a name and --date an ISO date (YYYY-MM-DD).`);
  let written = block.toString({ lineWidth: 0 }).replace(/\n$/, '');
  if (newline === '\r\n') written = written.replace(/\r?\n/g, '\r\n');
  const yaml = pair ? `${front.yaml.slice(0, start)}${written}${front.yaml.slice(end)}` : `${front.yaml}${newline}${written}`;
  return `${text.slice(0, front.start)}${yaml}${text.slice(front.start + front.yaml.length)}`;
}

/**
 * Sets `review.<key>` in the block, keeping the existing node (and a comment on it) when
 * there is one; `quoted` writes `"2026-12-07"`, which no YAML reader takes for a timestamp.
 */
function setValue(block: Document, key: string, value: string, quoted = false): void {
  const node = block.getIn(['review', key], true);
  if (isScalar(node)) {
    node.value = value;
    if (quoted) node.type = 'QUOTE_DOUBLE';
    return;
  }
  const scalar = block.createNode(value) as Scalar;
  if (quoted) scalar.type = 'QUOTE_DOUBLE';
  block.setIn(['review', key], scalar);
}

/** Offset of the start of the line that holds `offset`. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the end of the line that holds `offset` (before its line break). */
function lineEnd(text: string, offset: number): number {
  const next = text.indexOf('\n', offset);
  const end = next === -1 ? text.length : next;
  return text[end - 1] === '\r' ? end - 1 : end;
}
