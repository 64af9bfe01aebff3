import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { topAnchorId, topNumberFromHeading } from '../../src/lib/model/anchors';
import { rehypeTopIds } from '../../src/lib/text/rehype-top-ids';

/** A hast element with text. */
function el(tagName: string, text: string, id?: string): Element {
  return { type: 'element', tagName, properties: id ? { id } : {}, children: [{ type: 'text', value: text }] };
}

/** Runs the plugin and returns the ids of the top-level elements. */
function ids(...children: Element[]): unknown[] {
  const tree: Root = { type: 'root', children };
  rehypeTopIds()(tree);
  return children.map((child) => child.properties.id);
}

describe('rehypeTopIds', () => {
  it('gives "## TOP n – …" headings the id top-n, the anchor the agenda links to', () => {
    expect(ids(el('h2', 'TOP 7 – Verschiedenes'), el('h2', 'TOP 3.1 – Unterpunkt'))).toEqual(['top-7', 'top-3-1']);
    expect(topAnchorId('7')).toBe('top-7');
  });

  it('leaves other headings, sub-headings and existing ids alone', () => {
    expect(ids(el('h2', 'Anlagen'), el('h3', 'TOP 1 – als Unterüberschrift'), el('h2', 'TOP 2 – X', 'eigene-id'))).toEqual([
      undefined,
      undefined,
      'eigene-id',
    ]);
  });

  it('keeps ids unique when a TOP number repeats', () => {
    expect(ids(el('h2', 'TOP 4 – A'), el('h2', 'TOP 4 – B'))).toEqual(['top-4', 'top-4-2']);
  });
});

describe('topNumberFromHeading', () => {
  it('reads the number, not a word starting with TOP', () => {
    expect(topNumberFromHeading('TOP 12: Bericht')).toBe('12');
    expect(topNumberFromHeading('TOP 3a – Nachtrag')).toBe('3a');
    expect(topNumberFromHeading('Topthemen 2021')).toBeUndefined();
  });
});
