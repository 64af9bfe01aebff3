/**
 * The importer's attachment step (`scripts/import/attachments.ts`) and the reference
 * grammar it shares with the site (`findAttachmentReferences`, src/lib/text/attachments.ts).
 */
import { describe, expect, it } from 'vitest';
import { listAttachments } from '../../scripts/import/steps/attachments.ts';
import type { Section } from '../../scripts/import/model.ts';
import { findAttachmentReferences } from '../../src/lib/text/attachments.ts';
import { importText } from './helpers.ts';

/** The numbers a text refers to. */
const numbers = (text: string) => findAttachmentReferences(text).map((r) => r.number);

describe('findAttachmentReferences', () => {
  it('finds single, plural, listed and ranged references', () => {
    expect(numbers('siehe Anlage 1')).toEqual(['1']);
    expect(numbers('siehe Anlagen 5 und 6')).toEqual(['5', '6']);
    expect(numbers('siehe Anlage 3 und Anlage 4')).toEqual(['3', '4']);
    expect(numbers('Anlagen 2, 3 sowie 7')).toEqual(['2', '3', '7']);
    expect(numbers('die Anlagen 1 bis 4')).toEqual(['1', '2', '3', '4']);
    expect(numbers('(Anlage 1).')).toEqual(['1']);
    expect(numbers('Anlage 5a')).toEqual(['5a']);
  });

  it('does not take words or dates for attachments', () => {
    expect(numbers('Die Kläranlage 3 ist in Betrieb.')).toEqual([]);
    expect(numbers('Die Anlage der Firma läuft seit 2019.')).toEqual([]);
    expect(numbers('Anlage 2 und 2021 wurde beschlossen')).toEqual(['2']);
    expect(numbers('Anlage 1 und 12.03.2021')).toEqual(['1']);
  });

  it('reads what the text calls the attachment, not a remark in brackets', () => {
    const kinds = (text: string) => findAttachmentReferences(text).map((r) => r.kind);
    expect(kinds('siehe Präsentation Anlage 1.')).toEqual(['Präsentation']);
    expect(kinds('Siehe Anlage 4 (power-point Präsentation) und 5 (Infoblatt).')).toEqual(['power-point Präsentation', 'Infoblatt']);
    expect(kinds('siehe Anlage 5 (wird nachgeliefert)')).toEqual([undefined]);
    // A capital at the start of a sentence is not a title.
    expect(kinds('Erledigt. Siehe Anlage 2')).toEqual([undefined]);
    expect(kinds('Die Ergebnisse der Befragung in Anlage 7.')).toEqual([undefined]);
  });

  it('gives the offsets of each number, for linking', () => {
    const text = 'siehe Anlagen 5 und 6.';
    expect(findAttachmentReferences(text).map((r) => text.slice(r.start, r.end))).toEqual(['5', '6']);
  });
});

describe('listAttachments', () => {
  const section = (number: string | null, ...texts: string[]): Section => ({
    number,
    title: '',
    line: 1,
    blocks: texts.map((text, i) => ({ kind: 'paragraph', text, line: i + 2 })),
  });
  const titles: Record<string, string> = { '1': 'Begrüßung', '2': 'Bericht aus dem BMAS' };

  it('lists each number once, in number order, with the TOP of its first mention', () => {
    const list = listAttachments(
      [
        section(null, 'Gedenkworte (Anlage 1).'),
        section('2', 'Bericht – siehe Anlagen 10 und 2.', 'Wie in Anlage 2 gezeigt …'),
        section('3', 'siehe **Präsentation Anlage 3**'),
      ],
      (n) => titles[n],
    );
    expect(list).toEqual([
      { number: '1', title: 'Anlage 1' },
      { number: '2', title: 'Bericht aus dem BMAS', item: '2' },
      { number: '3', title: 'Präsentation', item: '3' },
      { number: '10', title: 'Bericht aus dem BMAS', item: '2' },
    ]);
  });

  it('writes entries without a file into the imported frontmatter', () => {
    const result = importText(
      [
        'Protokoll des Strategiekreises',
        '11. November 2021',
        '',
        'Tagesordnung',
        '1. Neues aus der OM',
        '2. Bericht',
        '',
        '1. Neues aus der OM',
        'Dr. Annette Icks berichtet – siehe Präsentation Anlage 1.',
        '',
        '2. Bericht',
        'Siehe Anlagen 2 und 3 (Infoblatt).',
      ].join('\n'),
    );
    expect(result.frontmatter.attachments).toEqual([
      { number: '1', title: 'Präsentation', item: '1' },
      { number: '2', title: 'Bericht', item: '2' },
      { number: '3', title: 'Infoblatt', item: '2' },
    ]);
    expect(result.mdx).toMatch(/attachments:\n {2}- number: "1"\n {4}title: Präsentation\n {4}item: "1"/);
    expect(result.frontmatter.attachments.every((a) => a.file === undefined)).toBe(true);
  });
});
