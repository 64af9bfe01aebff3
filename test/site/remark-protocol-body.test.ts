/**
 * The MDX compile hands its tree of each protocol to the archive index
 * (src/lib/remark-protocol-body.ts), so the index no longer parses bodies itself.
 * These tests run the plugin the way @astrojs/mdx does: the file's frontmatter blanked
 * out (`parseFrontmatter(…, { frontmatter: 'empty-with-spaces' })`), compiled by MDX with
 * remark-gfm, and compare with what `parseProtocolBody(entry.body)` reads.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { compile } from '@mdx-js/mdx';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkGfm from 'remark-gfm';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parseProtocolBody, protocolBodyOf } from '../../src/lib/protocol-body';
import { protocolBodyFromFrontmatter, remarkProtocolBody } from '../../src/lib/remark-protocol-body';

const protocolsDir = join(import.meta.dirname, '../../content/protocols');

/** Compiles an MDX file as @astrojs/mdx does and returns the frontmatter the plugins leave. */
async function compileLikeAstro(path: string, text: string): Promise<Record<string, unknown>> {
  const { content, frontmatter } = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
  const file = new VFile({ value: content, path, data: { astro: { frontmatter } } });
  await compile(file, { remarkPlugins: [remarkGfm, remarkProtocolBody] });
  return (file.data as { astro: { frontmatter: Record<string, unknown> } }).astro.frontmatter;
}

/** What the content collection gives the site as `entry.body` (@astrojs/mdx `getEntryInfo`). */
function entryBody(text: string): string {
  return parseFrontmatter(text, { frontmatter: 'empty-with-spaces' }).content.trim();
}

describe('remarkProtocolBody', () => {
  const files = readdirSync(protocolsDir).filter((name) => name.endsWith('.mdx'));

  it.each(files)('reads %s exactly as parseProtocolBody reads its entry body, line numbers included', async (name) => {
    const path = join(protocolsDir, name);
    const text = readFileSync(path, 'utf8');
    const fromCompile = protocolBodyFromFrontmatter(await compileLikeAstro(path, text));
    expect(fromCompile).toBeDefined();
    // Through JSON, as the compiled module exports it.
    expect(JSON.parse(JSON.stringify(fromCompile))).toEqual(JSON.parse(JSON.stringify(parseProtocolBody(entryBody(text)))));
    expect(fromCompile!.resolutions.length).toBeGreaterThan(0);
  });

  it('numbers resolution lines from the body, also after blank lines below the frontmatter', async () => {
    const text = '---\ntitle: X\ncommittee: plenum\n---\n\n\nVorab.\n\n<Resolution id="m-b1" kind="Beschluss">Ja.</Resolution>\n';
    const fromCompile = protocolBodyFromFrontmatter(await compileLikeAstro('/x/content/protocols/m.mdx', text));
    expect(fromCompile?.resolutions.map((r) => r.line)).toEqual([3]);
    expect(parseProtocolBody(entryBody(text)).resolutions.map((r) => r.line)).toEqual([3]);
  });

  it('keeps the frontmatter it was given and leaves files outside content/protocols alone', async () => {
    const text = '---\ntitle: X\n---\n\n<Resolution id="m-b1" kind="Beschluss">Ja.</Resolution>\n';
    expect(await compileLikeAstro('/x/src/pages/about.mdx', text)).toEqual({ title: 'X' });
    expect(await compileLikeAstro('/x/content/protocols/m.mdx', text)).toMatchObject({ title: 'X', protocolBody: { topNumbers: [] } });
  });

  it('is ignored when missing or malformed, so the archive parses the body itself', () => {
    expect(protocolBodyFromFrontmatter({})).toBeUndefined();
    expect(protocolBodyFromFrontmatter({ protocolBody: { topNumbers: [] } })).toBeUndefined();
    const body = '## TOP 1 – A\n\n<Resolution id="m-b1" kind="Beschluss">Ja.</Resolution>';
    expect(protocolBodyOf({ body }).resolutions.map((r) => r.id)).toEqual(['m-b1']);
    const given = parseProtocolBody('## TOP 2 – B');
    expect(protocolBodyOf({ body, parsedBody: given })).toBe(given);
  });
});
