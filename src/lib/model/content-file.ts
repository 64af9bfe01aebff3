/**
 * Reading the files an editor writes (`content/protocols/*.mdx`, the registries' YAML) the
 * same way everywhere: the protocols' loader, the registries' loaders, the mention registries
 * and the importer. What a file says does not depend on the editor it was saved with:
 *
 * - a UTF-8 byte order mark is dropped and CRLF or CR line ends become LF (Windows editors), so
 *   such a file builds exactly like its LF twin (same data, same HTML, same digest); a UTF-16
 *   file with its byte order mark (Notepad's "Unicode") is read as such; other bytes that are no
 *   UTF-8 (Windows-1252, "ANSI") are an error naming the file;
 * - YAML is read with the `yaml` package's YAML 1.2 core schema (https://eemeli.org/yaml/#schema-options):
 *   `2021-02-30` stays the text it is, so the schema can reject an impossible date, where a YAML 1.1
 *   reader (js-yaml, which Astro uses) makes a JS Date of it and JS rolls it over to March 2.
 *   Duplicate keys are an error (the `yaml` default).
 *
 * Errors are `ContentError`s: `file: field: problem. Fix: …` lines, reported without a stack.
 */
import { readFileSync } from 'node:fs';
import { parse, YAMLParseError } from 'yaml';
import type { z } from 'zod';

/**
 * A problem in the archive's content, one line per problem (`file: field: problem. Fix: …`).
 * It has no stack: the lines are the whole report, and Astro prints an error's stack under its
 * message (`formatErrorMessage`, astro/dist/core/messages/runtime.js), which would only show our
 * own loader's frames to an editor who has a file to fix. Avoid the words "document" and "window"
 * in the lines: Astro then adds a hint about browser APIs to the error (`generateHint`,
 * astro/dist/core/errors/dev/utils.js).
 */
export class ContentError extends Error {
  /** The problem lines. */
  readonly problems: string[];
  constructor(problems: string[], heading?: string) {
    super(heading === undefined ? problems.join('\n') : `${heading}\n${problems.join('\n')}`);
    this.name = 'ContentError';
    this.problems = problems;
    this.stack = '';
  }
}

/**
 * The text of a content file, as an LF, BOM-less string (see the module comment).
 * @param file the file's path as messages name it (`content/people/x.yaml`)
 * @throws ContentError when the bytes are not UTF-8 (or UTF-16 with a byte order mark)
 * @example contentText(Buffer.from('\uFEFFname: A\r\n'), 'content/people/a.yaml') // => 'name: A\n'
 */
export function contentText(bytes: Uint8Array, file: string): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes);
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // The line of the first byte that is no UTF-8 (decoded leniently, it is U+FFFD).
      const line = new TextDecoder().decode(bytes).split('\n').findIndex((l) => l.includes('\uFFFD')) + 1;
      throw new ContentError([`${file}:${line}: not UTF-8 text. Fix: save the file as UTF-8 (in Notepad: "Save as", encoding "UTF-8").`]);
    }
  }
  // TextDecoder drops a leading BOM already; one left means it was doubled.
  return text.replace(/^\uFEFF+/, '').replace(/\r\n?/g, '\n');
}

/** `contentText` of the file at `path`. */
export function readContentText(path: string, file = path): string {
  return contentText(readFileSync(path), file);
}

/**
 * Parses YAML with the core schema (dates stay strings, duplicate keys fail).
 * @param line the file line of the YAML's first line (for frontmatter: the line of the opening `---`, whose rest is its first line)
 * @throws ContentError `file:line: problem. Fix: …` for a YAML syntax error
 * @example parseContentYaml('date: 2021-02-30\n', 'content/x.yaml') // => { date: '2021-02-30' }
 */
export function parseContentYaml(text: string, file: string, line = 1): unknown {
  try {
    return parse(text, { schema: 'core' });
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const at = error.linePos?.[0];
    const where = at === undefined ? file : `${file}:${at.line + line - 1}`;
    const what = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new ContentError([`${where}: ${what}. Fix: correct the YAML there (indentation, quotes, one key per line).`]);
  }
}

/** A protocol file split into its frontmatter and its text. */
export interface FrontmatterFile {
  /** The frontmatter's data (`{}` when the file has none). */
  data: unknown;
  /** The text after the frontmatter, with the frontmatter blanked to spaces so tree lines are file lines (Astro's `empty-with-spaces`). */
  content: string;
  /** The text after the frontmatter, as Astro's `entry.body` holds it (the part after the closing `---`). */
  body: string;
}

/** `---` YAML `---` at the start of a file, as Astro and @astrojs/mdx find it (`extractFrontmatter`, @astrojs/internal-helpers). */
const frontmatterPattern = /^(?:\s*\n)?---([\s\S]*?\n)---/;

/**
 * Splits an MDX file's text (`contentText`) into frontmatter data and body, reading the
 * frontmatter with `parseContentYaml`.
 * @example splitFrontmatter('---\ntitle: A\n---\nText\n', 'x.mdx').data // => { title: 'A' }
 */
export function splitFrontmatter(text: string, file: string): FrontmatterFile {
  const match = frontmatterPattern.exec(text);
  if (match === null) return { data: {}, content: text, body: text };
  const raw = match[1];
  // Blank lines before the opening `---`, which Astro allows too.
  const prefix = match[0].slice(0, match[0].length - raw.length - '------'.length);
  const data = parseContentYaml(raw, file, prefix.split('\n').length) ?? {};
  const after = text.slice(match[0].length);
  return { data, content: `${prefix}   ${raw.replace(/[^\n]/g, ' ')}   ${after}`, body: after };
}

/**
 * A zod path as the archive's messages write it: `agenda[1].file`.
 * @example fieldPath(['agenda', 1, 'file']) // => 'agenda[1].file'
 */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

/**
 * One `file: field: problem` line per issue of a failed parse, in the order zod found them; an
 * unknown field is named by its own path (`agenda[1].file: unknown field. Fix: …`).
 * @example describeIssues('content/protocols/x.mdx', error) // => ['content/protocols/x.mdx: agenda[1].file: unknown field. Fix: …']
 */
export function describeIssues(file: string, error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    // Several unknown fields of one object come as one issue, one `field: message` line each (strict-zod.ts).
    if (issue.code === 'unrecognized_keys' && issue.keys.length > 1) return issue.message.split('\n').map((line) => `${file}: ${fieldPath(issue.path)}${issue.path.length > 0 ? '.' : ''}${line}`);
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys] : issue.path;
    const message = issue.code === 'invalid_type' && issue.message.endsWith('received undefined') ? 'missing. Fix: add it (src/lib/model/schema.ts lists every field)' : issue.message;
    return [`${file}: ${fieldPath(path) || '(the file)'}: ${message}`];
  });
}
