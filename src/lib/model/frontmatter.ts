/**
 * The frontmatter of an MDX file as text: the YAML between the `---` fences at its start and where
 * it lies, so a tool can read it (`npm run check:publish`) or rewrite one block of it and keep every
 * other byte (`npm run review -- --approve`). A byte-order mark and CRLF line ends are allowed.
 *
 * Plain Node (no relative imports), so scripts run it directly.
 */

/** The YAML of a file's frontmatter and the offset of its first character in the file. */
export interface FrontmatterText {
  yaml: string;
  start: number;
}

/** `---` fences at the start of the file. */
const FENCES = /^(\uFEFF?---\r?\n)([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/**
 * The frontmatter of `text`, or undefined when it has none.
 * @example frontmatterText('---\ntitle: T\n---\nText') // => { yaml: 'title: T', start: 4 }
 */
export function frontmatterText(text: string): FrontmatterText | undefined {
  const match = FENCES.exec(text);
  return match ? { yaml: match[2], start: match[1].length } : undefined;
}
