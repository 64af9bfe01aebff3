/**
 * Fidelity: every word of an original protocol appears in the MDX the importer
 * writes for it (frontmatter, review comment or body). HTML tags of Word exports
 * are markup, not words; a word split by line-end hyphenation may appear joined.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../scripts/import/readers/decode.ts';
import { importSource, SOURCES, sourceFiles } from './helpers.ts';

/** Words (letters and digits) of a text, lower-cased. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The source's words, with HTML tags (markup of Word exports) and entity names removed. */
function sourceWords(name: string): string[] {
  const text = decodeSource(readFileSync(join(SOURCES, name)), name)
    .replace(/<\/?[a-zA-Z][^>]*>/g, ' ')
    .replace(/&[a-z]+;/g, ' ');
  return words(text);
}

describe.each(sourceFiles())('fidelity of %s', (name) => {
  it('keeps every word of the source in the MDX', () => {
    const { result } = importSource(name);
    const mdx = result.mdx.toLowerCase();
    const present = new Set(words(mdx));
    // A word missing as a token may have been joined with its neighbour (hyphenation at a line end).
    const missing = [...new Set(sourceWords(name))].filter((w) => !present.has(w) && !mdx.includes(w));
    expect(missing).toEqual([]);
  });

  it('keeps the protocol text in the body, not only in the review comment', () => {
    const { result } = importSource(name);
    const body = result.mdx.slice(result.mdx.lastIndexOf('*/}'));
    const bodyWords = new Set(words(body));
    const source = sourceWords(name);
    const inBody = source.filter((w) => bodyWords.has(w)).length;
    // Header and agenda live in frontmatter; the rest of the text is the body.
    expect(inBody / source.length).toBeGreaterThan(0.85);
  });
});
