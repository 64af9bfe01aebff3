/**
 * Remark plugin: hands the MDX compile's own tree of a protocol body to the archive,
 * so each body is parsed once per build instead of twice.
 *
 * For `content/protocols/<meeting-id>.mdx` it reads the TOP headings, `<Resolution>`
 * elements and visible text with `protocolBodyFromTree` (`src/lib/protocol-body.ts`,
 * the same reader `parseProtocolBody` uses) and stores the result as
 * `protocolBody` in the module's frontmatter export. `src/lib/archive.ts` takes it
 * from `render(entry).remarkPluginFrontmatter`; without it (other pipelines, tests)
 * the archive parses the body itself, with the same result.
 *
 * Why: the second remark-mdx parse cost about 7.5 s of a 69 s build at 2,000
 * protocols (BENCHMARKS.md, issue #8).
 *
 * Lines: @astrojs/mdx compiles the file with its frontmatter blanked out, so tree
 * positions are file lines, while the collection's `entry.body` (and so
 * `parseProtocolBody`) counts from the body's first non-blank line. Resolution
 * lines are shifted to the body's numbering, so messages read the same either way.
 *
 * Registered in `astro.config.mjs`: `unified({ remarkPlugins: [remarkGfm, remarkProtocolBody] })`,
 * after remark-gfm so tables and autolinks are in the tree as the site shows them.
 */
import type { Root } from 'mdast';
import { meetingIdOfProtocolFile, protocolBodyFromTree, type ProtocolBody } from './protocol-body.ts';

/** The frontmatter key the plugin writes (read by `protocolBodyFromFrontmatter`). */
export const PROTOCOL_BODY_KEY = 'protocolBody';

/** The part of a VFile the plugin uses. */
interface FileLike {
  path?: string;
  value?: unknown;
  data: { astro?: { frontmatter?: Record<string, unknown> } };
}

/** Number of line breaks before the first non-blank character: what `entry.body`'s trim removes. */
function leadingLineBreaks(value: string): number {
  const leading = /^\s*/.exec(value)?.[0] ?? '';
  return leading.split('\n').length - 1;
}

/**
 * The plugin. Leaves other files alone.
 * @example unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkProtocolBody)
 */
export function remarkProtocolBody() {
  return (tree: Root, file: FileLike) => {
    if (!meetingIdOfProtocolFile(file.path)) return;
    const body = protocolBodyFromTree(tree);
    const shift = leadingLineBreaks(typeof file.value === 'string' ? file.value : String(file.value ?? ''));
    const shifted: ProtocolBody = {
      ...body,
      resolutions: body.resolutions.map((r) => ({ ...r, line: r.line === undefined ? undefined : r.line - shift })),
    };
    file.data.astro ??= {};
    file.data.astro.frontmatter ??= {};
    file.data.astro.frontmatter[PROTOCOL_BODY_KEY] = shifted;
  };
}

/**
 * Reads what the plugin stored, from `render(entry).remarkPluginFrontmatter`.
 * @returns the protocol body, or undefined when the plugin did not run (then parse the body)
 */
export function protocolBodyFromFrontmatter(frontmatter: Record<string, unknown> | undefined): ProtocolBody | undefined {
  const value = frontmatter?.[PROTOCOL_BODY_KEY] as ProtocolBody | undefined;
  if (!value || !Array.isArray(value.topNumbers) || !Array.isArray(value.resolutions) || typeof value.text?.text !== 'string') return undefined;
  return value;
}
